package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/** Keeps {@link RedemptionView} up to date from this service's own topic. */
@ApplicationScoped
public class RedemptionViewProjection implements Projection {

    public static final String NAME = "redemption.redemption-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.REDEMPTIONS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        if (envelope.data() instanceof VoucherRedeemed redeemed) {
            RedemptionView view = new RedemptionView();
            view.redemptionId = redeemed.redemptionId();
            view.voucherId = redeemed.voucherId();
            view.structureId = redeemed.structureId();
            view.programmeId = redeemed.programmeId();
            view.funderId = redeemed.funderId();
            view.departement = redeemed.departement();
            view.service = redeemed.service();
            view.faceValueCents = redeemed.faceValueCents();
            view.sessionReference = redeemed.sessionReference();
            view.staffMember = redeemed.staffMember();
            view.redeemedAt = redeemed.redeemedAt();
            view.eventsApplied = 1;
            view.updatedAt = envelope.time();
            return session.persist(view);
        }
        if (envelope.data() instanceof RedemptionReversed reversed) {
            return session.find(RedemptionView.class, reversed.redemptionId()).invoke(view -> {
                if (view == null) {
                    // the topic is keyed by voucher id, so a redemption comes before its reversal: this is a fault
                    throw new IllegalStateException("reversal of unknown redemption " + reversed.redemptionId());
                }
                view.reversed = true;
                view.reversedAt = reversed.reversedAt();
                view.eventsApplied++;
                view.updatedAt = envelope.time();
            }).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from redemption_view").executeUpdate().replaceWithVoid();
    }
}
