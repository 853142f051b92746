package org.passledger.issuance.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.domain.Refusal;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.issuance.domain.VoucherCommand.ActivateVoucher;
import org.passledger.issuance.domain.VoucherCommand.CancelVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExpireVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExtendValidity;
import org.passledger.issuance.domain.VoucherCommand.DistributeVoucher;
import org.passledger.issuance.domain.VoucherCommand.IssueVoucher;

class VoucherTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID VOUCHER = UUID.fromString("9a4c1e27-5b83-4d6f-8e12-3c7b9d0f5a61");
    static final UUID PROGRAMME = UUID.fromString("6d2b9f41-8c3e-4a75-b1d6-0e9f7a2c4b58");
    static final UUID FUNDER = UUID.fromString("0c8e5a17-3d9b-4f62-a4e1-7b5d2c9f0a36");
    static final UUID ORDER = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final UUID BOOK = UUID.fromString("22222222-3333-4444-8555-666666666666");
    static final UUID DISTRIBUTOR = UUID.fromString("33333333-4444-4555-8666-777777777777");
    static final String HASH = VoucherCode.hash("23456789ABCDE" + "X");
    static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

    final DeciderSpec<VoucherCommand, VoucherState, VoucherEvent> spec =
            DeciderSpec.of(new Voucher(Clock.fixed(NOW, ZoneOffset.UTC)));

    static final VoucherIssued ISSUED = new VoucherIssued(VOUCHER, HASH, PROGRAMME, FUNDER, ORDER, BOOK, 3, 1000,
            List.of("30"), List.of(), VALID_UNTIL, LocalDate.parse("2027-01-31"), NOW);
    static final VoucherActivated ACTIVATED = new VoucherActivated(VOUCHER, PROGRAMME, FUNDER, "MANDAT-1", NOW);
    static final VoucherConsigned CONSIGNED = new VoucherConsigned(VOUCHER, PROGRAMME, BOOK, DISTRIBUTOR, null, NOW);
    static final DistributeVoucher DISTRIBUTE =
            new DistributeVoucher(VOUCHER, DISTRIBUTOR, "BEN-K7QM4XHT9BRC", "60-74", "30600");

    @Test
    void issue_printsTheVoucherWithTheProgrammesTerms() {
        spec.given().when(new IssueVoucher(VOUCHER, HASH, PROGRAMME, FUNDER, ORDER, BOOK, 3, 1000, List.of("30"),
                        List.of(), VALID_UNTIL, LocalDate.parse("2027-01-31")))
                .then(ISSUED);
    }

    @Test
    void issue_isRejected_forAVoucherAlreadyIssued() {
        spec.given(ISSUED).when(new IssueVoucher(VOUCHER, HASH, PROGRAMME, FUNDER, ORDER, BOOK, 3, 1000,
                        List.of("30"), List.of(), VALID_UNTIL, LocalDate.parse("2027-01-31")))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-already-issued");
    }

    @Test
    void activate_anIssuedVoucher_whenItsOrderIsFunded() {
        spec.given(ISSUED).when(new ActivateVoucher(VOUCHER, "MANDAT-1")).then(ACTIVATED);
    }

    @Test
    void activate_isRejected_whenAlreadyActive() {
        spec.given(ISSUED, ACTIVATED).when(new ActivateVoucher(VOUCHER, "MANDAT-2"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-already-activated");
    }

    @Test
    void distribute_anActiveVoucher_toAPseudonymousBeneficiary() {
        spec.given(ISSUED, ACTIVATED, CONSIGNED).when(DISTRIBUTE)
                .then(new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-K7QM4XHT9BRC", "60-74",
                        "30600", NOW));
    }

    @Test
    void distribute_isRejected_whenTheOrderIsNotFundedYet() {
        spec.given(ISSUED, CONSIGNED).when(DISTRIBUTE).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-activated");
    }

    @Test
    void distribute_isRejected_whenAlreadyDistributed() {
        spec.given(ISSUED, ACTIVATED, CONSIGNED, new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-1", null,
                        null, NOW))
                .when(DISTRIBUTE).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-already-distributed");
    }

    @Test
    void distribute_isRejected_forAVoucherNeverIssued() {
        spec.given().when(DISTRIBUTE).thenRejectedWith(Refusal.Kind.NOT_FOUND, "unknown-voucher");
    }

    @Test
    void distribute_isRejected_afterTheValidityEnded() {
        var late = new Voucher(Clock.fixed(Instant.parse("2027-01-01T08:00:00Z"), ZoneOffset.UTC));
        DeciderSpec.of(late).given(ISSUED, ACTIVATED, CONSIGNED).when(DISTRIBUTE).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-validity-over");
    }

    @Test
    void distribute_onTheLastDayOfValidity_inFrenchTime_isAccepted() {
        // 23:30 UTC on 31 December is already 1 January in Paris
        var lastEvening = new Voucher(Clock.fixed(Instant.parse("2026-12-31T22:30:00Z"), ZoneOffset.UTC));
        DeciderSpec.of(lastEvening).given(ISSUED, ACTIVATED, CONSIGNED).when(DISTRIBUTE)
                .then(new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-K7QM4XHT9BRC", "60-74",
                        "30600", Instant.parse("2026-12-31T22:30:00Z")));
        var afterMidnightInParis = new Voucher(Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC));
        DeciderSpec.of(afterMidnightInParis).given(ISSUED, ACTIVATED, CONSIGNED).when(DISTRIBUTE)
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-validity-over");
    }

    static final VoucherDistributed DISTRIBUTED = new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR,
            "BEN-1", null, null, NOW);
    static final VoucherCancelled CANCELLED = new VoucherCancelled(VOUCHER, PROGRAMME, FUNDER, 1000, "lost", NOW);
    static final LocalDate ACCEPTED_UNTIL = LocalDate.parse("2027-01-31");

    @Test
    void cancel_aVoucherNeverHandedOut_givesItsFaceValueBack() {
        spec.given(ISSUED, ACTIVATED).when(new CancelVoucher(VOUCHER, FUNDER, "lost")).then(CANCELLED);
        spec.given(ISSUED).when(new CancelVoucher(VOUCHER, null, "lost")).then(CANCELLED);
    }

    @Test
    void cancel_isRejected_onceHandedOut_orAlreadyCancelled_orExpired_orByAnotherFunder() {
        spec.given(ISSUED, ACTIVATED, DISTRIBUTED).when(new CancelVoucher(VOUCHER, FUNDER, "lost"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-already-distributed");
        spec.given(ISSUED, CANCELLED).when(new CancelVoucher(VOUCHER, FUNDER, "lost"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-already-cancelled");
        spec.given(ISSUED, ACTIVATED, new VoucherExpired(VOUCHER, PROGRAMME, FUNDER, 1000, ACCEPTED_UNTIL, NOW))
                .when(new CancelVoucher(VOUCHER, FUNDER, "lost")).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-expired");
        spec.given(ISSUED).when(new CancelVoucher(VOUCHER, UUID.randomUUID(), "lost"))
                .thenRejectedWith(Refusal.Kind.FORBIDDEN, "forbidden");
        spec.given().when(new CancelVoucher(VOUCHER, FUNDER, "lost")).thenRejectedWith(Refusal.Kind.NOT_FOUND, "unknown-voucher");
    }

    @Test
    void activate_aVoucherCancelledBeforeItsOrderWasFunded_recordsNothing() {
        spec.given(ISSUED, CANCELLED).when(new ActivateVoucher(VOUCHER, "MANDAT-1")).then();
    }

    @Test
    void cancelledVoucher_cannotBeHandedOut() {
        // a cancelled book left every stock
        spec.given(ISSUED, ACTIVATED, CONSIGNED, CANCELLED).when(DISTRIBUTE)
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-in-stock");
    }

    @Test
    void extend_movesBothDates_andTheVoucherMayBeHandedOutAgainLater() {
        var extended = new VoucherValidityExtended(VOUCHER, PROGRAMME, LocalDate.parse("2027-03-31"),
                LocalDate.parse("2027-04-30"), NOW);
        spec.given(ISSUED, ACTIVATED).when(new ExtendValidity(VOUCHER, FUNDER, LocalDate.parse("2027-03-31"),
                LocalDate.parse("2027-04-30"))).then(extended);
        var inFebruary = new Voucher(Clock.fixed(Instant.parse("2027-02-10T09:00:00Z"), ZoneOffset.UTC));
        DeciderSpec.of(inFebruary).given(ISSUED, ACTIVATED, CONSIGNED).when(DISTRIBUTE)
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-validity-over");
        DeciderSpec.of(inFebruary).given(ISSUED, ACTIVATED, CONSIGNED, extended).when(DISTRIBUTE)
                .then(new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-K7QM4XHT9BRC", "60-74",
                        "30600", Instant.parse("2027-02-10T09:00:00Z")));
    }

    @Test
    void extend_isRejected_whenItWouldShortenTheValidity_orDatesAreInverted_orTheVoucherIsOver() {
        spec.given(ISSUED, ACTIVATED).when(new ExtendValidity(VOUCHER, FUNDER, LocalDate.parse("2026-11-30"),
                LocalDate.parse("2027-03-31"))).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "validity-not-extended");
        spec.given(ISSUED, ACTIVATED).when(new ExtendValidity(VOUCHER, FUNDER, VALID_UNTIL, ACCEPTED_UNTIL))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "validity-not-extended");
        spec.given(ISSUED, ACTIVATED).when(new ExtendValidity(VOUCHER, FUNDER, LocalDate.parse("2027-06-30"),
                LocalDate.parse("2027-05-31"))).thenRejectedWith(Refusal.Kind.INVALID, "accepted-until-before-valid-until");
        spec.given(ISSUED, CANCELLED).when(new ExtendValidity(VOUCHER, FUNDER, LocalDate.parse("2027-06-30"),
                LocalDate.parse("2027-07-31"))).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-extendable");
        spec.given(ISSUED).when(new ExtendValidity(VOUCHER, UUID.randomUUID(), LocalDate.parse("2027-06-30"),
                LocalDate.parse("2027-07-31"))).thenRejectedWith(Refusal.Kind.FORBIDDEN, "forbidden");
    }

    @Test
    void expire_afterTheAcceptanceDate_inFrenchDays() {
        Instant firstOfFebruaryInParis = Instant.parse("2027-01-31T23:30:00Z");
        DeciderSpec.of(new Voucher(Clock.fixed(firstOfFebruaryInParis, ZoneOffset.UTC)))
                .given(ISSUED, ACTIVATED, DISTRIBUTED).when(new ExpireVoucher(VOUCHER))
                .then(new VoucherExpired(VOUCHER, PROGRAMME, FUNDER, 1000, ACCEPTED_UNTIL, firstOfFebruaryInParis));
        DeciderSpec.of(new Voucher(Clock.fixed(Instant.parse("2027-01-31T22:30:00Z"), ZoneOffset.UTC)))
                .given(ISSUED, ACTIVATED).when(new ExpireVoucher(VOUCHER))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-still-accepted");
    }

    @Test
    void expire_isRejected_forVouchersNeverFunded_cancelled_orAlreadyExpired() {
        var late = DeciderSpec.<VoucherCommand, VoucherState, VoucherEvent>of(
                new Voucher(Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC)));
        late.given(ISSUED).when(new ExpireVoucher(VOUCHER)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-expirable");
        late.given(ISSUED, CANCELLED).when(new ExpireVoucher(VOUCHER)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-expirable");
        late.given(ISSUED, ACTIVATED, new VoucherExpired(VOUCHER, PROGRAMME, FUNDER, 1000, ACCEPTED_UNTIL, NOW))
                .when(new ExpireVoucher(VOUCHER)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-expirable");
    }
}
