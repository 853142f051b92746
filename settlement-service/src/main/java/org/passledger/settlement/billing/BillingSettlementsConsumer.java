package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds this service's own topic to the funders' invoices and credit notes read models. */
@ApplicationScoped
public class BillingSettlementsConsumer {

    private final ProjectionRunner runner;
    private final BillingViewsProjection views;

    public BillingSettlementsConsumer(ProjectionRunner runner, BillingViewsProjection views) {
        this.runner = runner;
        this.views = views;
    }

    @Incoming("billing-settlements")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("billing-settlements", records, views);
    }
}
