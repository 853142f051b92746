package org.passledger.issuance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.domain.Refusal;
import org.passledger.events.ProgrammeEvent;
import org.passledger.events.ProgrammeEvent.BooksCancelled;
import org.passledger.events.ProgrammeEvent.BooksConsigned;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.DistributorRegistered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.events.ProgrammeEvent.ProgrammeValidityExtended;
import org.passledger.issuance.domain.ProgrammeCommand.CancelBooks;
import org.passledger.issuance.domain.ProgrammeCommand.ConfirmFunding;
import org.passledger.issuance.domain.ProgrammeCommand.ConsignBooks;
import org.passledger.issuance.domain.ProgrammeCommand.ExtendProgrammeValidity;
import org.passledger.issuance.domain.ProgrammeCommand.RegisterDistributor;
import org.passledger.issuance.domain.ProgrammeCommand.OpenProgramme;
import org.passledger.issuance.domain.ProgrammeCommand.OrderBooks;

class ProgrammeTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID PROGRAMME = UUID.fromString("6d2b9f41-8c3e-4a75-b1d6-0e9f7a2c4b58");
    static final UUID FUNDER = UUID.fromString("0c8e5a17-3d9b-4f62-a4e1-7b5d2c9f0a36");
    static final UUID ORDER = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");
    static final LocalDate ACCEPTED_UNTIL = LocalDate.parse("2027-01-31");

    final Programme programme = new Programme(Clock.fixed(NOW, ZoneOffset.UTC));
    final DeciderSpec<ProgrammeCommand, ProgrammeState, ProgrammeEvent> spec = DeciderSpec.of(programme);

    static OpenProgramme open(long budget, int bookSize, List<String> territory, LocalDate validUntil,
                              LocalDate acceptedUntil) {
        return new OpenProgramme(PROGRAMME, FUNDER, "Département du Gard", "departement", "Pass Numérique Gard 2026",
                budget, 1000, bookSize, territory, validUntil, acceptedUntil, List.of("seniors"), List.of(), 400);
    }

    static ProgrammeOpened opened(long budget) {
        return new ProgrammeOpened(PROGRAMME, FUNDER, "Département du Gard", "departement", "Pass Numérique Gard 2026",
                budget, 1000, 10, List.of("30"), VALID_UNTIL, ACCEPTED_UNTIL, List.of("seniors"), List.of(), 400, NOW);
    }

    static BooksOrdered ordered(UUID orderId, int books) {
        long amount = books * 10 * 1000L;
        return new BooksOrdered(PROGRAMME, orderId, FUNDER, books, 10, books * 10, 1000, amount,
                Programme.feeCents(amount, 400), NOW);
    }

    @Test
    void open_recordsTheProgrammeTerms() {
        spec.given().when(open(5_000_000, 10, List.of("30"), VALID_UNTIL, ACCEPTED_UNTIL))
                .then(opened(5_000_000));
    }

    @Test
    void open_isRejected_whenAlreadyOpen() {
        spec.given(opened(5_000_000)).when(open(5_000_000, 10, List.of("30"), VALID_UNTIL, ACCEPTED_UNTIL))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "programme-already-opened");
    }

    @Test
    void open_isRejected_whenBooksAreNeitherOfFiveNorOfTen() {
        spec.given().when(open(5_000_000, 7, List.of("30"), VALID_UNTIL, ACCEPTED_UNTIL))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-book-size");
    }

    @Test
    void open_isRejected_whenTheBudgetIsNotPositive() {
        spec.given().when(open(0, 10, List.of("30"), VALID_UNTIL, ACCEPTED_UNTIL))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-budget");
    }

    @Test
    void open_isRejected_whenTheTerritoryNamesNoDepartementOrAnUnknownOne() {
        spec.given().when(open(5_000_000, 10, List.of(), VALID_UNTIL, ACCEPTED_UNTIL))
                .thenRejectedWith(Refusal.Kind.INVALID, "empty-territory");
        spec.given().when(open(5_000_000, 10, List.of("30", "99"), VALID_UNTIL, ACCEPTED_UNTIL))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-departement");
    }

    @Test
    void open_isRejected_whenVouchersWouldStopBeingAcceptedBeforeTheirValidityEnds() {
        spec.given().when(open(5_000_000, 10, List.of("30"), VALID_UNTIL, VALID_UNTIL.minusDays(1)))
                .thenRejectedWith(Refusal.Kind.INVALID, "accepted-until-before-valid-until");
    }

    @Test
    void order_withinTheBudget_commitsItsFaceValueAndChargesTheFee() {
        ProgrammeState state = spec.given(opened(5_000_000)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 3))
                .then(new BooksOrdered(PROGRAMME, ORDER, FUNDER, 3, 10, 30, 1000, 30_000, 1_200, NOW));
        assertThat(state.committedCents()).isEqualTo(30_000);
        assertThat(state.remainingCents()).isEqualTo(4_970_000);
    }

    @Test
    void order_thatUsesExactlyTheRemainingBudget_isAccepted() {
        UUID first = UUID.randomUUID();
        spec.given(opened(50_000), ordered(first, 2)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 3))
                .then(ordered(ORDER, 3));
    }

    @Test
    void order_isRejected_whenItWouldExceedTheRemainingBudget() {
        UUID first = UUID.randomUUID();
        var problem = spec.given(opened(50_000), ordered(first, 3)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 3))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "budget-exceeded");
        assertThat(problem.extensions()).containsEntry("remainingCents", 20_000L).containsEntry("orderCents", 30_000L);
    }

    @Test
    void order_isRejected_forAnotherFundersProgramme() {
        spec.given(opened(5_000_000)).when(new OrderBooks(PROGRAMME, ORDER, UUID.randomUUID(), 1))
                .thenRejectedWith(Refusal.Kind.FORBIDDEN, "forbidden");
    }

    @Test
    void order_isRejected_forAProgrammeNeverOpened() {
        spec.given().when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 1))
                .thenRejectedWith(Refusal.Kind.NOT_FOUND, "programme-not-found");
    }

    @Test
    void order_isRejected_forNoBookOrTooManyBooks() {
        spec.given(opened(5_000_000_000L)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 0))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-book-count");
        spec.given(opened(5_000_000_000L)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 1001))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-book-count");
    }

    @Test
    void order_isRejected_afterTheProgrammesValidityEnded() {
        var late = new Programme(Clock.fixed(Instant.parse("2027-01-01T10:00:00Z"), ZoneOffset.UTC));
        DeciderSpec.of(late).given(opened(5_000_000)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 1))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "programme-validity-over");
    }

    @Test
    void fee_isRoundedHalfUpInIntegerCents() {
        assertThat(Programme.feeCents(10_000, 400)).isEqualTo(400);
        assertThat(Programme.feeCents(5_000, 333)).isEqualTo(167); // 166.5
        assertThat(Programme.feeCents(5_000, 331)).isEqualTo(166); // 165.5 -> 166
        assertThat(Programme.feeCents(1_249, 400)).isEqualTo(50); // 49.96
        assertThat(Programme.feeCents(1_237, 400)).isEqualTo(49); // 49.48
        assertThat(Programme.feeCents(12_345, 0)).isZero();
    }

    @Test
    void funding_confirmsTheOrdersFaceValueAndFee() {
        ProgrammeState state = spec.given(opened(5_000_000), ordered(ORDER, 2))
                .when(new ConfirmFunding(PROGRAMME, ORDER, FUNDER, "MANDAT-2026-00417"))
                .then(new FundingConfirmed(PROGRAMME, ORDER, FUNDER, "MANDAT-2026-00417", 20_800, NOW));
        assertThat(state.orders().get(ORDER).funded()).isTrue();
    }

    @Test
    void funding_byTheOperator_isAccepted() {
        spec.given(opened(5_000_000), ordered(ORDER, 2))
                .when(new ConfirmFunding(PROGRAMME, ORDER, null, "MANDAT-2026-00417"))
                .then(new FundingConfirmed(PROGRAMME, ORDER, FUNDER, "MANDAT-2026-00417", 20_800, NOW));
    }

    @Test
    void funding_isRejected_whenTheOrderIsAlreadyFunded() {
        spec.given(opened(5_000_000), ordered(ORDER, 2),
                        new FundingConfirmed(PROGRAMME, ORDER, FUNDER, "MANDAT-2026-00417", 20_800, NOW))
                .when(new ConfirmFunding(PROGRAMME, ORDER, FUNDER, "MANDAT-2026-00418"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "order-already-funded");
    }

    @Test
    void funding_isRejected_forAnUnknownOrder() {
        spec.given(opened(5_000_000), ordered(ORDER, 2))
                .when(new ConfirmFunding(PROGRAMME, UUID.randomUUID(), FUNDER, "MANDAT-2026-00417"))
                .thenRejectedWith(Refusal.Kind.NOT_FOUND, "order-not-found");
    }

    @Test
    void funding_isRejected_forAnotherFunder() {
        spec.given(opened(5_000_000), ordered(ORDER, 2))
                .when(new ConfirmFunding(PROGRAMME, ORDER, UUID.randomUUID(), "MANDAT-2026-00417"))
                .thenRejectedWith(Refusal.Kind.FORBIDDEN, "forbidden");
    }

    static final UUID BOOK = UUID.fromString("5f0e2a91-7c4b-4d36-8a1e-b93c6d2f4a07");
    static final UUID DISTRIBUTOR = UUID.fromString("3a7c1e92-5b4d-4f08-9e63-c2d8a1f07b54");

    static BooksCancelled cancelled(long released) {
        return new BooksCancelled(PROGRAMME, FUNDER, List.of(BOOK), 10, released, "damaged", NOW);
    }

    static DistributorRegistered registered() {
        return new DistributorRegistered(PROGRAMME, DISTRIBUTOR, "CCAS de Nîmes", "ccas", NOW);
    }

    @Test
    void order_countsWhatCancelledBooksGaveBackToTheBudget() {
        UUID first = UUID.randomUUID();
        // 50,000 budget, 30,000 ordered, 10,000 released by a cancelled book: 30,000 remain, 3 books fit
        spec.given(opened(50_000), ordered(first, 3), cancelled(10_000))
                .when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 3))
                .then(new BooksOrdered(PROGRAMME, ORDER, FUNDER, 3, 10, 30, 1000, 30_000, 1200, NOW));
        var problem = spec.given(opened(50_000), ordered(first, 3), cancelled(10_000))
                .when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 4))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "budget-exceeded");
        assertThat(problem.extensions()).containsEntry("remainingCents", 30_000L);
    }

    @Test
    void registerDistributor_recordsIt_once_andOnlyForTheProgrammesFunder() {
        spec.given(opened(50_000))
                .when(new RegisterDistributor(PROGRAMME, FUNDER, DISTRIBUTOR, "CCAS de Nîmes", "ccas"))
                .then(registered());
        spec.given(opened(50_000), registered())
                .when(new RegisterDistributor(PROGRAMME, FUNDER, DISTRIBUTOR, "CCAS de Nîmes", "ccas"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "distributor-already-registered");
        spec.given(opened(50_000))
                .when(new RegisterDistributor(PROGRAMME, UUID.randomUUID(), DISTRIBUTOR, "CCAS", "ccas"))
                .thenRejectedWith(Refusal.Kind.FORBIDDEN, "forbidden");
        spec.given(opened(50_000))
                .when(new RegisterDistributor(PROGRAMME, FUNDER, DISTRIBUTOR, "CCAS", "church"))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-distributor-kind");
    }

    @Test
    void consignBooks_onlyToARegisteredDistributor_andNeverACancelledBook() {
        UUID first = UUID.randomUUID();
        spec.given(opened(50_000), ordered(first, 3), registered())
                .when(new ConsignBooks(PROGRAMME, FUNDER, DISTRIBUTOR, null, List.of(BOOK), 10))
                .then(new BooksConsigned(PROGRAMME, DISTRIBUTOR, null, List.of(BOOK), 10, NOW));
        spec.given(opened(50_000), ordered(first, 3))
                .when(new ConsignBooks(PROGRAMME, FUNDER, DISTRIBUTOR, null, List.of(BOOK), 10))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "distributor-not-registered");
        spec.given(opened(50_000), ordered(first, 3), registered(), cancelled(10_000))
                .when(new ConsignBooks(PROGRAMME, FUNDER, DISTRIBUTOR, null, List.of(BOOK), 10))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "book-cancelled");
    }

    @Test
    void cancelBooks_releasesTheirFaceValue_once() {
        UUID first = UUID.randomUUID();
        spec.given(opened(50_000), ordered(first, 3))
                .when(new CancelBooks(PROGRAMME, null, List.of(BOOK), 10, 10_000, "damaged"))
                .then(cancelled(10_000));
        spec.given(opened(50_000), ordered(first, 3), cancelled(10_000))
                .when(new CancelBooks(PROGRAMME, FUNDER, List.of(BOOK), 10, 10_000, "damaged"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "book-cancelled");
        spec.given(opened(50_000), ordered(first, 3))
                .when(new CancelBooks(PROGRAMME, UUID.randomUUID(), List.of(BOOK), 10, 10_000, "damaged"))
                .thenRejectedWith(Refusal.Kind.FORBIDDEN, "forbidden");
    }

    @Test
    void extendProgrammeValidity_onlyMovesDatesLater_andGivesThemToLaterOrders() {
        LocalDate valid = LocalDate.parse("2027-06-30");
        LocalDate accepted = LocalDate.parse("2027-07-31");
        ProgrammeValidityExtended extended = new ProgrammeValidityExtended(PROGRAMME, valid, accepted, NOW);
        ProgrammeState state = spec.given(opened(50_000))
                .when(new ExtendProgrammeValidity(PROGRAMME, FUNDER, valid, accepted))
                .then(extended);
        assertThat(state.validUntil()).isEqualTo(valid);
        assertThat(state.acceptedUntil()).isEqualTo(accepted);
        spec.given(opened(50_000), extended)
                .when(new ExtendProgrammeValidity(PROGRAMME, FUNDER, valid, accepted))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "validity-not-extended");
        spec.given(opened(50_000))
                .when(new ExtendProgrammeValidity(PROGRAMME, null, accepted, valid))
                .thenRejectedWith(Refusal.Kind.INVALID, "accepted-until-before-valid-until");
    }

    @Test
    void largeOrder_asAJob_mayExceedTheSynchronousLimit_butNotTheJobLimit() {
        spec.given(opened(5_000_000_000L)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 10_000, true))
                .then(new BooksOrdered(PROGRAMME, ORDER, FUNDER, 10_000, 10, 100_000, 1000, 100_000_000, 4_000_000,
                        NOW));
        spec.given(opened(5_000_000_000L)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 10_000, false))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-book-count");
        spec.given(opened(5_000_000_000L)).when(new OrderBooks(PROGRAMME, ORDER, FUNDER, 20_001, true))
                .thenRejectedWith(Refusal.Kind.INVALID, "invalid-book-count");
    }
}
