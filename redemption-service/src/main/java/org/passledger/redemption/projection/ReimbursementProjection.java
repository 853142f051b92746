package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/** Keeps {@link ReimbursedRedemption} from the settlement topic; other settlement events say nothing here. */
@ApplicationScoped
public class ReimbursementProjection implements Projection {

    public static final String NAME = "redemption.reimbursements";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SETTLEMENTS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        if (!(envelope.data() instanceof VoucherReimbursed reimbursed)) {
            return Uni.createFrom().voidItem();
        }
        return session.find(ReimbursedRedemption.class, reimbursed.redemptionId()).chain(found -> {
            if (found != null) {
                // a second statement line for one redemption: still reimbursed, counted
                found.eventsApplied++;
                found.updatedAt = envelope.time();
                return Uni.createFrom().voidItem();
            }
            ReimbursedRedemption row = new ReimbursedRedemption();
            row.redemptionId = reimbursed.redemptionId();
            row.voucherId = reimbursed.voucherId();
            row.structureId = reimbursed.structureId();
            row.statementId = reimbursed.statementId();
            row.amountCents = reimbursed.amountCents();
            row.reimbursedAt = reimbursed.reimbursedAt();
            row.eventsApplied = 1;
            row.updatedAt = envelope.time();
            return session.persist(row);
        });
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from reimbursed_redemption").executeUpdate().replaceWithVoid();
    }
}
