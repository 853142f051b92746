package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.projection.Projection;

/** Keeps {@link VoucherEligibility} up to date from the issuance topic. */
@ApplicationScoped
public class VoucherEligibilityProjection implements Projection {

    public static final String NAME = "redemption.voucher-eligibility";

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
        if (!(envelope.data() instanceof VoucherEvent event)) {
            return Uni.createFrom().voidItem();
        }
        if (event instanceof VoucherIssued issued) {
            VoucherEligibility voucher = new VoucherEligibility();
            voucher.voucherId = issued.voucherId();
            voucher.codeHash = issued.codeHash();
            voucher.programmeId = issued.programmeId();
            voucher.funderId = issued.funderId();
            voucher.faceValueCents = issued.faceValueCents();
            voucher.territory = issued.territory().toArray(String[]::new);
            voucher.allowedServices = issued.allowedServices().toArray(String[]::new);
            voucher.validUntil = issued.validUntil();
            voucher.acceptedUntil = issued.acceptedUntil();
            voucher.issuedAt = issued.issuedAt();
            voucher.eventsApplied = 1;
            voucher.updatedAt = envelope.time();
            return session.persist(voucher);
        }
        return session.find(VoucherEligibility.class, UUID.fromString(event.subject())).invoke(voucher -> {
            if (voucher == null) {
                // the issuance topic is keyed by voucher id, so "issued" always comes first: this is a fault
                throw new IllegalStateException("voucher event for unknown voucher " + event.subject());
            }
            applyLifecycle(voucher, event);
            voucher.eventsApplied++;
            voucher.updatedAt = envelope.time();
        }).replaceWithVoid();
    }

    private static void applyLifecycle(VoucherEligibility voucher, VoucherEvent event) {
        if (event instanceof VoucherActivated activated) {
            voucher.activatedAt = activated.activatedAt();
        } else if (event instanceof VoucherDistributed distributed) {
            voucher.distributedAt = distributed.distributedAt();
        } else if (event instanceof VoucherCancelled cancelled) {
            voucher.cancelledAt = cancelled.cancelledAt();
        } else if (event instanceof VoucherExpired expired) {
            voucher.expiredAt = expired.expiredAt();
        } else if (event instanceof VoucherValidityExtended extended) {
            voucher.validUntil = extended.validUntil();
            voucher.acceptedUntil = extended.acceptedUntil();
        }
    }

    /** Every voucher a non-issue event of the chunk changes, loaded by one query into the session. */
    @Override
    public Uni<Void> prefetch(Mutiny.Session session, List<EventEnvelope> events) {
        Object[] ids = events.stream()
                .filter(e -> e.data() instanceof VoucherEvent && !(e.data() instanceof VoucherIssued))
                .map(e -> UUID.fromString(e.subject())).distinct().toArray();
        return ids.length == 0 ? Uni.createFrom().voidItem()
                : session.find(VoucherEligibility.class, ids).replaceWithVoid();
    }

    /** Only find, persist and field changes: no flush is needed between two events. */
    @Override
    public boolean sessionOnly() {
        return true;
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from voucher_eligibility").executeUpdate().replaceWithVoid();
    }
}
