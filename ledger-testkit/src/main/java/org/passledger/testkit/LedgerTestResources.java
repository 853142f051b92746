package org.passledger.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real servers it needs: a fresh PostgreSQL database of its own, the
 * JVM's Kafka broker (in-process, or LEDGER_TEST_KAFKA when set) and the test token key.
 */
public class LedgerTestResources implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres.Database database;

    @Override
    public Map<String, String> start() {
        database = EmbeddedPostgres.newDatabase("test");
        return Map.of(
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the servers live as long as the JVM; each test application got its own database
    }

    /** The database of the running test application, for tests that look at the tables themselves. */
    public static EmbeddedPostgres.Database database() {
        return database;
    }

    public static String kafkaBootstrapServers() {
        String external = System.getenv("LEDGER_TEST_KAFKA");
        return external == null || external.isBlank() ? EmbeddedKafka.bootstrapServers() : external;
    }
}
