package org.passledger.issuance.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.projection.Projection;

/** Keeps {@link VoucherView} up to date from the three topics that tell a voucher's life. */
@ApplicationScoped
public class VoucherViewProjection implements Projection {

    public static final String NAME = "issuance.voucher-view";

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
        UUID voucherId = voucherIdOf(envelope.data());
        // custody is followed by the distributor-stock read model; this one counts the voucher's stages
        if (voucherId == null || envelope.data() instanceof VoucherConsigned) {
            return Uni.createFrom().voidItem();
        }
        return session.find(VoucherView.class, voucherId).chain(found -> {
            VoucherView view = found;
            if (view == null) {
                view = new VoucherView();
                view.voucherId = voucherId;
            }
            applyTo(view, envelope.data(), envelope.time());
            return found == null ? session.persist(view) : Uni.createFrom().voidItem();
        });
    }

    /** The voucher an event is about, or null for events this read model does not follow. */
    static UUID voucherIdOf(LedgerEvent event) {
        if (event instanceof org.passledger.events.VoucherEvent voucher) {
            return voucher.voucherId();
        }
        if (event instanceof org.passledger.events.RedemptionEvent redemption) {
            return redemption.voucherId();
        }
        if (event instanceof VoucherReimbursed reimbursed) {
            return reimbursed.voucherId();
        }
        return null;
    }

    /** Folds one event of the voucher into its row; pure, so it is tested without a database. */
    static void applyTo(VoucherView view, LedgerEvent event, Instant time) {
        if (event instanceof VoucherIssued issued) {
            view.codeHash = issued.codeHash();
            view.programmeId = issued.programmeId();
            view.funderId = issued.funderId();
            view.orderId = issued.orderId();
            view.bookId = issued.bookId();
            view.positionInBook = issued.positionInBook();
            view.faceValueCents = issued.faceValueCents();
            view.validUntil = issued.validUntil();
            view.acceptedUntil = issued.acceptedUntil();
            view.issuedAt = issued.issuedAt();
        } else if (event instanceof VoucherActivated activated) {
            known(view, activated.programmeId(), activated.funderId(), null);
            view.activatedAt = activated.activatedAt();
        } else if (event instanceof VoucherDistributed distributed) {
            known(view, distributed.programmeId(), distributed.funderId(), null);
            view.distributedAt = distributed.distributedAt();
            view.distributedTo = distributed.distributorId();
        } else if (event instanceof VoucherCancelled cancelled) {
            view.cancelledAt = cancelled.cancelledAt();
        } else if (event instanceof VoucherExpired expired) {
            view.expiredAt = expired.expiredAt();
        } else if (event instanceof VoucherValidityExtended extended) {
            view.validUntil = extended.validUntil();
            view.acceptedUntil = extended.acceptedUntil();
        } else if (event instanceof VoucherRedeemed redeemed) {
            known(view, redeemed.programmeId(), redeemed.funderId(), redeemed.faceValueCents());
            view.redemptionId = redeemed.redemptionId();
            view.redeemedAt = redeemed.redeemedAt();
            view.structureId = redeemed.structureId();
        } else if (event instanceof RedemptionReversed reversed) {
            if (reversed.redemptionId().equals(view.redemptionId)) {
                view.redemptionId = null;
                view.redeemedAt = null;
                view.structureId = null;
            }
        } else if (event instanceof VoucherReimbursed reimbursed) {
            known(view, reimbursed.programmeId(), reimbursed.funderId(), null);
            view.reimbursedAt = reimbursed.reimbursedAt();
            if (view.structureId == null) {
                view.structureId = reimbursed.structureId();
            }
        }
        view.status = view.currentStatus().name();
        view.eventsApplied++;
        view.updatedAt = time;
    }

    /** Fills what a later topic knows when its event arrives before the issuance. */
    private static void known(VoucherView view, UUID programmeId, UUID funderId, Long faceValueCents) {
        if (view.programmeId == null) {
            view.programmeId = programmeId;
        }
        if (view.funderId == null) {
            view.funderId = funderId;
        }
        if (view.faceValueCents == null && faceValueCents != null) {
            view.faceValueCents = faceValueCents;
        }
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from voucher_view").executeUpdate().replaceWithVoid();
    }
}
