package org.passledger.settlement.reconciliation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds the events of every service to the reconciliation facts, each topic on a channel of its own. */
@ApplicationScoped
public class ReconciliationConsumer {

    private final ProjectionRunner runner;
    private final ReconciliationFactsProjection facts;

    public ReconciliationConsumer(ProjectionRunner runner, ReconciliationFactsProjection facts) {
        this.runner = runner;
        this.facts = facts;
    }

    @Incoming("reconciliation-programmes")
    public Uni<Void> programmes(ConsumerRecords<String, String> records) {
        return runner.consume("reconciliation-programmes", records, facts);
    }

    @Incoming("reconciliation-vouchers")
    public Uni<Void> vouchers(ConsumerRecords<String, String> records) {
        return runner.consume("reconciliation-vouchers", records, facts);
    }

    @Incoming("reconciliation-redemptions")
    public Uni<Void> redemptions(ConsumerRecords<String, String> records) {
        return runner.consume("reconciliation-redemptions", records, facts);
    }

    @Incoming("reconciliation-settlements")
    public Uni<Void> settlements(ConsumerRecords<String, String> records) {
        return runner.consume("reconciliation-settlements", records, facts);
    }
}
