package org.passledger.issuance.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.issuance.domain.VoucherCommand.ActivateVoucher;
import org.passledger.issuance.domain.VoucherCommand.CancelVoucher;
import org.passledger.issuance.domain.VoucherCommand.ConsignVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExpireVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExtendValidity;
import org.passledger.issuance.domain.VoucherCommand.DistributeVoucher;
import org.passledger.issuance.domain.VoucherCommand.IssueVoucher;
import org.passledger.issuance.domain.VoucherState.Status;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;

/**
 * One voucher before redemption: issued in a book, activated when its order is funded (so no unfunded
 * voucher circulates), consigned with its book to a distributor's stock, then handed to a beneficiary by the
 * distributor holding it, once. Who holds it is part of its own stream, so a hand-out racing a consignment
 * is decided by the stream's version: whichever appends first wins, the other is decided again on it.
 */
public final class Voucher implements Decider<VoucherCommand, VoucherState, VoucherEvent> {

    private final Clock clock;

    public Voucher(Clock clock) {
        this.clock = clock;
    }

    public static Refusal unknown() {
        return new Refusal(Refusal.Kind.NOT_FOUND, "unknown-voucher", Refusal.TITLE_NOT_FOUND, "No voucher has this code.");
    }

    @Override
    public VoucherState initialState() {
        return VoucherState.NONE;
    }

