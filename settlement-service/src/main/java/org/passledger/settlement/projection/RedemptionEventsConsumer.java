package org.passledger.settlement.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds the redemption topic to the read model of what places are owed. */
@ApplicationScoped
public class RedemptionEventsConsumer {

    private final ProjectionRunner runner;
    private final PayableRedemptionProjection payable;

    public RedemptionEventsConsumer(ProjectionRunner runner, PayableRedemptionProjection payable) {
        this.runner = runner;
        this.payable = payable;
    }

    @Incoming("redemptions")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("redemptions", records, payable);
    }
}
