package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ConsumerPositions;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds the {@link Channels#VOUCHERS} channel to its read model, each event applied once in effect. */
@ApplicationScoped
public class VoucherEventsConsumer {

    private final ProjectionRunner runner;
    private final VoucherEligibilityProjection projection;
    private final ConsumerPositions positions;

    public VoucherEventsConsumer(ProjectionRunner runner, VoucherEligibilityProjection projection, ConsumerPositions positions) {
        this.runner = runner;
        this.projection = projection;
        this.positions = positions;
    }

    @Incoming(Channels.VOUCHERS)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return positions.tracking(records, () -> runner.consume(Channels.VOUCHERS, records, projection));
    }
}
