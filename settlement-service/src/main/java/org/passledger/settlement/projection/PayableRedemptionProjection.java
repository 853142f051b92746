package org.passledger.settlement.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/** Keeps {@link PayableRedemption} up to date from the redemption topic. */
@ApplicationScoped
public class PayableRedemptionProjection implements Projection {

    public static final String NAME = "settlement.payable-redemption";

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
            PayableRedemption row = new PayableRedemption();
            row.redemptionId = redeemed.redemptionId();
            row.redemptionEventId = envelope.id();
            row.voucherId = redeemed.voucherId();
            row.structureId = redeemed.structureId();
            row.programmeId = redeemed.programmeId();
            row.funderId = redeemed.funderId();
            row.departement = redeemed.departement();
            row.amountCents = redeemed.faceValueCents();
            row.redeemedAt = redeemed.redeemedAt();
            row.reversed = false;
            row.eventsApplied = 1;
            return session.persist(row);
        }
        if (envelope.data() instanceof RedemptionReversed reversed) {
            return session.find(PayableRedemption.class, reversed.redemptionId()).chain(row -> {
                if (row == null) {
                    // one voucher's events share a partition, so the redemption always comes first
                    throw new IllegalStateException("reversal of unknown redemption " + reversed.redemptionId());
                }
                row.reversed = true;
                row.eventsApplied++;
                return session.createNativeQuery(
                                "select count(*) from statement_claims where redemption_id = cast(:id as uuid)",
                                Long.class)
                        .setParameter("id", row.redemptionId.toString())
                        .getSingleResult()
                        .invoke(claims -> row.reversedAfterClaim = claims > 0);
            }).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from payable_redemption").executeUpdate().replaceWithVoid();
    }
}
