package org.passledger.testkit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for the test JVM: started from Maven Central's binaries (zonky), or an
 * external one when LEDGER_TEST_PG_HOST is set. Every caller gets a fresh database of its own.
 */
public final class EmbeddedPostgres {

    /** System property: "true" starts the embedded server with fsync and synchronous commit on. */
    public static final String DURABLE = "ledger.test.pg.durable";

    /** Where a test database lives. */
    public record Database(String host, int port, String name, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized Database newDatabase(String prefix) {
        String host = env("LEDGER_TEST_PG_HOST", null);
        int port;
        String user;
        String password;
        if (host != null) {
            port = Integer.parseInt(env("LEDGER_TEST_PG_PORT", "5432"));
            user = env("LEDGER_TEST_PG_USER", "postgres");
            password = env("LEDGER_TEST_PG_PASSWORD", "");
        } else {
            host = "127.0.0.1";
            port = embedded().getPort();
            user = "postgres";
            password = "";
        }
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Database(host, port, name, user, password);
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded() {
        if (server == null) {
            try {
                var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300");
                if (Boolean.getBoolean(DURABLE)) {
                    // zonky turns fsync and synchronous commit off; benchmarks measure the server as shipped
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                server = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
