package org.passledger.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passledger.testkit.EmbeddedPostgres;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TcpProxy;
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
    private final Map<String, EmbeddedPostgres.Database> databases = new LinkedHashMap<>();
    private final TcpProxy redemptionToPostgres;
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

    private LedgerStack() throws IOException {
        root = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
        String kafka = LedgerTestResources.kafkaBootstrapServers();
        TcpProxy proxy = null;
        for (String service : SERVICES) {
            EmbeddedPostgres.Database database = EmbeddedPostgres.newDatabase(service.replace("-service", ""));
            databases.put(service, database);
            String pgHost = database.host();
            int pgPort = database.port();
            if (service.equals("redemption-service")) {
                // its connections to PostgreSQL go through a proxy that fault tests can slow down, cut or freeze
                proxy = TcpProxy.to(database.host(), database.port());
                pgHost = "127.0.0.1";
                pgPort = proxy.port();
            }
            Map<String, String> environment = Map.of(
                    "LEDGER_PG_HOST", pgHost,
                    "LEDGER_PG_PORT", String.valueOf(pgPort),
                    "LEDGER_PG_USER", database.user(),
                    "LEDGER_PG_PASSWORD", database.password(),
                    "LEDGER_PG_DATABASE", database.name(),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka,
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString(),
                    "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
            environments.put(service, environment);
            services.put(service, new ServiceProcess(service, root, environment));
        }
        redemptionToPostgres = proxy;
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

    /** The proxy between redemption-service and PostgreSQL. */
    TcpProxy redemptionToPostgres() {
        return redemptionToPostgres;
    }

    /** Each service's event store, for the audit (reached directly, never through a proxy). */
    List<Audit.Store> stores() {
        return databases.entrySet().stream().map(e -> new Audit.Store(e.getKey(), e.getValue().jdbcUrl(),
                e.getValue().user(), e.getValue().password())).toList();
    }

    ServiceUrls urls() {
        return new ServiceUrls(services.get("labelling-service").baseUrl(), services.get("issuance-service").baseUrl(),
                services.get("redemption-service").baseUrl(), services.get("settlement-service").baseUrl());
    }
}
