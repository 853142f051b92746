package org.passledger.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.RedemptionEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.kernel.domain.Refusal;
import org.passledger.redemption.domain.RedemptionCommand.RedeemVoucher;

class RedemptionTest {

    static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");
    static final UUID VOUCHER = UUID.fromString("7e1d4b92-6c05-4a3f-8b27-9d0e5f3a1c64");
    static final UUID PROGRAMME = UUID.fromString("6d2b9f41-8c3e-4a75-b1d6-0e9f7a2c4b58");
    static final UUID FUNDER = UUID.fromString("0c8e5a17-3d9b-4f62-a4e1-7b5d2c9f0a36");
    static final UUID PLACE = UUID.fromString("3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13");
    static final UUID REDEMPTION = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");

    static DeciderSpec<RedemptionCommand, RedemptionState, RedemptionEvent> at(Instant now) {
        return DeciderSpec.of(new Redemption(Clock.fixed(now, ZoneOffset.UTC)));
    }

    static DeciderSpec<RedemptionCommand, RedemptionState, RedemptionEvent> spec() {
        return at(NOW);
    }

    static VoucherFacts voucher() {
        return new VoucherFacts(VOUCHER, PROGRAMME, FUNDER, 1000, List.of("30", "34"),
                List.of("atelier-collectif", "accompagnement-individuel"), LocalDate.parse("2027-01-31"),
                true, true, false, false);
    }

    static VoucherFacts voucher(boolean activated, boolean distributed, boolean cancelled, boolean expired) {
        VoucherFacts v = voucher();
        return new VoucherFacts(v.voucherId(), v.programmeId(), v.funderId(), v.faceValueCents(), v.territory(),
                v.allowedServices(), v.acceptedUntil(), activated, distributed, cancelled, expired);
    }

    static VoucherFacts acceptedUntil(String date) {
        VoucherFacts v = voucher();
        return new VoucherFacts(v.voucherId(), v.programmeId(), v.funderId(), v.faceValueCents(), v.territory(),
                v.allowedServices(), LocalDate.parse(date), true, true, false, false);
    }

    static LabelHistory granted() {
        return LabelHistory.NONE.apply(new LabelGranted(PLACE, "ANCT-2025-030-0001", LocalDate.parse("2025-12-01"),
                LocalDate.parse("2028-11-30"), "30", Instant.parse("2025-11-20T10:00:00Z")));
    }

    static PlaceFacts place(String departement, LabelHistory label) {
        return new PlaceFacts(PLACE, true, departement, label);
    }

    static PlaceFacts labelledPlace() {
        return place("30", granted());
    }

    static RedeemVoucher redeem(VoucherFacts voucher, PlaceFacts place, String service) {
        return new RedeemVoucher(REDEMPTION, voucher, place, service, "ATELIER-2026-03-14-AM", "c.martin");
    }

    static RedeemVoucher redeem(VoucherFacts voucher) {
        return redeem(voucher, labelledPlace(), "atelier-collectif");
    }

    static VoucherRedeemed redeemed(UUID redemptionId, Instant at) {
        return new VoucherRedeemed(VOUCHER, redemptionId, PROGRAMME, FUNDER, PLACE, "30", "atelier-collectif", 1000,
                "ATELIER-2026-03-14-AM", "c.martin", at);
    }

    @Test
    void redeem_recordsVoucherRedeemed_withWhatSettlementAndDashboardsNeed() {
        spec().when(redeem(voucher())).then(redeemed(REDEMPTION, NOW));
    }

    @Test
    void redeem_acceptsAnyService_whenTheVoucherListsNone() {
        VoucherFacts v = voucher();
        VoucherFacts anyService = new VoucherFacts(v.voucherId(), v.programmeId(), v.funderId(), v.faceValueCents(),
                v.territory(), List.of(), v.acceptedUntil(), true, true, false, false);
        spec().when(redeem(anyService, labelledPlace(), "numerique-pro")).then(new VoucherRedeemed(VOUCHER,
                REDEMPTION, PROGRAMME, FUNDER, PLACE, "30", "numerique-pro", 1000, "ATELIER-2026-03-14-AM",
                "c.martin", NOW));
    }

    @Test
    void redeem_isRejected_whenVoucherCancelled_evenThoughNeverDistributed() {
        spec().when(redeem(voucher(true, false, true, false))).thenRejectedWith(Redemption.VOUCHER_CANCELLED);
    }

    @Test
    void redeem_isRejected_whenVoucherNotActivated() {
        spec().when(redeem(voucher(false, false, false, false))).thenRejectedWith(Redemption.VOUCHER_NOT_ACTIVATED);
    }

    @Test
    void redeem_isRejected_whenVoucherNotDistributed() {
        spec().when(redeem(voucher(true, false, false, false))).thenRejectedWith(Redemption.VOUCHER_NOT_DISTRIBUTED);
    }

    @Test
    void redeem_isRejected_whenVoucherAlreadyRedeemed() {
        Refusal problem = spec().given(redeemed(UUID.randomUUID(), NOW.minusSeconds(3600)))
                .when(redeem(voucher())).thenRejectedWith(Redemption.VOUCHER_ALREADY_REDEEMED);
        assertThat(problem.kind()).isEqualTo(Refusal.Kind.CONFLICT_WITH_STATE);
    }

    @Test
    void redeem_isRejected_asAlreadyRedeemed_evenWhenIssuanceSinceDeclaredItExpired() {
        spec().given(redeemed(UUID.randomUUID(), NOW.minusSeconds(3600)))
                .when(redeem(voucher(true, true, false, true))).thenRejectedWith(Redemption.VOUCHER_ALREADY_REDEEMED);
    }

