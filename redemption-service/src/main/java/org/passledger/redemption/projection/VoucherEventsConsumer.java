package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds the {@link Channels#VOUCHERS} channel to its read model, each event applied once in effect. */
@ApplicationScoped
public class VoucherEventsConsumer {

    private static final Logger LOG = Logger.getLogger(VoucherEventsConsumer.class);

    private final ProjectionRunner runner;
    private final VoucherEligibilityProjection projection;
    private final ConsumerPositions positions;

    public VoucherEventsConsumer(ProjectionRunner runner, VoucherEligibilityProjection projection, ConsumerPositions positions) {
        this.runner = runner;
        this.projection = projection;
        this.positions = positions;
    }

    @Incoming(Channels.VOUCHERS)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return positions.tracking(record, () -> runner.consume(record, projection).onFailure().invoke(failure ->
                LOG.warnf(failure, "%s: record %s-%d@%d not applied, it goes to %s", projection.name(),
                        record.topic(), record.partition(), record.offset(), Channels.DEAD_LETTER_TOPIC)));
    }
}
