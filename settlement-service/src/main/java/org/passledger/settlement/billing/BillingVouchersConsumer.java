package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds expired and cancelled vouchers from issuance's voucher topic to the unused vouchers read model. */
@ApplicationScoped
public class BillingVouchersConsumer {

    private final ProjectionRunner runner;
    private final UnusedVouchersProjection unused;

    public BillingVouchersConsumer(ProjectionRunner runner, UnusedVouchersProjection unused) {
        this.runner = runner;
        this.unused = unused;
    }

    @Incoming("billing-vouchers")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("billing-vouchers", records, unused);
    }
}
