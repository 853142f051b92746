package org.passledger.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passledger.testkit.EmbeddedPostgres;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;
import org.passledger.tools.Audit;
import org.passledger.tools.journey.ServiceUrls;

/** The whole system as ./ledger up runs it: four service processes on a real PostgreSQL and Kafka. */
final class LedgerStack {

    private static final List<String> SERVICES =
            List.of("labelling-service", "issuance-service", "redemption-service", "settlement-service");

    private static LedgerStack shared;

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Path root;

    /** One stack for every system test of the JVM, started on first use and stopped when the JVM exits. */
    static synchronized LedgerStack shared() throws Exception {
        if (shared == null) {
            LedgerStack stack = new LedgerStack();
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stack.stop();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
            shared = stack;
        }
        return shared;
    }

    private LedgerStack() {
        root = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
        String kafka = LedgerTestResources.kafkaBootstrapServers();
        for (String service : SERVICES) {
            EmbeddedPostgres.Database database = EmbeddedPostgres.newDatabase(service.replace("-service", ""));
            Map<String, String> environment = Map.of(
                    "LEDGER_PG_HOST", database.host(),
                    "LEDGER_PG_PORT", String.valueOf(database.port()),
                    "LEDGER_PG_USER", database.user(),
                    "LEDGER_PG_PASSWORD", database.password(),
                    "LEDGER_PG_DATABASE", database.name(),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka,
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString(),
                    "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
            environments.put(service, environment);
            services.put(service, new ServiceProcess(service, root, environment));
        }
    }

    void start() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.start();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    void stop() throws InterruptedException {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        for (ServiceProcess service : running) {
            service.stop();
        }
    }

    /** One more instance of a service, on the same database and broker, with extra settings; the caller stops it. */
    ServiceProcess startAnotherInstance(String service, Map<String, String> settings) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(environments.get(service));
        environment.putAll(settings);
        ServiceProcess instance = new ServiceProcess(service, root, environment);
        instance.start();
        instance.awaitReady(Duration.ofSeconds(120));
        return instance;
    }

    ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /** Each service's event store, for the audit. */
    List<Audit.Store> stores() {
        return environments.entrySet().stream().map(e -> {
            Map<String, String> env = e.getValue();
            return new Audit.Store(e.getKey(), "jdbc:postgresql://" + env.get("LEDGER_PG_HOST") + ":"
                    + env.get("LEDGER_PG_PORT") + "/" + env.get("LEDGER_PG_DATABASE"), env.get("LEDGER_PG_USER"),
                    env.get("LEDGER_PG_PASSWORD"));
        }).toList();
    }

    ServiceUrls urls() {
        return new ServiceUrls(services.get("labelling-service").baseUrl(), services.get("issuance-service").baseUrl(),
                services.get("redemption-service").baseUrl(), services.get("settlement-service").baseUrl());
    }
}
