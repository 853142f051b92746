package org.passledger.redemption.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.values.Address;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.EmbeddedPostgres;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Not a test: prints redemptions per second over HTTP with p50/p99 latency, next to the figure of one event
 * append transaction on the same database in the same run (pgbench when it is on the PATH, and plain JDBC
 * always). Asserts nothing.
 *
 * <p>Run: {@code ./mvnw -B -o -pl redemption-service -Pbenchmark verify -DskipTests} (after a build), with
 * optional {@code -Dbench.redemptions=3000 -Dbench.concurrency=16 -Dbench.seconds=10}.
 *
 * <p>It starts PostgreSQL and Kafka like the tests do, one instance of the packaged service
 * (target/quarkus-app, copied to target/benchmark-instance), seeds labelled places and distributed vouchers
 * through the topics, waits until the projections hold them, warms up, then redeems each voucher once over
 * HTTP with a fixed number of client threads. The append benchmark runs afterwards, service stopped, on the
 * same database: one transaction inserting one event of a new stream plus its outbox row, the statement the
 * kernel's event store runs.
 */
public final class RedemptionBenchmark {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int PLACES = 20;
    static final String APPEND = """
            with appended as (
                insert into events (stream_id, version, event_id, type, topic, payload,
                                    correlation_id, causation_id, actor, recorded_at)
                select 'bench-' || gen_random_uuid(), 1, gen_random_uuid(), 'benchmark.append.v1',
                       'redemption-service.benchmark.v1', cast('{"benchmark": true, "amountCents": 1000}' as jsonb),
                       gen_random_uuid(), null, 'benchmark', now()
                on conflict (stream_id, version) do nothing
                returning position)
            insert into outbox (position) select position from appended""";

    private RedemptionBenchmark() {
    }

