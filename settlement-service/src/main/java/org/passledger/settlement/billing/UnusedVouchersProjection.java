package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.kernel.projection.Projection;

/**
 * Keeps the vouchers that expired or were cancelled unused, from issuance's voucher topic: what credit notes
 * refund. A voucher is kept once, with the first reason it became unused.
 */
@ApplicationScoped
public class UnusedVouchersProjection implements Projection {

    public static final String NAME = "settlement.unused-vouchers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.VOUCHERS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        Object event = envelope.data();
        if (event instanceof VoucherExpired expired) {
            return keep(session, envelope.id(), expired.voucherId(), expired.programmeId(), expired.funderId(),
                    expired.faceValueCents(), "expired", expired.expiredAt());
        }
        if (event instanceof VoucherCancelled cancelled) {
            return keep(session, envelope.id(), cancelled.voucherId(), cancelled.programmeId(), cancelled.funderId(),
                    cancelled.faceValueCents(), "cancelled", cancelled.cancelledAt());
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> keep(Mutiny.Session session, UUID eventId, UUID voucherId, UUID programmeId,
                                  UUID funderId, long faceValueCents, String reason, Instant at) {
        return session.createNativeQuery("""
                        insert into unused_vouchers (voucher_id, programme_id, funder_id, face_value_cents, reason,
                                                     unused_at, source_event_id, events_applied)
                        values (cast(:voucher as uuid), cast(:programme as uuid), cast(:funder as uuid), :face,
                                :reason, :at, cast(:event as uuid), 1)
                        on conflict (voucher_id) do update set events_applied = unused_vouchers.events_applied + 1""")
                .setParameter("voucher", voucherId.toString())
                .setParameter("programme", programmeId.toString())
                .setParameter("funder", funderId.toString())
                .setParameter("face", faceValueCents)
                .setParameter("reason", reason)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("event", eventId.toString())
                .executeUpdate()
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from unused_vouchers").executeUpdate().replaceWithVoid();
    }
}
