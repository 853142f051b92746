package org.passledger.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service started from its built application, as ./ledger up starts it, with its log in target/. */
final class ServiceProcess {

    private final String name;
    private final Path root;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private Path deployed;

    ServiceProcess(String name, Path root, Map<String, String> environment) {
        this.name = name;
        this.root = root;
        this.environment = environment;
        this.port = freePort();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        if (deployed == null) {
            deployed = deploy();
        }
        Path jar = deployed.resolve("quarkus-run.jar");
        Path log = root.resolve("system-tests/target/system-logs/" + name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar", jar.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        process = builder.start();
    }

    /**
     * A fresh copy of the built application, made at the first start, as a deployment would: a rebuild of the module while the
     * test runs then cannot pull classes from under the running process.
     */
    private Path deploy() throws IOException {
        Path built = root.resolve(name).resolve("target/quarkus-app");
        if (!Files.exists(built.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(built + " is missing: build the services first (./mvnw install)");
        }
        Path copy = root.resolve("system-tests/target/deployed/" + name);
        if (Files.exists(copy)) {
            try (var old = Files.walk(copy)) {
                for (Path file : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
        try (var files = Files.walk(built)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(built.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    /** Waits until the service's readiness check (PostgreSQL and Kafka included) answers 200. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see its log");
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    /** Stops the service the way ./ledger down does: SIGTERM, a graceful shutdown, then a kill if it hangs. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would: no shutdown hook, no graceful close of anything. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL for 30 s");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // The OS may hand the same free port out twice before either service binds it: never give one out twice here.
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