    /** The module's folder: exec:java runs in the directory Maven was started from. */
    static final Path BASE = Path.of(System.getProperty("bench.basedir", "."));

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the embedded broker's threads would keep the JVM alive
    }

    private static void run() throws Exception {
        int redemptions = Integer.getInteger("bench.redemptions", 1000); // per client count
        int warmup = Integer.getInteger("bench.warmup", 500);
        List<Integer> clients = Arrays.stream(System.getProperty("bench.clients", "1,4,16,64").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int concurrency = Integer.getInteger("bench.concurrency", 16); // the JDBC and pgbench ceilings
        int seconds = Integer.getInteger("bench.seconds", 10);

        System.setProperty(EmbeddedPostgres.DURABLE, "true");
        new LedgerTestResources().start();
        EmbeddedPostgres.Database db = LedgerTestResources.database();
        System.out.printf(Locale.ROOT, "PostgreSQL fsync=%s synchronous_commit=%s; load average %s%n",
                setting(db, "fsync"), setting(db, "synchronous_commit"), loadAverage());
        Process service = startService(db);
        try {
            int port = awaitReady(service);
            List<UUID> places = new ArrayList<>();
            long seedStart = System.nanoTime();
            List<String> codes = seed(places, warmup + clients.size() * redemptions);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            int seededEvents = 3 * codes.size() + 2 * places.size();
            System.out.printf(Locale.ROOT, "%nLive projections: %d events (%d places, %d vouchers issued, activated "
                    + "and handed out) published and applied in %.1f s: %.0f events/s; load average %s%n",
                    seededEvents, places.size(), codes.size(), seedSeconds, seededEvents / seedSeconds, loadAverage());

            long rebuildStart = System.nanoTime();
            int rebuilt = rebuild(port, "redemption.voucher-eligibility");
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            System.out.printf(Locale.ROOT, "Rebuild of redemption.voucher-eligibility: %d events in %.1f s: "
                    + "%.0f events/s; load average %s%n", rebuilt, rebuildSeconds, rebuilt / rebuildSeconds,
                    loadAverage());

            redeemAll(port, places, codes.subList(0, warmup), concurrency); // warm-up, not reported
            System.out.printf(Locale.ROOT, "%nHTTP POST /redemptions, distinct vouchers, %d per client count:%n",
                    redemptions);
            for (int i = 0; i < clients.size(); i++) {
                int from = warmup + i * redemptions;
                double[] before = groupCommit(port);
                Result http = redeemAll(port, places, codes.subList(from, from + redemptions), clients.get(i));
                double[] after = groupCommit(port);
                double grouped = after[0] - before[0];
                double all = grouped + after[1] - before[1];
                perClients.put(clients.get(i), http.perSecond());
                System.out.printf(Locale.ROOT, "  %2d clients: %5.0f redemptions/s, p50 %6.2f ms, p99 %6.2f ms "
                        + "(%d not 201; %.0f %% answered by a group commit); load average %s%n", clients.get(i),
                        http.perSecond(), http.p50(), http.p99(), http.failures(),
                        all == 0 ? 0 : 100 * grouped / all, loadAverage());
            }

            int backlog = Integer.getInteger("bench.backlog", 100_000);
            double[] waited = handOutBehindABacklog(port, places.get(0), backlog);
            System.out.printf(Locale.ROOT, "%nA voucher handed out right after a large order (%d vouchers issued and "
                    + "activated, %d events, published in %.1f s): redeemable %.1f s after its hand-out was published; "
                    + "load average %s%n", backlog, 2 * backlog, waited[0], waited[1], loadAverage());
        } finally {
            stop(service);
        }
        Profile.print(PROFILE, 12);

        Result jdbc = jdbcAppends(db, concurrency, seconds);
        System.out.printf(Locale.ROOT, "%nJDBC, one append transaction (event + outbox row, autocommit off), "
                + "%d threads, %d s:%n", concurrency, seconds);
        System.out.printf(Locale.ROOT, "  %.0f transactions/s, latency p50 %.2f ms, p99 %.2f ms%n",
                jdbc.perSecond(), jdbc.p50(), jdbc.p99());
        double ceiling = pgbench(db, concurrency, seconds);
        if (!Double.isNaN(ceiling)) {
            System.out.printf(Locale.ROOT, "%nRedemptions over HTTP against pgbench's %.0f tps (%d clients):%n",
                    ceiling, concurrency);
            perClients.forEach((n, perSecond) -> System.out.printf(Locale.ROOT, "  %2d clients: %.2fx%n", n,
                    perSecond / ceiling));
        }
    }

    /** The service's group-commit counters for redemptions: {grouped, alone}. */
    private static double[] groupCommit(int port) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double[] counts = new double[2];
        for (String line : metrics.split("\n")) {
            if (line.startsWith("ledger_group_commit_commands_total{") && line.contains("command=\"redeem\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                counts[line.contains("mode=\"grouped\"") ? 0 : 1] += value;
            }
        }
        return counts;
    }

    private static final Map<Integer, Double> perClients = new java.util.LinkedHashMap<>();

    record Result(int count, int failures, double perSecond, double p50, double p99) {

        static Result of(long[] nanos, int failures, long elapsedNanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Result(sorted.length, failures, sorted.length / (elapsedNanos / 1e9),
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    // ---- the service

    private static final Path PROFILE = BASE.resolve("target").resolve("benchmark-service.jfr");

    private static Process startService(EmbeddedPostgres.Database db) throws IOException {
        Path copy = BASE.resolve("target").resolve("benchmark-instance");
        copyTree(BASE.resolve("target").resolve("quarkus-app"), copy);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // a JFR profile of the service for the whole run, summarised at the end (Profile)
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + PROFILE.toAbsolutePath(),
                "-jar", copy.resolve("quarkus-run.jar").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(BASE.resolve("target").resolve("benchmark-instance.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.put("LEDGER_PG_HOST", db.host());
        env.put("LEDGER_PG_PORT", String.valueOf(db.port()));
        env.put("LEDGER_PG_USER", db.user());
        env.put("LEDGER_PG_PASSWORD", db.password());
        env.put("LEDGER_PG_DATABASE", db.name());
        env.put("KAFKA_BOOTSTRAP_SERVERS", LedgerTestResources.kafkaBootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        Process process = builder.start();
        portOf.put(process, port);
        return process;
    }

    private static final Map<Process, Integer> portOf = new java.util.concurrent.ConcurrentHashMap<>();

    private static int awaitReady(Process service) {
        int port = portOf.get(service);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        await("the benchmark's service ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!service.isAlive()) {
                        throw new IllegalStateException("the service stopped; see target/benchmark-instance.log");
                    }
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException stillStarting) {
                        return false;
                    }
                });
        return port;
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(20, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }

    // ---- seeding through the topics, as labelling and issuance publish

    /** A producer as the services' relays configure theirs: every record acknowledged by the broker. */
    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LedgerTestResources.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> seed(List<UUID> places, int vouchers) throws Exception {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        List<String> codes = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < PLACES; i++) {
                UUID place = UUID.randomUUID();
                places.add(place);
                send(producer, Topics.STRUCTURES, 1, new StructureRegistered(place, "Lieu " + i, "73282932000074",
                        "association", new Address("1 place de la Mairie", "30600", "Commune", "30"), null, now));
                send(producer, Topics.STRUCTURES, 2, new LabelGranted(place, "ANCT-2026-030-" + i,
                        today.minusDays(1), today.plusYears(3), "30", now));
            }
            for (int i = 0; i < vouchers; i++) {
                UUID voucher = UUID.randomUUID();
                UUID programme = UUID.randomUUID();
                UUID funder = UUID.randomUUID();
                String code = "PN" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                        .toUpperCase(Locale.ROOT);
                codes.add(code);
                send(producer, Topics.VOUCHERS, 1, new VoucherIssued(voucher, hash(code), programme, funder,
                        UUID.randomUUID(), UUID.randomUUID(), 1, 1000, List.of("30"), List.of(),
                        today.plusYears(1), today.plusYears(1), now));
                send(producer, Topics.VOUCHERS, 2, new VoucherActivated(voucher, programme, funder, "OP-1", now));
                send(producer, Topics.VOUCHERS, 3, new VoucherDistributed(voucher, programme, funder,
                        UUID.randomUUID(), "BEN-" + i, "25-34", "30600", now));
            }
            producer.flush();
        }
        EmbeddedPostgres.Database db = LedgerTestResources.database();
        await("the projections to catch up with the seed").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(db, "select count(*) from voucher_eligibility where events_applied = 3") >= vouchers
                        && count(db, "select count(*) from structure_label_period") >= PLACES);
        return codes;
    }

    /**
     * A voucher issued and activated long ago is handed out right after a large order was published: answers
     * the seconds from its hand-out's publication until the counter redeems it (POST /redemptions, retried
     * every 50 ms as a counter would, while the answer is a retryable 409), after the seconds the order took to
     * publish.
     */
    private static double[] handOutBehindABacklog(int port, UUID place, int backlog) throws Exception {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        UUID voucher = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        UUID funder = UUID.randomUUID();
        String code = "PN" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        EmbeddedPostgres.Database db = LedgerTestResources.database();
        double published;
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, Topics.VOUCHERS, 1, new VoucherIssued(voucher, hash(code), programme, funder,
                    UUID.randomUUID(), UUID.randomUUID(), 1, 1000, List.of("30"), List.of(),
                    today.plusYears(1), today.plusYears(1), now));
            send(producer, Topics.VOUCHERS, 2, new VoucherActivated(voucher, programme, funder, "OP-1", now));
            producer.flush();
            await("the voucher to be known").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(db, "select count(*) from voucher_eligibility where voucher_id = '"
                            + voucher + "' and activated_at is not null") == 1);
            UUID order = UUID.randomUUID();
            long orderStart = System.nanoTime();
            for (int i = 0; i < backlog; i++) {
                UUID other = UUID.randomUUID();
                send(producer, Topics.VOUCHERS, 1, new VoucherIssued(other, hash("PNBACKLOG" + i + order), order,
                        funder, UUID.randomUUID(), UUID.randomUUID(), 1, 1000, List.of("30"), List.of(),
                        today.plusYears(1), today.plusYears(1), now));
                send(producer, Topics.VOUCHERS, 2, new VoucherActivated(other, order, funder, "OP-2", now));
            }
            send(producer, Topics.VOUCHERS, 3, new VoucherDistributed(voucher, programme, funder,
                    UUID.randomUUID(), "BEN-BACKLOG", "25-34", "30600", Instant.now()));
            producer.flush();
            published = (System.nanoTime() - orderStart) / 1e9;
        }
        long handedOut = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String body = "{\"code\":\"" + code + "\",\"service\":\"atelier-collectif\"}";
        String key = UUID.randomUUID().toString();
        await("the handed-out voucher to be redeemable").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50)) // a counter retrying at its own pace
                .until(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/redemptions"))
                            .header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                            .header("Idempotency-Key", key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201
                            && (response.statusCode() != 409 || response.headers().firstValue("Retry-After").isEmpty())) {
                        throw new IllegalStateException("the counter refused for good: " + response.statusCode()
                                + " " + response.body());
                    }
                    return response.statusCode() == 201;
                });
        return new double[] {published, (System.nanoTime() - handedOut) / 1e9};
    }

    /** Rebuilds a projection over HTTP; answers how many events it was fed. */
    private static int rebuild(int port, String projection) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/admin/projections/" + projection + "/rebuild"))
                .header("Authorization", TestTokens.bearer(Roles.OPERATOR, "benchmark"))
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
        }
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"eventsApplied\"\\s*:\\s*(\\d+)")
                .matcher(response.body());
        if (!count.find()) {
            throw new IllegalStateException("no eventsApplied in " + response.body());
        }
        return Integer.parseInt(count.group(1));
    }

    private static String setting(EmbeddedPostgres.Database db, String name) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The 1-minute load average, read beside each figure. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, long version, LedgerEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, UUID.randomUUID(), "/pass-ledger/benchmark", Instant.now(),
                version, UUID.randomUUID(), null, "benchmark");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.kafkaKey(), envelope.kafkaValue());
        envelope.toKafkaHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    private static String hash(String code) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(code.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    }

    private static long count(EmbeddedPostgres.Database db, String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    // ---- the two measurements

    private static Result redeemAll(int port, List<UUID> places, List<String> codes, int concurrency)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/redemptions");
        List<String> tokens = places.stream().map(p -> TestTokens.bearer(Roles.STRUCTURE, p)).toList();
        ConcurrentLinkedQueue<Integer> work = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < codes.size(); i++) {
            work.add(i);
        }
        long[] nanos = new long[codes.size()];
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                try {
                    Integer i;
                    while ((i = work.poll()) != null) {
                        String body = "{\"code\":\"" + codes.get(i) + "\",\"service\":\"atelier-collectif\"}";
                        long before = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", tokens.get(i % tokens.size()))
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - before;
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
                return null;
            });
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return Result.of(nanos, failures.get(), elapsed);
    }

    private static Result jdbcAppends(EmbeddedPostgres.Database db, int concurrency, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                try (Connection connection = db.connect(); PreparedStatement append = connection.prepareStatement(APPEND)) {
                    connection.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        long before = System.nanoTime();
                        append.executeUpdate();
                        connection.commit();
                        mine.add(System.nanoTime() - before);
                    }
                }
                return mine.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (var future : futures) {
            all.add(future.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return Result.of(all.stream().flatMapToLong(Arrays::stream).toArray(), 0, elapsed);
    }

    /** Runs pgbench on the append transaction and prints its figures; answers its tps (NaN without pgbench). */
    private static double pgbench(EmbeddedPostgres.Database db, int concurrency, int seconds) throws Exception {
        Path script = BASE.resolve("target").resolve("append.pgbench.sql");
        Files.writeString(script, "begin;\n" + APPEND.replace("\n", " ") + ";\ncommit;\n");
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-h", db.host(), "-p", String.valueOf(db.port()),
                "-U", db.user(), "-c", String.valueOf(concurrency), "-j", "2", "-T", String.valueOf(seconds),
                "-f", script.toAbsolutePath().toString(), db.name()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", db.password());
        Process pgbench;
        try {
            pgbench = builder.start();
        } catch (IOException notInstalled) {
            System.out.println("\npgbench is not on the PATH: only the JDBC figure above measures the append.");
            return Double.NaN;
        }
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor();
        System.out.printf(Locale.ROOT, "%npgbench, the same append transaction, %d clients, %d s:%n", concurrency,
                seconds);
        output.lines().filter(l -> l.startsWith("tps") || l.startsWith("latency") || l.contains("failed"))
                .forEach(l -> System.out.println("  " + l));
        return output.lines().filter(l -> l.startsWith("tps = ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(6).split(" ")[0])).orElse(Double.NaN);
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
