package org.passledger.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.RedemptionEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.kernel.domain.Refusal;
import org.passledger.redemption.domain.RedemptionCommand.ReverseRedemption;

class ReversalTest {

    static final Instant REDEEMED_AT = Instant.parse("2026-03-14T09:30:00Z");
    static final UUID VOUCHER = RedemptionTest.VOUCHER;
    static final UUID PLACE = RedemptionTest.PLACE;
    static final UUID REDEMPTION = RedemptionTest.REDEMPTION;

    static DeciderSpec<RedemptionCommand, RedemptionState, RedemptionEvent> at(Instant now) {
        return DeciderSpec.of(new Redemption(Clock.fixed(now, ZoneOffset.UTC)));
    }

    static VoucherRedeemed redeemed() {
        return RedemptionTest.redeemed(REDEMPTION, REDEEMED_AT);
    }

    static ReverseRedemption byPlace(UUID place, String reason, boolean reimbursed) {
        return new ReverseRedemption(VOUCHER, REDEMPTION, false, place, "structure:" + place, reason, reimbursed);
    }

    static ReverseRedemption byOperator(String reason, boolean reimbursed) {
        return new ReverseRedemption(VOUCHER, REDEMPTION, true, null, "operator:ops", reason, reimbursed);
    }

    static RedemptionReversed reversed(String reason, String by, Instant at) {
        return new RedemptionReversed(VOUCHER, REDEMPTION, RedemptionTest.PROGRAMME, RedemptionTest.FUNDER, PLACE,
                1000, reason, by, at);
    }

    @Test
    void thePlace_reversesWithin24Hours_withItsReason() {
        Instant later = REDEEMED_AT.plus(Duration.ofHours(23));
        at(later).given(redeemed()).when(byPlace(PLACE, "wrong beneficiary", false))
                .then(reversed("wrong beneficiary", "structure:" + PLACE, later));
    }

    @Test
    void thePlace_reversesAtExactly24Hours_withoutAReason() {
        Instant last = REDEEMED_AT.plus(Duration.ofHours(24));
        at(last).given(redeemed()).when(byPlace(PLACE, null, false))
                .then(reversed("reversed by the place", "structure:" + PLACE, last));
    }

    @Test
    void thePlace_isRefused_after24Hours() {
        at(REDEEMED_AT.plus(Duration.ofHours(24)).plusSeconds(1)).given(redeemed())
                .when(byPlace(PLACE, "too late", false)).thenRejectedWith(Redemption.REVERSAL_WINDOW_CLOSED);
    }

    @Test
    void theOperator_reversesLater_withAReason() {
        Instant weekLater = REDEEMED_AT.plus(Duration.ofDays(7));
        at(weekLater).given(redeemed()).when(byOperator("fraud confirmed", false))
                .then(reversed("fraud confirmed", "operator:ops", weekLater));
    }

    @Test
    void theOperator_isRefused_withoutAReason() {
        Refusal problem = at(REDEEMED_AT.plus(Duration.ofDays(7))).given(redeemed())
                .when(byOperator("  ", false)).thenRejectedWith(Redemption.REASON_REQUIRED);
        assertThat(problem.kind()).isEqualTo(Refusal.Kind.INVALID);
    }

    @Test
    void nobody_reversesAReimbursedRedemption() {
        at(REDEEMED_AT.plusSeconds(60)).given(redeemed()).when(byPlace(PLACE, "oops", true))
                .thenRejectedWith(Redemption.REDEMPTION_ALREADY_REIMBURSED);
        at(REDEEMED_AT.plus(Duration.ofDays(40))).given(redeemed()).when(byOperator("fraud", true))
                .thenRejectedWith(Redemption.REDEMPTION_ALREADY_REIMBURSED);
    }

    @Test
    void anotherPlace_cannotReverseIt() {
        Refusal problem = at(REDEEMED_AT.plusSeconds(60)).given(redeemed())
                .when(byPlace(UUID.randomUUID(), "not mine", false)).thenRejectedWith("forbidden");
        assertThat(problem.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aReversedRedemption_cannotBeReversedAgain() {
        at(REDEEMED_AT.plusSeconds(120))
                .given(redeemed(), reversed("first", "structure:" + PLACE, REDEEMED_AT.plusSeconds(60)))
                .when(byPlace(PLACE, "again", false)).thenRejectedWith(Redemption.REDEMPTION_ALREADY_REVERSED);
    }

    @Test
    void aRedemptionNotInTheStream_isNotFound() {
        at(REDEEMED_AT).when(byOperator("no such", false)).thenRejectedWith("redemption-not-found");
    }

    @Test
    void afterAReversal_theVoucherIsRedeemedAgain_andTheNewRedemptionIsReversible() {
        UUID second = UUID.randomUUID();
        Instant now = REDEEMED_AT.plusSeconds(600);
        at(now).given(redeemed(), reversed("first", "structure:" + PLACE, REDEEMED_AT.plusSeconds(60)),
                        RedemptionTest.redeemed(second, REDEEMED_AT.plusSeconds(300)))
                .when(new ReverseRedemption(VOUCHER, second, false, PLACE, "structure:" + PLACE, null, false))
                .then(new RedemptionReversed(VOUCHER, second, RedemptionTest.PROGRAMME, RedemptionTest.FUNDER, PLACE,
                        1000, "reversed by the place", "structure:" + PLACE, now));
    }
}
