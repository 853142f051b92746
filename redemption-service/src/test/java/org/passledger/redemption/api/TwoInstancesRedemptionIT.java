package org.passledger.redemption.api;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.EmbeddedPostgres;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Two running instances of the service on one database, both started from the packaged application (so this
 * runs in the integration-test phase, after package), fed by the JVM's Kafka broker and a fresh PostgreSQL
 * database. 1,000 concurrent redemptions of one voucher, spread over both, give exactly one success and one
 * stored event.
 */
class TwoInstancesRedemptionIT {

    static final int ATTEMPTS = 1000;
    static final int CLIENT_THREADS = 64;

    static final List<Process> instances = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();

    Clock clock = Clock.systemUTC();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        new LedgerTestResources().start(); // a fresh database, the broker and the token key, as @QuarkusTest gets
        Path app = Path.of("target", "quarkus-app");
        assertThat(app.resolve("quarkus-run.jar")).as("the packaged application").exists();
        // a copy, so that a rebuild cannot pull the application from under the running processes
        Path copy = Path.of("target", "second-instance");
        copyTree(app, copy);
        for (int i = 0; i < 2; i++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ports.add(port);
            instances.add(start(copy, port, Path.of("target", "instance-" + (i + 1) + ".log")));
        }
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            Process process = instances.get(i);
            int port = ports.get(i);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("instance alive (see target/instance-*.log)").isTrue();
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        }
    }

    private static Process start(Path app, int port, Path log) throws IOException {
        EmbeddedPostgres.Database db = LedgerTestResources.database();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                app.resolve("quarkus-run.jar").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("LEDGER_PG_HOST", db.host());
        env.put("LEDGER_PG_PORT", String.valueOf(db.port()));
        env.put("LEDGER_PG_USER", db.user());
        env.put("LEDGER_PG_PASSWORD", db.password());
        env.put("LEDGER_PG_DATABASE", db.name());
        env.put("KAFKA_BOOTSTRAP_SERVERS", LedgerTestResources.kafkaBootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        return builder.start();
    }

    @AfterAll
    static void stopTheInstances() throws Exception {
        for (Process process : instances) {
            process.destroy();
        }
        for (Process process : instances) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aThousandConcurrentRedemptionsOfOneVoucher_overTwoInstances_giveExactlyOneSuccess() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        List<URI> instances = ports.stream()
                .map(port -> URI.create("http://127.0.0.1:" + port + "/redemptions")).toList();
        // both instances see the voucher (they share the projections' database)
        for (URI instance : instances) {
            assertThat(validate(instance, place, voucher.code())).contains("\"redeemable\":true");
        }

        String token = TestTokens.bearer(Roles.STRUCTURE, place);
        String body = "{\"code\":\"" + voucher.code() + "\",\"service\":\"atelier-collectif\"}";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                URI target = instances.get(i % 2);
                int instance = i % 2;
                futures.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                            .header("Authorization", token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return new Answer(instance, response.statusCode(), response.body());
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }

            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
            assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(ATTEMPTS - 1)
                    .allSatisfy(a -> {
                        assertThat(a.status()).as(a.body()).isEqualTo(409);
                        assertThat(a.body()).containsAnyOf("\"code\":\"voucher-already-redeemed\"",
                                "\"code\":\"concurrent-modification\"");
                    });
            assertThat(answers).extracting(Answer::instance).containsOnly(0, 1);
            assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    record Answer(int instance, int status, String body) {
    }

    private static String validate(URI redemptions, UUID place, String code) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redemptions + "/validations"))
                        .header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"code\":\"" + code + "\",\"service\":\"atelier-collectif\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
