package org.passledger.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a real PostgreSQL (zonky embedded binaries) on 127.0.0.1 with a data directory that is kept
 * between runs, creates the missing databases, prints {@code PostgreSQL ready on 127.0.0.1:<port>}
 * and stays up until SIGTERM, when it stops PostgreSQL cleanly.
 *
 * <pre>PostgresServer --port 15432 --data-dir .ledger/data/postgres --databases a,b,c [--max-connections 200]</pre>
 */
public final class PostgresServer {

    static final String USAGE = "usage: PostgresServer --port 15432 --data-dir DIR [--databases a,b,c]"
            + " [--max-connections 200]";
    static final String READY = "PostgreSQL ready on 127.0.0.1:";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static volatile boolean stopping;

    private PostgresServer() {
    }

    public static void main(String[] argv) {
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        Cli.main(argv, USAGE, Set.of("port", "data-dir", "databases", "max-connections"), PostgresServer::run);
    }

    static void run(Args args) throws Exception {
        int port = args.intValue("port", 15432, 1, 65535);
        Path dataDir = Path.of(args.required("data-dir")).toAbsolutePath().normalize();
        List<String> databases = args.list("databases");
        int maxConnections = args.intValue("max-connections", 200, 10, 10_000);
        Databases.validateNames(databases);

        refuseIfAlreadyRunning(dataDir);
        refuseIfPortTaken(port);
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", Integer.toString(maxConnections))
                // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off: a ledger keeps both on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        long postmasterPid = postmasterPid(dataDir).orElse(-1L);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, dataDir, postmasterPid), "postgres-stopper"));

        try (Connection connection = connect(port)) {
            checkDurability(connection);
            Databases.ensure(connection, databases);
        }
        System.out.println(READY + port);
        System.out.flush();

        while (isAlive(postmasterPid) || stopping) {
            Thread.sleep(500);
        }
        System.err.println("error: PostgreSQL (pid " + postmasterPid + ") exited unexpectedly");
        System.exit(1);
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static void checkDurability(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW fsync")) {
            if (row.next() && !"on".equals(row.getString(1))) {
                System.err.println("warning: PostgreSQL runs with fsync=" + row.getString(1));
            }
        }
    }

    private static void stop(EmbeddedPostgres postgres, Path dataDir, long postmasterPid) {
        stopping = true;
        System.out.println("Stopping PostgreSQL");
        try {
            postgres.close(); // pg_ctl stop -m fast
        } catch (IOException | RuntimeException e) {
            System.err.println("error while stopping PostgreSQL: " + e);
        }
        // PostgreSQL removes postmaster.pid when it has shut down; pg_ctl gives up after 5 s, we wait longer
        Path lockFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (Files.exists(lockFile) && isAlive(postmasterPid) && System.nanoTime() < deadline) {
            sleepQuietly(100);
        }
        if (Files.exists(lockFile) && isAlive(postmasterPid)) {
            System.err.println("error: PostgreSQL (pid " + postmasterPid + ") still running after " + STOP_WAIT.toSeconds() + " s");
        } else {
            System.out.println("PostgreSQL stopped");
        }
        System.out.flush();
    }

    /** A postmaster still serving this data directory (an earlier run whose JVM was killed) is not started twice. */
    private static void refuseIfAlreadyRunning(Path dataDir) throws IOException {
        Optional<Long> pid = postmasterPid(dataDir);
        if (pid.isEmpty() || !isAlive(pid.get())) {
            return; // no lock file, or a stale one PostgreSQL will replace itself
        }
        String command = ProcessHandle.of(pid.get()).flatMap(p -> p.info().command()).orElse("");
        if (command.isEmpty() || command.endsWith("postgres")) {
            throw new Cli.ToolException("a PostgreSQL (pid " + pid.get() + ") already runs on " + dataDir
                    + ": stop it first (./ledger down)");
        }
        // the pid was reused by an unrelated process: the lock file is stale
        System.err.println("removing stale " + dataDir.resolve("postmaster.pid") + " (pid " + pid.get() + " is " + command + ")");
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    }

    private static void refuseIfPortTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new Cli.ToolException("port " + port + " on 127.0.0.1 is already in use by another process");
        }
    }

    static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path lock = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(lock);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Alive and not a zombie (an exited postmaster may wait a while for its new parent to reap it). */
    static boolean isAlive(long pid) {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.readString(stat);
            return !line.substring(line.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // no /proc (macOS): trust ProcessHandle
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
