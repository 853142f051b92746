package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.ConsumerPositions;

/**
 * How many records of the redemption topic the payable-redemption read model has not applied yet: a run asks
 * before it reads that model, so that it can say whether a redemption of its period may have been left out.
 */
@ApplicationScoped
public class RedemptionBacklog {

    private final ConsumerPositions positions;

    public RedemptionBacklog(ConsumerPositions positions) {
        this.positions = positions;
    }

    /** Records not yet applied (0: caught up), or null when the broker or the database could not tell. */
    public Uni<Long> recordsBehind() {
        Context context = Vertx.currentContext();
        // the broker and the database are asked with blocking clients: off the event loop, then back onto it
        Uni<Long> behind = Uni.createFrom().item(() -> positions.behind(Topics.REDEMPTIONS))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(records -> records == Long.MAX_VALUE ? null : records);
        return context == null ? behind : behind.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
