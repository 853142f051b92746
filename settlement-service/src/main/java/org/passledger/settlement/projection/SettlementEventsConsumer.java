package org.passledger.settlement.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds this service's own topic to its runs, statements and reimbursements read models. */
@ApplicationScoped
public class SettlementEventsConsumer {

    private final ProjectionRunner runner;
    private final SettlementViewsProjection views;

    public SettlementEventsConsumer(ProjectionRunner runner, SettlementViewsProjection views) {
        this.runner = runner;
        this.views = views;
    }

    @Incoming("settlements")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("settlements", records, views);
    }
}
