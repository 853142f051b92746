package org.passledger.redemption.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.passledger.events.RedemptionEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;
import org.passledger.redemption.domain.RedemptionCommand.RedeemVoucher;
import org.passledger.redemption.domain.RedemptionCommand.ReverseRedemption;

/**
 * The redemption stream of one voucher (stream id = voucher id). Redeeming appends {@link VoucherRedeemed} at
 * the version that was read, so of two concurrent redemptions exactly one is recorded.
 *
 * <p>Rules are checked in this order, so that the answer is the most telling one: first what happened to the
 * voucher itself (cancelled, not activated, not distributed, already redeemed, expired), then the place
 * (labelled at this instant, inside the voucher's territory), then the service.
 */
public final class Redemption implements Decider<RedemptionCommand, RedemptionState, RedemptionEvent> {

    public static final String UNKNOWN_VOUCHER = "unknown-voucher";
    public static final String VOUCHER_CANCELLED = "voucher-cancelled";
    public static final String VOUCHER_NOT_ACTIVATED = "voucher-not-activated";
    public static final String VOUCHER_NOT_DISTRIBUTED = "voucher-not-distributed";
    public static final String VOUCHER_ALREADY_REDEEMED = "voucher-already-redeemed";
    public static final String VOUCHER_EXPIRED = "voucher-expired";
    public static final String STRUCTURE_NOT_LABELLED = "structure-not-labelled";
    public static final String OUTSIDE_TERRITORY = "outside-territory";
    public static final String SERVICE_NOT_ALLOWED = "service-not-allowed";
    public static final String VOUCHER_NOT_YET_KNOWN = "voucher-not-yet-known";
    public static final String REDEMPTION_ALREADY_REVERSED = "redemption-already-reversed";
    public static final String REDEMPTION_ALREADY_REIMBURSED = "redemption-already-reimbursed";
    public static final String REVERSAL_WINDOW_CLOSED = "reversal-window-closed";
    public static final String REASON_REQUIRED = "reversal-reason-required";

    /** How long after a redemption the place itself may reverse it. */
    public static final Duration PLACE_WINDOW = Duration.ofHours(24);

    private final Clock clock;

    public Redemption(Clock clock) {
        this.clock = clock;
    }

    /** No voucher with this code is known here, and the issuance topic is fully applied. */
    public static Refusal unknownVoucher() {
        return new Refusal(Refusal.Kind.NOT_FOUND, UNKNOWN_VOUCHER, "Unknown voucher", "No voucher has this code.");
    }

    /**
     * No voucher with this code is known here yet, while the issuance topic is not fully applied: the voucher
     * may have been handed out a moment ago. Retryable.
     */
    public static Refusal notYetKnown(int retryAfterSeconds) {
        return new Refusal(Refusal.Kind.CONFLICT_WITH_STATE, VOUCHER_NOT_YET_KNOWN, "Voucher not yet known",
                "No voucher with this code is known yet, and this service is still catching up with issuance. "
                        + "Try again in a moment.").retryableAfter(retryAfterSeconds);
    }

    /**
     * A refusal that rests on a fact which may still be on its way (the voucher's activation or hand-out, the
     * place's label): the same code, answered as retryable while this service catches up.
     */
    public static Refusal mayStillArrive(Refusal refusal, int retryAfterSeconds) {
        return refusal.withDetail(refusal.getMessage()
                + " This service is still catching up with the facts it depends on: try again in a moment.")
                .retryableAfter(retryAfterSeconds);
    }

    @Override
    public RedemptionState initialState() {
        return RedemptionState.NOT_REDEEMED;
    }

