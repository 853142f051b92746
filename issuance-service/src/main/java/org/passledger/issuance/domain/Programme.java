package org.passledger.issuance.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passledger.events.ProgrammeEvent;
import org.passledger.events.ProgrammeEvent.BooksCancelled;
import org.passledger.events.ProgrammeEvent.BooksConsigned;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.DistributorRegistered;
import org.passledger.events.ProgrammeEvent.ProgrammeValidityExtended;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.issuance.domain.ProgrammeCommand.CancelBooks;
import org.passledger.issuance.domain.ProgrammeCommand.ConfirmFunding;
import org.passledger.issuance.domain.ProgrammeCommand.ConsignBooks;
import org.passledger.issuance.domain.ProgrammeCommand.ExtendProgrammeValidity;
import org.passledger.issuance.domain.ProgrammeCommand.RegisterDistributor;
import org.passledger.issuance.domain.ProgrammeCommand.OpenProgramme;
import org.passledger.issuance.domain.ProgrammeCommand.OrderBooks;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.values.Departement;

/**
 * A funder's funding programme: opened with its terms and budget, books ordered against the budget (never
 * beyond it), each order funded once the funder's payment order is received.
 */
public final class Programme implements Decider<ProgrammeCommand, ProgrammeState, ProgrammeEvent> {

    public static final Set<String> FUNDER_TYPES =
            Set.of("departement", "commune", "intercommunality", "state", "company", "foundation");
    public static final Set<Integer> BOOK_SIZES = Set.of(5, 10);
    public static final Set<String> DISTRIBUTOR_KINDS =
            Set.of("ccas", "social-service", "france-services", "job-centre", "association", "other");
    public static final int MAX_BOOKS_PER_ORDER = 1000;
    /** A large order runs as a job; 20,000 books of 10 are 200,000 vouchers. */
    public static final int MAX_BOOKS_PER_JOB = 20_000;
    public static final long DEFAULT_FACE_VALUE_CENTS = 1000;
    public static final int DEFAULT_FEE_RATE_BASIS_POINTS = 400;
    /** The scheme's dates are French calendar days. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final Clock clock;

    public Programme(Clock clock) {
        this.clock = clock;
    }

    /** The operator's fee on a face-value amount, rounded half up, in integer arithmetic. */
    public static long feeCents(long amountCents, int feeRateBasisPoints) {
        return (Math.multiplyExact(amountCents, (long) feeRateBasisPoints) + 5_000) / 10_000;
    }

    @Override
    public ProgrammeState initialState() {
        return ProgrammeState.UNOPENED;
    }

