package org.passledger.issuance.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent;
import org.passledger.events.ProgrammeEvent.BooksCancelled;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.ProgrammeValidityExtended;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.kernel.projection.Projection;

/**
 * Keeps {@link ProgrammeView} up to date: the programme's own events, and every voucher of it moving
 * through issuance, redemption and reimbursement.
 */
@ApplicationScoped
public class ProgrammeViewProjection implements Projection {

    public static final String NAME = "issuance.programme-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PROGRAMMES, Topics.VOUCHERS, Topics.REDEMPTIONS, Topics.SETTLEMENTS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        LedgerEvent event = envelope.data();
        if (!counts(event)) {
            return Uni.createFrom().voidItem();
        }
        UUID programmeId = programmeIdOf(event);
        return session.find(ProgrammeView.class, programmeId).chain(found -> {
            ProgrammeView view = found;
            if (view == null) {
                view = new ProgrammeView();
                view.programmeId = programmeId;
            }
            applyTo(view, event, envelope.time());
            return found == null ? session.persist(view) : Uni.createFrom().voidItem();
        });
    }

    static boolean counts(LedgerEvent event) {
        return event instanceof ProgrammeEvent
                || event instanceof VoucherIssued || event instanceof VoucherActivated
                || event instanceof VoucherDistributed
                || event instanceof VoucherCancelled || event instanceof VoucherExpired
                || event instanceof VoucherRedeemed || event instanceof RedemptionReversed
                || event instanceof VoucherReimbursed;
    }

    private static UUID programmeIdOf(LedgerEvent event) {
        if (event instanceof ProgrammeEvent programme) {
            return programme.programmeId();
        }
        if (event instanceof VoucherIssued issued) {
            return issued.programmeId();
        }
        if (event instanceof VoucherActivated activated) {
            return activated.programmeId();
        }
        if (event instanceof VoucherDistributed distributed) {
            return distributed.programmeId();
        }
        if (event instanceof VoucherCancelled cancelled) {
            return cancelled.programmeId();
        }
        if (event instanceof VoucherExpired expired) {
            return expired.programmeId();
        }
        if (event instanceof VoucherRedeemed redeemed) {
            return redeemed.programmeId();
        }
        if (event instanceof RedemptionReversed reversed) {
            return reversed.programmeId();
        }
        if (event instanceof VoucherReimbursed reimbursed) {
            return reimbursed.programmeId();
        }
        throw new IllegalArgumentException("not counted: " + event);
    }

    /** Folds one event into the programme's row; pure, so it is tested without a database. */
    static void applyTo(ProgrammeView view, LedgerEvent event, Instant time) {
        if (event instanceof ProgrammeOpened opened) {
            view.opened = true;
            view.funderId = opened.funderId();
            view.name = opened.name();
            view.funderName = opened.funderName();
            view.funderType = opened.funderType();
            view.budgetCents = opened.budgetCents();
            view.faceValueCents = opened.faceValueCents();
            view.bookSize = opened.bookSize();
            view.territory = String.join(",", opened.territory());
            view.validUntil = opened.validUntil();
            view.acceptedUntil = opened.acceptedUntil();
        } else if (event instanceof BooksOrdered ordered) {
            view.funderId = ordered.funderId();
            view.ordersCount++;
            view.committedCents += ordered.amountCents();
            view.feesCents += ordered.feeCents();
        } else if (event instanceof FundingConfirmed funded) {
            view.fundedCents += funded.amountCents();
        } else if (event instanceof BooksCancelled cancelledBooks) {
            view.releasedCents += cancelledBooks.releasedCents();
        } else if (event instanceof ProgrammeValidityExtended extended) {
            view.validUntil = extended.validUntil();
            view.acceptedUntil = extended.acceptedUntil();
        } else if (event instanceof VoucherIssued issued) {
            view.funderId = issued.funderId();
            if (view.faceValueCents == null) {
                view.faceValueCents = issued.faceValueCents();
            }
            view.issuedCount++;
            view.issuedCents += issued.faceValueCents();
        } else if (event instanceof VoucherActivated) {
            // a voucher's events share one partition: its issuance, and so the face value, came first
            view.activatedCount++;
            view.activatedCents += faceValue(view);
        } else if (event instanceof VoucherDistributed) {
            view.distributedCount++;
            view.distributedCents += faceValue(view);
        } else if (event instanceof VoucherCancelled cancelled) {
            view.cancelledCount++;
            view.cancelledCents += cancelled.faceValueCents();
        } else if (event instanceof VoucherExpired expired) {
            view.expiredCount++;
            view.expiredCents += expired.faceValueCents();
        } else if (event instanceof VoucherRedeemed redeemed) {
            view.funderId = view.funderId == null ? redeemed.funderId() : view.funderId;
            view.redeemedCount++;
            view.redeemedCents += redeemed.faceValueCents();
        } else if (event instanceof RedemptionReversed reversed) {
            view.redeemedCount--;
            view.redeemedCents -= reversed.faceValueCents();
        } else if (event instanceof VoucherReimbursed reimbursed) {
            view.funderId = view.funderId == null ? reimbursed.funderId() : view.funderId;
            view.reimbursedCount++;
            view.reimbursedCents += reimbursed.amountCents();
        }
        view.eventsApplied++;
        view.updatedAt = time;
    }

    private static long faceValue(ProgrammeView view) {
        if (view.faceValueCents == null) {
            throw new IllegalStateException("programme " + view.programmeId + " has no face value yet");
        }
        return view.faceValueCents;
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from programme_view").executeUpdate().replaceWithVoid();
    }
}
