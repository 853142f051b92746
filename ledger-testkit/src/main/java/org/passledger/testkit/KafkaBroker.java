package org.passledger.testkit;

/**
 * Faults of the test JVM's in-process Kafka broker: stopped while clients keep trying, then started again on
 * the same port with the data it had. Not available when the tests use an external broker (LEDGER_TEST_KAFKA).
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    /** Whether this JVM runs the broker itself, so that it can stop and start it. */
    public static boolean inProcess() {
        String external = System.getenv("LEDGER_TEST_KAFKA");
        return external == null || external.isBlank();
    }

    public static void stop() {
        requireInProcess();
        EmbeddedKafka.stopBroker();
    }

    public static void start() {
        requireInProcess();
        EmbeddedKafka.startBroker();
    }

    private static void requireInProcess() {
        if (!inProcess()) {
            throw new IllegalStateException("the broker is external (LEDGER_TEST_KAFKA): this JVM cannot stop it");
        }
    }
}
