package org.passledger.issuance.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.kernel.projection.Projection;

/**
 * Each voucher's history: one step per event of its life on the issuance, redemption and settlement topics
 * (when, what, who acted, and the party it concerns), appended to the voucher's row in arrival order; the
 * reader sorts them by time, as topics may arrive in any order.
 */
@ApplicationScoped
public class VoucherHistoryProjection implements Projection {

    public static final String NAME = "issuance.voucher-history";

    private static final String APPEND_STEP = """
            insert into voucher_history (voucher_id, steps, events_applied, updated_at)
            values (cast(:v as uuid),
                    jsonb_build_array(jsonb_build_object('at', cast(:at as text), 'type', cast(:type as text),
                                                         'actor', cast(:actor as text), 'party', cast(:party as text))),
                    1, :updated)
            on conflict (voucher_id) do update
            set steps = voucher_history.steps || excluded.steps,
                events_applied = voucher_history.events_applied + 1,
                updated_at = excluded.updated_at""";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.VOUCHERS, Topics.REDEMPTIONS, Topics.SETTLEMENTS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        UUID voucherId = VoucherViewProjection.voucherIdOf(envelope.data());
        if (voucherId == null) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(APPEND_STEP)
                .setParameter("v", voucherId.toString())
                .setParameter("at", envelope.time().toString())
                .setParameter("type", envelope.type())
                .setParameter("actor", envelope.actor())
                .setParameter("party", partyOf(envelope.data()))
                .setParameter("updated", envelope.time().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }

    /** The party a step concerns: the distributor, the place, or the payment order that funded the voucher. */
    static String partyOf(LedgerEvent event) {
        UUID party = null;
        if (event instanceof VoucherActivated activated) {
            return activated.paymentOrderReference();
        }
        if (event instanceof VoucherConsigned consigned) {
            party = consigned.distributorId();
        } else if (event instanceof VoucherDistributed distributed) {
            party = distributed.distributorId();
        } else if (event instanceof VoucherRedeemed redeemed) {
            party = redeemed.structureId();
        } else if (event instanceof RedemptionReversed reversed) {
            party = reversed.structureId();
        } else if (event instanceof VoucherReimbursed reimbursed) {
            party = reimbursed.structureId();
        } else if (!(event instanceof VoucherEvent)) {
            return null;
        }
        return party == null ? null : party.toString();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from voucher_history").executeUpdate().replaceWithVoid();
    }
}