    @Override
    public List<RedemptionEvent> decide(RedemptionCommand command, RedemptionState state) {
        if (command instanceof RedeemVoucher redeem) {
            return redeem(redeem, state);
        }
        if (command instanceof ReverseRedemption reverse) {
            return reverse(reverse, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<RedemptionEvent> redeem(RedeemVoucher command, RedemptionState state) {
        VoucherFacts voucher = command.voucher();
        PlaceFacts place = command.place();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LabelHistory.PARIS);

        if (voucher.cancelled()) {
            throw Refusal.rule(VOUCHER_CANCELLED, "This voucher was cancelled.");
        }
        if (!voucher.activated()) {
            throw Refusal.rule(VOUCHER_NOT_ACTIVATED,
                    "This voucher is not activated yet: its funder's payment order has not been received.");
        }
        if (!voucher.distributed()) {
            throw Refusal.rule(VOUCHER_NOT_DISTRIBUTED, "This voucher was never handed to a beneficiary.");
        }
        if (state.redeemed()) {
            throw Refusal.rule(VOUCHER_ALREADY_REDEEMED,
                    "This voucher was already redeemed at " + state.redeemedAt() + ".");
        }
        if (voucher.expired() || today.isAfter(voucher.acceptedUntil())) {
            throw Refusal.rule(VOUCHER_EXPIRED,
                    "This voucher was accepted until " + voucher.acceptedUntil() + ".");
        }
        if (!place.known() || !place.label().inForceAt(now)) {
            throw Refusal.rule(STRUCTURE_NOT_LABELLED,
                    "This place's \"numérique inclusif\" label is not in force today.");
        }
        if (place.departement() == null || !voucher.territory().contains(place.departement())) {
            throw Refusal.rule(OUTSIDE_TERRITORY,
                    "This voucher is valid in départements " + voucher.territory() + " only.");
        }
        if (!voucher.allowedServices().isEmpty() && !voucher.allowedServices().contains(command.service())) {
            throw Refusal.rule(SERVICE_NOT_ALLOWED,
                    "This voucher pays for " + voucher.allowedServices() + " only.");
        }
        return List.of(new VoucherRedeemed(voucher.voucherId(), command.redemptionId(), voucher.programmeId(),
                voucher.funderId(), place.structureId(), place.departement(), command.service(),
                voucher.faceValueCents(), command.sessionReference(), command.staffMember(), now));
    }

    /**
     * Checked in this order: the redemption exists in this stream, is not reversed yet, belongs to the asking
     * place, was not reimbursed, and the place asks within 24 hours (the operator at any time, with a reason).
     */
    private List<RedemptionEvent> reverse(ReverseRedemption command, RedemptionState state) {
        Instant now = clock.instant();
        if (state.reversed().contains(command.redemptionId())) {
            throw Refusal.rule(REDEMPTION_ALREADY_REVERSED, "This redemption was already reversed.");
        }
        if (!command.redemptionId().equals(state.redemptionId())) {
            throw Refusal.notFound("redemption", command.redemptionId());
        }
        VoucherRedeemed current = state.current();
        if (!command.byOperator() && !current.structureId().equals(command.placeId())) {
            throw Refusal.forbidden("This belongs to another party.");
        }
        if (command.reimbursed()) {
            throw Refusal.rule(REDEMPTION_ALREADY_REIMBURSED,
                    "This redemption was reimbursed to the place; it can no longer be reversed.");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (command.byOperator()) {
            if (reason.isEmpty()) {
                throw Refusal.invalid(REASON_REQUIRED, "The operator reverses a redemption with a reason.");
            }
        } else if (now.isAfter(current.redeemedAt().plus(PLACE_WINDOW))) {
            throw Refusal.rule(REVERSAL_WINDOW_CLOSED, "The place may reverse a redemption within "
                    + PLACE_WINDOW.toHours() + " hours; ask the operator.");
        }
        return List.of(new RedemptionReversed(current.voucherId(), current.redemptionId(), current.programmeId(),
                current.funderId(), current.structureId(), current.faceValueCents(),
                reason.isEmpty() ? "reversed by the place" : reason, command.actor(), now));
    }

    @Override
    public RedemptionState evolve(RedemptionState state, RedemptionEvent event) {
        if (event instanceof VoucherRedeemed redeemed) {
            return state.redeemedBy(redeemed);
        }
        if (event instanceof RedemptionReversed reversed) {
            return state.reversedOne(reversed.redemptionId());
        }
        return state;
    }
}