    @Test
    void redeem_succeedsAgain_afterTheRedemptionWasReversed() {
        UUID first = UUID.randomUUID();
        spec().given(redeemed(first, NOW.minusSeconds(7200)), new RedemptionReversed(VOUCHER, first, PROGRAMME,
                        FUNDER, PLACE, 1000, "scanned by mistake", "structure:" + PLACE, NOW.minusSeconds(3600)))
                .when(redeem(voucher())).then(redeemed(REDEMPTION, NOW));
    }

    @Test
    void redeem_isRejected_whenIssuanceDeclaredTheVoucherExpired() {
        spec().when(redeem(voucher(true, true, false, true))).thenRejectedWith(Redemption.VOUCHER_EXPIRED);
    }

    @Test
    void redeem_isRejected_theDayAfterAcceptedUntil() {
        spec().when(redeem(acceptedUntil("2026-03-13"))).thenRejectedWith(Redemption.VOUCHER_EXPIRED);
    }

    @Test
    void redeem_isAccepted_onAcceptedUntilItself() {
        spec().when(redeem(acceptedUntil("2026-03-14"))).then(redeemed(REDEMPTION, NOW));
    }

    @Test
    void redeem_isRejected_afterMidnightInParis_thoughStillAcceptedUntilInUtc() {
        Instant lateEvening = Instant.parse("2026-03-14T23:30:00Z"); // 00:30 on 15 March in Paris
        at(lateEvening).when(redeem(acceptedUntil("2026-03-14"))).thenRejectedWith(Redemption.VOUCHER_EXPIRED);
    }

    @Test
    void redeem_isRejected_whenThePlaceIsUnknown() {
        spec().when(redeem(voucher(), PlaceFacts.unknown(PLACE), "atelier-collectif"))
                .thenRejectedWith(Redemption.STRUCTURE_NOT_LABELLED);
    }

    @Test
    void redeem_isRejected_whenThePlaceNeverHadTheLabel() {
        spec().when(redeem(voucher(), place("30", LabelHistory.NONE), "atelier-collectif"))
                .thenRejectedWith(Redemption.STRUCTURE_NOT_LABELLED);
    }

    @Test
    void redeem_isRejected_whenLabelSuspended() {
        LabelHistory suspended = granted().apply(new LabelSuspended(PLACE, "quality check", NOW.minusSeconds(60)));
        spec().when(redeem(voucher(), place("30", suspended), "atelier-collectif"))
                .thenRejectedWith(Redemption.STRUCTURE_NOT_LABELLED);
    }

    @Test
    void redeem_isRejected_whenLabelRevoked() {
        LabelHistory revoked = granted().apply(new LabelRevoked(PLACE, "charter breached", NOW.minusSeconds(60)));
        spec().when(redeem(voucher(), place("30", revoked), "atelier-collectif"))
                .thenRejectedWith(Redemption.STRUCTURE_NOT_LABELLED);
    }

    @Test
    void redeem_isRejected_whenTheConventionStartsLater() {
        LabelHistory future = LabelHistory.NONE.apply(new LabelGranted(PLACE, "ANCT-2026-030-0002",
                LocalDate.parse("2026-04-01"), LocalDate.parse("2029-03-31"), "30", NOW.minusSeconds(60)));
        spec().when(redeem(voucher(), place("30", future), "atelier-collectif"))
                .thenRejectedWith(Redemption.STRUCTURE_NOT_LABELLED);
    }

    @Test
    void redeem_isRejected_whenThePlaceIsOutsideTheVoucherTerritory() {
        spec().when(redeem(voucher(), place("13", granted()), "atelier-collectif"))
                .thenRejectedWith(Redemption.OUTSIDE_TERRITORY);
    }

    @Test
    void redeem_isRejected_whenThePlaceDepartementIsUnknown() {
        spec().when(redeem(voucher(), place(null, granted()), "atelier-collectif"))
                .thenRejectedWith(Redemption.OUTSIDE_TERRITORY);
    }

    @Test
    void redeem_isAccepted_inAnyDepartementOfTheTerritory() {
        spec().when(redeem(voucher(), place("34", granted()), "atelier-collectif")).then(new VoucherRedeemed(
                VOUCHER, REDEMPTION, PROGRAMME, FUNDER, PLACE, "34", "atelier-collectif", 1000,
                "ATELIER-2026-03-14-AM", "c.martin", NOW));
    }

    @Test
    void redeem_isRejected_whenTheServiceIsNotAllowed() {
        spec().when(redeem(voucher(), labelledPlace(), "numerique-pro"))
                .thenRejectedWith(Redemption.SERVICE_NOT_ALLOWED);
    }

    @Test
    void unknownVoucher_isA404WithItsOwnCode() {
        Refusal problem = Redemption.unknownVoucher();
        assertThat(problem.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(problem.code()).isEqualTo("unknown-voucher");
    }

    @Test
    void evolve_countsRedemptions_andAReversalFreesTheVoucher() {
        Redemption decider = new Redemption(Clock.fixed(NOW, ZoneOffset.UTC));
        UUID first = UUID.randomUUID();
        RedemptionState state = decider.fold(List.of(redeemed(first, NOW)));
        assertThat(state.redeemed()).isTrue();
        assertThat(state.redemptionId()).isEqualTo(first);
        state = decider.evolve(state, new RedemptionReversed(VOUCHER, first, PROGRAMME, FUNDER, PLACE, 1000,
                "scanned by mistake", "operator:ops", NOW));
        assertThat(state.redeemed()).isFalse();
        assertThat(state.redemptions()).isEqualTo(1);
    }
}
