package org.passledger.issuance.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.passledger.events.ProgrammeEvent;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.issuance.domain.ProgrammeCommand.ConfirmFunding;
import org.passledger.issuance.domain.ProgrammeCommand.OpenProgramme;
import org.passledger.issuance.domain.ProgrammeCommand.OrderBooks;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.values.Departement;

/**
 * A funder's funding programme: opened with its terms and budget, books ordered against the budget (never
 * beyond it), each order funded once the funder's payment order is received.
 */
public final class Programme implements Decider<ProgrammeCommand, ProgrammeState, ProgrammeEvent> {

    public static final Set<String> FUNDER_TYPES =
            Set.of("departement", "commune", "intercommunality", "state", "company", "foundation");
    public static final Set<Integer> BOOK_SIZES = Set.of(5, 10);
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
            throw ProblemException.notFound("programme", command.programmeId());
        }
        if (command instanceof OrderBooks order) {
            return order(order, state);
        }
        if (command instanceof ConfirmFunding funding) {
            return fund(funding, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<ProgrammeEvent> open(OpenProgramme command, ProgrammeState state) {
        if (state.opened()) {
            throw ProblemException.rule("programme-already-opened", "This programme is already open.");
        }
        if (!FUNDER_TYPES.contains(command.funderType())) {
            throw ProblemException.invalid("invalid-funder-type", "A funder type is one of " + FUNDER_TYPES + ".");
        }
        if (command.budgetCents() <= 0) {
            throw ProblemException.invalid("invalid-budget", "The budget is a positive number of cents.");
        }
        if (command.faceValueCents() <= 0) {
            throw ProblemException.invalid("invalid-face-value", "The face value is a positive number of cents.");
        }
        if (!BOOK_SIZES.contains(command.bookSize())) {
            throw ProblemException.invalid("invalid-book-size", "Books hold 5 or 10 vouchers.");
        }
        if (command.feeRateBasisPoints() < 0 || command.feeRateBasisPoints() > 10_000) {
            throw ProblemException.invalid("invalid-fee-rate", "The fee rate is 0 to 10000 basis points.");
        }
        if (command.territory().isEmpty()) {
            throw ProblemException.invalid("empty-territory", "A programme covers at least one département.");
        }
        command.territory().forEach(Departement::new);
        if (command.acceptedUntil().isBefore(command.validUntil())) {
            throw ProblemException.invalid("accepted-until-before-valid-until",
                    "Vouchers are accepted at least until the last day of their validity.");
        }
        if (command.validUntil().isBefore(today())) {
            throw ProblemException.invalid("valid-until-in-the-past", "The validity must end today or later.");
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
            throw ProblemException.invalid("invalid-book-count", "An order is for 1 to " + maxBooks + " books.");
        }
        if (command.releasedCents() < 0) {
            throw new IllegalArgumentException("released cents cannot be negative");
        }
        if (state.orders().containsKey(command.orderId())) {
            throw ProblemException.rule("order-already-placed", "This order was already placed.");
        }
        if (today().isAfter(state.validUntil())) {
            throw ProblemException.rule("programme-validity-over",
                    "The programme's validity ended on " + state.validUntil() + ".");
        }
        int voucherCount = command.books() * state.bookSize();
        long amount = Math.multiplyExact((long) voucherCount, state.faceValueCents());
        long remaining = state.remainingCents(command.releasedCents());
        if (amount > remaining) {
            throw new ProblemException(409, "budget-exceeded", "Refused by a business rule",
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
            throw ProblemException.forbidden("This programme belongs to another funder.");
        }
        ProgrammeState.Order order = state.orders().get(command.orderId());
        if (order == null) {
            throw ProblemException.notFound("order", command.orderId());
        }
        if (order.funded()) {
            throw ProblemException.rule("order-already-funded",
                    "This order was already funded (payment order " + order.paymentOrderReference() + ").");
        }
        return List.of(new FundingConfirmed(command.programmeId(), command.orderId(), state.funderId(),
                command.paymentOrderReference(), order.amountCents(), clock.instant()));
    }

    private static void requireOwner(ProgrammeState state, OrderBooks command) {
        if (!state.funderId().equals(command.funderId())) {
            throw ProblemException.forbidden("This programme belongs to another funder.");
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
                    opened.validUntil(), opened.acceptedUntil(), 0, Map.of());
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
        return state;
    }
}
