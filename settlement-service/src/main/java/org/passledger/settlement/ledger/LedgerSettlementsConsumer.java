package org.passledger.settlement.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds this service's own topic (invoices, credit notes, reimbursements, payments, incidents) to the ledger. */
@ApplicationScoped
public class LedgerSettlementsConsumer {

    private final ProjectionRunner runner;
    private final LedgerProjection ledger;

    public LedgerSettlementsConsumer(ProjectionRunner runner, LedgerProjection ledger) {
        this.runner = runner;
        this.ledger = ledger;
    }

    @Incoming("ledger-settlements")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("ledger-settlements", records, ledger);
    }
}
