package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds book orders from issuance's programme topic to invoicing. */
@ApplicationScoped
public class BillingProgrammesConsumer {

    private final ProjectionRunner runner;
    private final FunderInvoicingProjection invoicing;

    public BillingProgrammesConsumer(ProjectionRunner runner, FunderInvoicingProjection invoicing) {
        this.runner = runner;
        this.invoicing = invoicing;
    }

    @Incoming("billing-programmes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("billing-programmes", records, invoicing);
    }
}
