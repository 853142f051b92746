package org.passledger.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker inside the test JVM, from Kafka's own test kit. That kit is an internal
 * artifact, so its use stays in this one class.
 */
final class EmbeddedKafka {

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafka() {
    }

    static synchronized String bootstrapServers() {
        if (cluster == null) {
            // Kafka halts its process on a fatal fault, and here that process is the test JVM: a fault while the
            // broker stops at exit would become the test run's exit status. Say it instead of halting.
            Exit.setHaltProcedure(EmbeddedKafka::report);
            Exit.setExitProcedure(EmbeddedKafka::report);
            try {
                KafkaClusterTestKit started = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                started.format();
                started.startup();
                started.waitForReadyBrokers();
                cluster = started;
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop));
            } catch (Exception e) {
                throw new IllegalStateException("the in-process Kafka broker did not start", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /** Stops the broker; its controller, log directories and listening port stay reserved for a restart. */
    static synchronized void stopBroker() {
        if (cluster == null) {
            throw new IllegalStateException("the in-process Kafka broker was never started");
        }
        onlyBroker().shutdown();
        onlyBroker().awaitShutdown();
    }

    /** Starts the stopped broker again on the same port, with the data it had. */
    static synchronized void startBroker() {
        if (cluster == null) {
            throw new IllegalStateException("the in-process Kafka broker was never started");
        }
        onlyBroker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the in-process Kafka broker did not come back", e);
        }
    }

    private static kafka.server.BrokerServer onlyBroker() {
        return cluster.brokers().values().iterator().next();
    }

    private static void report(int status, String message) {
        System.err.println("The in-process Kafka broker asked to stop the JVM (" + status + "): " + message);
    }

    /** Closes the broker, but never holds the JVM's exit longer than a few seconds (a busy machine is slow). */
    private static void stop() {
        Thread closer = new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }, "embedded-kafka-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
