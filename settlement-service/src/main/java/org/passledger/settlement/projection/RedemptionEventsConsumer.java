package org.passledger.settlement.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ConsumerPositions;
import org.passledger.kernel.projection.ProjectionRunner;

/**
 * Feeds the redemption topic to the read model of what places are owed, recording after each batch how far it
 * got: a settlement run asks those positions whether every redemption on the topic was applied when it was made.
 */
@ApplicationScoped
public class RedemptionEventsConsumer {

    private final ProjectionRunner runner;
    private final PayableRedemptionProjection payable;
    private final ConsumerPositions positions;

    public RedemptionEventsConsumer(ProjectionRunner runner, PayableRedemptionProjection payable,
                                    ConsumerPositions positions) {
        this.runner = runner;
        this.payable = payable;
        this.positions = positions;
    }

    @Incoming("redemptions")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return positions.tracking(records, () -> runner.consume("redemptions", records, payable));
    }
}