    @Override
    public List<ProgrammeEvent> decide(ProgrammeCommand command, ProgrammeState state) {
        if (command instanceof OpenProgramme open) {
            return open(open, state);
        }
        if (!state.opened()) {
            throw Refusal.notFound("programme", command.programmeId());
        }
        if (command instanceof OrderBooks order) {
            return order(order, state);
        }
        if (command instanceof ConfirmFunding funding) {
            return fund(funding, state);
        }
        if (command instanceof RegisterDistributor register) {
            return register(register, state);
        }
        if (command instanceof ConsignBooks consign) {
            return consign(consign, state);
        }
        if (command instanceof CancelBooks cancel) {
            return cancel(cancel, state);
        }
        if (command instanceof ExtendProgrammeValidity extend) {
            return extend(extend, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<ProgrammeEvent> open(OpenProgramme command, ProgrammeState state) {
        if (state.opened()) {
            throw Refusal.rule("programme-already-opened", "This programme is already open.");
        }
        if (!FUNDER_TYPES.contains(command.funderType())) {
            throw Refusal.invalid("invalid-funder-type", "A funder type is one of " + FUNDER_TYPES + ".");
        }
        if (command.budgetCents() <= 0) {
            throw Refusal.invalid("invalid-budget", "The budget is a positive number of cents.");
        }
        if (command.faceValueCents() <= 0) {
            throw Refusal.invalid("invalid-face-value", "The face value is a positive number of cents.");
        }
        if (!BOOK_SIZES.contains(command.bookSize())) {
            throw Refusal.invalid("invalid-book-size", "Books hold 5 or 10 vouchers.");
        }
        if (command.feeRateBasisPoints() < 0 || command.feeRateBasisPoints() > 10_000) {
            throw Refusal.invalid("invalid-fee-rate", "The fee rate is 0 to 10000 basis points.");
        }
        if (command.territory().isEmpty()) {
            throw Refusal.invalid("empty-territory", "A programme covers at least one département.");
        }
        command.territory().forEach(Departement::new);
        if (command.acceptedUntil().isBefore(command.validUntil())) {
            throw Refusal.invalid("accepted-until-before-valid-until",
                    "Vouchers are accepted at least until the last day of their validity.");
        }
        if (command.validUntil().isBefore(today())) {
            throw Refusal.invalid("valid-until-in-the-past", "The validity must end today or later.");
        }
        return List.of(new ProgrammeOpened(command.programmeId(), command.funderId(), command.funderName(),
                command.funderType(), command.name(), command.budgetCents(), command.faceValueCents(),
                command.bookSize(), List.copyOf(command.territory()), command.validUntil(), command.acceptedUntil(),
                command.targetPublics(), command.allowedServices(), command.feeRateBasisPoints(), clock.instant()));
    }

    private List<ProgrammeEvent> order(OrderBooks command, ProgrammeState state) {
        requireOwner(state, command);
        int maxBooks = command.asJob() ? MAX_BOOKS_PER_JOB : MAX_BOOKS_PER_ORDER;
        if (command.books() < 1 || command.books() > maxBooks) {
            throw Refusal.invalid("invalid-book-count", "An order is for 1 to " + maxBooks + " books.");
        }
        if (state.orders().containsKey(command.orderId())) {
            throw Refusal.rule("order-already-placed", "This order was already placed.");
        }
        if (today().isAfter(state.validUntil())) {
            throw Refusal.rule("programme-validity-over",
                    "The programme's validity ended on " + state.validUntil() + ".");
        }
        int voucherCount = command.books() * state.bookSize();
        long amount = Math.multiplyExact((long) voucherCount, state.faceValueCents());
        long remaining = state.remainingCents();
        if (amount > remaining) {
            throw new Refusal(Refusal.Kind.CONFLICT_WITH_STATE, "budget-exceeded", Refusal.TITLE_RULE,
                    "This order's face value (" + amount + " cents) exceeds what remains of the budget ("
                            + remaining + " cents).",
                    Map.of("remainingCents", remaining, "orderCents", amount));
        }
        return List.of(new BooksOrdered(command.programmeId(), command.orderId(), state.funderId(), command.books(),
                state.bookSize(), voucherCount, state.faceValueCents(), amount,
                feeCents(amount, state.feeRateBasisPoints()), clock.instant()));
    }

    private List<ProgrammeEvent> fund(ConfirmFunding command, ProgrammeState state) {
        if (command.funderId() != null && !command.funderId().equals(state.funderId())) {
            throw Refusal.forbidden("This programme belongs to another funder.");
        }
        ProgrammeState.Order order = state.orders().get(command.orderId());
        if (order == null) {
            throw Refusal.notFound("order", command.orderId());
        }
        if (order.funded()) {
            throw Refusal.rule("order-already-funded",
                    "This order was already funded (payment order " + order.paymentOrderReference() + ").");
        }
        // the payment order settles the quote: the vouchers' face value and the operator's fee
        return List.of(new FundingConfirmed(command.programmeId(), command.orderId(), state.funderId(),
                command.paymentOrderReference(), order.amountCents() + order.feeCents(), clock.instant()));
    }

    private List<ProgrammeEvent> register(RegisterDistributor command, ProgrammeState state) {
        requireOwner(state, command.funderId());
        if (!DISTRIBUTOR_KINDS.contains(command.kind())) {
            throw Refusal.invalid("invalid-distributor-kind", "A distributor kind is one of "
                    + DISTRIBUTOR_KINDS + ".");
        }
        if (state.registered(command.distributorId())) {
            throw Refusal.rule("distributor-already-registered",
                    "This distributor is already registered for the programme.");
        }
        return List.of(new DistributorRegistered(command.programmeId(), command.distributorId(), command.name(),
                command.kind(), clock.instant()));
    }

    private List<ProgrammeEvent> consign(ConsignBooks command, ProgrammeState state) {
        requireOwner(state, command.funderId());
        if (!state.registered(command.distributorId())) {
            throw Refusal.rule("distributor-not-registered",
                    "This distributor is not registered for the programme: register it first.");
        }
        if (command.bookIds().stream().anyMatch(state.cancelledBooks()::contains)) {
            throw Refusal.rule("book-cancelled", "A cancelled book cannot be consigned.");
        }
        return List.of(new BooksConsigned(command.programmeId(), command.distributorId(),
                command.previousDistributorId(), command.bookIds(), command.voucherCount(), clock.instant()));
    }

    private List<ProgrammeEvent> cancel(CancelBooks command, ProgrammeState state) {
        if (command.funderId() != null) {
            requireOwner(state, command.funderId());
        }
        if (command.bookIds().stream().anyMatch(state.cancelledBooks()::contains)) {
            throw Refusal.rule("book-cancelled", "This book was already cancelled.");
        }
        if (command.releasedCents() < 0 || command.voucherCount() < 0) {
            throw new IllegalArgumentException("a cancellation releases a non-negative amount");
        }
        return List.of(new BooksCancelled(command.programmeId(), state.funderId(), command.bookIds(),
                command.voucherCount(), command.releasedCents(), command.reason(), clock.instant()));
    }

    private List<ProgrammeEvent> extend(ExtendProgrammeValidity command, ProgrammeState state) {
        if (command.funderId() != null) {
            requireOwner(state, command.funderId());
        }
        if (command.acceptedUntil().isBefore(command.validUntil())) {
            throw Refusal.invalid("accepted-until-before-valid-until",
                    "Vouchers are accepted at least until the last day of their validity.");
        }
        if (command.validUntil().isBefore(state.validUntil()) || command.acceptedUntil().isBefore(state.acceptedUntil())
                || command.validUntil().equals(state.validUntil())
                && command.acceptedUntil().equals(state.acceptedUntil())) {
            throw Refusal.rule("validity-not-extended", "The new dates must be later than "
                    + state.validUntil() + " and " + state.acceptedUntil() + ".");
        }
        return List.of(new ProgrammeValidityExtended(command.programmeId(), command.validUntil(),
                command.acceptedUntil(), clock.instant()));
    }

    private static void requireOwner(ProgrammeState state, OrderBooks command) {
        requireOwner(state, command.funderId());
    }

    private static void requireOwner(ProgrammeState state, UUID funderId) {
        if (!state.funderId().equals(funderId)) {
            throw Refusal.forbidden("This programme belongs to another funder.");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    @Override
    public ProgrammeState evolve(ProgrammeState state, ProgrammeEvent event) {
        if (event instanceof ProgrammeOpened opened) {
            return new ProgrammeState(true, opened.funderId(), opened.name(), opened.budgetCents(), opened.faceValueCents(),
                    opened.bookSize(), opened.feeRateBasisPoints(), opened.territory(), opened.allowedServices(),
                    opened.validUntil(), opened.acceptedUntil(), 0, Map.of(), 0, Map.of(), Set.of());
        }
        if (event instanceof BooksOrdered ordered) {
            return state.withOrder(new ProgrammeState.Order(ordered.orderId(), ordered.books(),
                            ordered.voucherCount(), ordered.amountCents(), ordered.feeCents(), null),
                    state.committedCents() + ordered.amountCents());
        }
        if (event instanceof FundingConfirmed funded) {
            ProgrammeState.Order order = state.orders().get(funded.orderId());
            return state.withOrder(new ProgrammeState.Order(order.orderId(), order.books(), order.voucherCount(),
                    order.amountCents(), order.feeCents(), funded.paymentOrderReference()), state.committedCents());
        }
        if (event instanceof DistributorRegistered registered) {
            return state.withDistributor(registered.distributorId(), registered.name());
        }
        if (event instanceof BooksCancelled cancelled) {
            return state.withCancelled(cancelled.bookIds(), cancelled.releasedCents());
        }
        if (event instanceof ProgrammeValidityExtended extended) {
            return state.withValidity(extended.validUntil(), extended.acceptedUntil());
        }
        return state;
    }
}
