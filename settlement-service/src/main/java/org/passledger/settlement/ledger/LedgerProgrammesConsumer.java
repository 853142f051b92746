package org.passledger.settlement.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds issuance's programme topic to the ledger: a confirmed funding is money in the bank. */
@ApplicationScoped
public class LedgerProgrammesConsumer {

    private final ProjectionRunner runner;
    private final LedgerProjection ledger;

    public LedgerProgrammesConsumer(ProjectionRunner runner, LedgerProjection ledger) {
        this.runner = runner;
        this.ledger = ledger;
    }

    @Incoming("ledger-programmes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("ledger-programmes", records, ledger);
    }
}