    @Override
    public List<VoucherEvent> decide(VoucherCommand command, VoucherState state) {
        if (command instanceof IssueVoucher issue) {
            if (state.status() != Status.NONE) {
                throw Refusal.rule("voucher-already-issued", "This voucher was already issued.");
            }
            return List.of(new VoucherIssued(issue.voucherId(), issue.codeHash(), issue.programmeId(),
                    issue.funderId(), issue.orderId(), issue.bookId(), issue.positionInBook(), issue.faceValueCents(),
                    issue.territory(), issue.allowedServices(), issue.validUntil(), issue.acceptedUntil(),
                    clock.instant()));
        }
        if (state.status() == Status.NONE) {
            throw unknown();
        }
        if (command instanceof ActivateVoucher activate) {
            if (state.status() == Status.CANCELLED) {
                return List.of(); // cancelled before its order was funded: it stays cancelled
            }
            if (state.status() != Status.ISSUED) {
                throw Refusal.rule("voucher-already-activated",
                        "This voucher is " + state.status().name().toLowerCase() + ", not waiting for its funding.");
            }
            return List.of(new VoucherActivated(activate.voucherId(), state.programmeId(), state.funderId(),
                    activate.paymentOrderReference(), clock.instant()));
        }
        if (command instanceof ConsignVoucher consign) {
            return consign(consign, state);
        }
        if (command instanceof DistributeVoucher distribute) {
            return distribute(distribute, state);
        }
        if (command instanceof CancelVoucher cancel) {
            return cancel(cancel, state);
        }
        if (command instanceof ExtendValidity extend) {
            return extend(extend, state);
        }
        if (command instanceof ExpireVoucher expire) {
            return expire(expire, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    /** Books move whole, so a refusal names the book: one handed-out voucher keeps its book where it is. */
    private List<VoucherEvent> consign(ConsignVoucher command, VoucherState state) {
        if (state.status() == Status.DISTRIBUTED) {
            throw Refusal.rule("book-already-handed-out",
                    "A book whose vouchers were handed out stays with its distributor.");
        }
        if (state.status() == Status.CANCELLED) {
            throw Refusal.rule("book-cancelled", "This book was cancelled.");
        }
        if (state.status() == Status.EXPIRED) {
            throw Refusal.rule("voucher-expired", "This voucher has expired.");
        }
        return List.of(new VoucherConsigned(command.voucherId(), state.programmeId(), state.bookId(),
                command.distributorId(), state.heldBy(), clock.instant()));
    }

    /** The distributor must hold the voucher in its own stock. */
    private static void requireInStock(DistributeVoucher command, VoucherState state) {
        if (state.heldBy() == null) {
            throw Refusal.rule("voucher-not-in-stock",
                    "This voucher is in no distributor's stock: its funder consigns its book first.");
        }
        if (!state.heldBy().equals(command.distributorId())) {
            throw notInYourStock("voucher");
        }
    }

    public static Refusal notInYourStock(String what) {
        return new Refusal(Refusal.Kind.FORBIDDEN, "not-in-your-stock", Refusal.TITLE_FORBIDDEN,
                "This " + what + " is in another distributor's stock.");
    }

    private List<VoucherEvent> cancel(CancelVoucher command, VoucherState state) {
        requireFunder(command.funderId(), state);
        if (state.status() == Status.DISTRIBUTED) {
            throw Refusal.rule("voucher-already-distributed",
                    "This voucher was handed out: only vouchers never handed out are cancelled.");
        }
        if (state.status() == Status.CANCELLED) {
            throw Refusal.rule("voucher-already-cancelled", "This voucher was already cancelled.");
        }
        if (state.status() == Status.EXPIRED) {
            throw Refusal.rule("voucher-expired", "This voucher has expired.");
        }
        return List.of(new VoucherCancelled(command.voucherId(), state.programmeId(), state.funderId(),
                state.faceValueCents(), command.reason(), clock.instant()));
    }

    private List<VoucherEvent> extend(ExtendValidity command, VoucherState state) {
        requireFunder(command.funderId(), state);
        if (state.status() == Status.CANCELLED || state.status() == Status.EXPIRED) {
            throw Refusal.rule("voucher-not-extendable",
                    "This voucher is " + state.status().name().toLowerCase() + ".");
        }
        if (command.acceptedUntil().isBefore(command.validUntil())) {
            throw Refusal.invalid("accepted-until-before-valid-until",
                    "Vouchers are accepted at least until the last day of their validity.");
        }
        boolean earlier = command.validUntil().isBefore(state.validUntil())
                || command.acceptedUntil().isBefore(state.acceptedUntil());
        boolean same = command.validUntil().equals(state.validUntil())
                && command.acceptedUntil().equals(state.acceptedUntil());
        if (earlier || same) {
            throw Refusal.rule("validity-not-extended", "The new dates must be later than " + state.validUntil()
                    + " and " + state.acceptedUntil() + ": a validity is extended, never shortened.");
        }
        return List.of(new VoucherValidityExtended(command.voucherId(), state.programmeId(), command.validUntil(),
                command.acceptedUntil(), clock.instant()));
    }

    private List<VoucherEvent> expire(ExpireVoucher command, VoucherState state) {
        if (state.status() != Status.ACTIVE && state.status() != Status.DISTRIBUTED) {
            throw Refusal.rule("voucher-not-expirable",
                    "This voucher is " + state.status().name().toLowerCase() + ".");
        }
        if (!LocalDate.ofInstant(clock.instant(), Programme.ZONE).isAfter(state.acceptedUntil())) {
            throw Refusal.rule("voucher-still-accepted",
                    "This voucher is accepted until " + state.acceptedUntil() + ".");
        }
        return List.of(new VoucherExpired(command.voucherId(), state.programmeId(), state.funderId(),
                state.faceValueCents(), state.acceptedUntil(), clock.instant()));
    }

    private static void requireFunder(java.util.UUID funderId, VoucherState state) {
        if (funderId != null && !funderId.equals(state.funderId())) {
            throw Refusal.forbidden("This voucher belongs to another funder.");
        }
    }

    private List<VoucherEvent> distribute(DistributeVoucher command, VoucherState state) {
        requireInStock(command, state);
        if (state.status() == Status.ISSUED) {
            throw Refusal.rule("voucher-not-activated",
                    "This voucher's order is not funded yet, so it cannot be handed out.");
        }
        if (state.status() == Status.DISTRIBUTED) {
            throw Refusal.rule("voucher-already-distributed", "This voucher was already handed out.");
        }
        if (state.status() != Status.ACTIVE) {
            throw Refusal.rule("voucher-not-distributable",
                    "This voucher is " + state.status().name().toLowerCase() + ".");
        }
        if (LocalDate.ofInstant(clock.instant(), Programme.ZONE).isAfter(state.validUntil())) {
            throw Refusal.rule("voucher-validity-over",
                    "This voucher's validity ended on " + state.validUntil() + ".");
        }
        return List.of(new VoucherDistributed(command.voucherId(), state.programmeId(), state.funderId(),
                command.distributorId(), command.beneficiaryRef(), command.ageBracket(), command.postcode(),
                clock.instant()));
    }

    @Override
    public VoucherState evolve(VoucherState state, VoucherEvent event) {
        if (event instanceof VoucherIssued issued) {
            return new VoucherState(Status.ISSUED, issued.programmeId(), issued.funderId(), issued.orderId(),
                    issued.bookId(), issued.faceValueCents(), issued.validUntil(), issued.acceptedUntil(), null, null);
        }
        if (event instanceof VoucherActivated) {
            return state.with(Status.ACTIVE);
        }
        if (event instanceof VoucherConsigned consigned) {
            return state.heldBy(consigned.distributorId());
        }
        if (event instanceof VoucherDistributed distributed) {
            return state.handedOutBy(distributed.distributorId());
        }
        if (event instanceof VoucherCancelled) {
            return state.with(Status.CANCELLED).heldBy(null); // a cancelled book leaves every stock
        }
        if (event instanceof VoucherExpired) {
            return state.with(Status.EXPIRED);
        }
        if (event instanceof VoucherValidityExtended extended) {
            return state.validity(extended.validUntil(), extended.acceptedUntil());
        }
        return state;
    }
}
