package org.passledger.issuance.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;

/** The read models' folding, fed in the orders Kafka may deliver them across topics. */
class ViewFoldingTest {

    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    final UUID voucher = UUID.randomUUID();
    final UUID programme = UUID.randomUUID();
    final UUID funder = UUID.randomUUID();
    final UUID structure = UUID.randomUUID();
    final UUID redemption = UUID.randomUUID();

    final VoucherIssued issued = new VoucherIssued(voucher, "a".repeat(64), programme, funder, UUID.randomUUID(),
            UUID.randomUUID(), 1, 1000, List.of("30"), List.of(), LocalDate.parse("2026-12-31"),
            LocalDate.parse("2027-01-31"), T);
    final VoucherActivated activated = new VoucherActivated(voucher, programme, funder, "MANDAT-1", T.plusSeconds(1));
    final VoucherDistributed distributed = new VoucherDistributed(voucher, programme, funder, UUID.randomUUID(),
            "BEN-1", null, null, T.plusSeconds(2));
    final VoucherRedeemed redeemed = new VoucherRedeemed(voucher, redemption, programme, funder, structure, "30",
            "atelier-collectif", 1000, null, null, T.plusSeconds(3));
    final RedemptionReversed reversed = new RedemptionReversed(voucher, redemption, programme, funder, structure,
            1000, "scanned by mistake", "structure:" + structure, T.plusSeconds(4));
    final VoucherReimbursed reimbursed = new VoucherReimbursed(voucher, redemption, UUID.randomUUID(), structure,
            programme, funder, 1000, T.plusSeconds(5));

    VoucherView voucherAfter(LedgerEvent... events) {
        VoucherView view = new VoucherView();
        view.voucherId = voucher;
        for (LedgerEvent event : events) {
            VoucherViewProjection.applyTo(view, event, T);
        }
        return view;
    }

    @Test
    void voucher_followsItsLifeAcrossTheThreeTopics() {
        assertThat(voucherAfter(issued).status).isEqualTo("ISSUED");
        assertThat(voucherAfter(issued, activated).status).isEqualTo("ACTIVE");
        assertThat(voucherAfter(issued, activated, distributed).status).isEqualTo("DISTRIBUTED");
        assertThat(voucherAfter(issued, activated, distributed, redeemed).status).isEqualTo("REDEEMED");
        VoucherView done = voucherAfter(issued, activated, distributed, redeemed, reimbursed);
        assertThat(done.status).isEqualTo("REIMBURSED");
        assertThat(done.structureId).isEqualTo(structure);
        assertThat(done.eventsApplied).isEqualTo(5);
    }

    @Test
    void voucher_reversedRedemption_isDistributedAgain() {
        VoucherView view = voucherAfter(issued, activated, distributed, redeemed, reversed);
        assertThat(view.status).isEqualTo("DISTRIBUTED");
        assertThat(view.redeemedAt).isNull();
        assertThat(view.structureId).isNull();
    }

    @Test
    void voucher_reachesTheSameStateWhenOtherTopicsOvertakeTheIssuanceTopic() {
        VoucherView inOrder = voucherAfter(issued, activated, distributed, redeemed, reimbursed);
        VoucherView shuffled = voucherAfter(reimbursed, redeemed, issued, activated, distributed);
        assertThat(shuffled).usingRecursiveComparison().isEqualTo(inOrder);
        assertThat(voucherAfter(redeemed).status).isEqualTo("REDEEMED");
    }

    ProgrammeView programmeAfter(LedgerEvent... events) {
        ProgrammeView view = new ProgrammeView();
        view.programmeId = programme;
        for (LedgerEvent event : events) {
            ProgrammeViewProjection.applyTo(view, event, T);
        }
        return view;
    }

    @Test
    void programme_countsEveryStageOfItsVouchers() {
        var opened = new ProgrammeOpened(programme, funder, "Gard", "departement", "Pass 2026", 100_000, 1000, 10,
                List.of("30", "34"), LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-31"), List.of(),
                List.of(), 400, T);
        UUID order = UUID.randomUUID();
        var ordered = new BooksOrdered(programme, order, funder, 1, 10, 10, 1000, 10_000, 400, T);
        var funded = new FundingConfirmed(programme, order, funder, "MANDAT-1", 10_000, T);
        ProgrammeView view = programmeAfter(opened, ordered, issued, funded, activated, distributed, redeemed,
                reimbursed);
        assertThat(view.opened).isTrue();
        assertThat(view.territory).isEqualTo("30,34");
        assertThat(view.committedCents).isEqualTo(10_000);
        assertThat(view.feesCents).isEqualTo(400);
        assertThat(view.fundedCents).isEqualTo(10_000);
        assertThat(List.of(view.issuedCount, view.activatedCount, view.distributedCount, view.redeemedCount,
                view.reimbursedCount)).containsOnly(1L);
        assertThat(List.of(view.issuedCents, view.activatedCents, view.distributedCents, view.redeemedCents,
                view.reimbursedCents)).containsOnly(1000L);
        assertThat(view.eventsApplied).isEqualTo(8);

        ProgrammeView afterReversal = programmeAfter(opened, issued, activated, distributed, redeemed, reversed);
        assertThat(afterReversal.redeemedCount).isZero();
        assertThat(afterReversal.redeemedCents).isZero();
        assertThat(afterReversal.distributedCount).isEqualTo(1);
    }

    @Test
    void programme_rowMayStartFromAVoucherEvent_andIsCompletedWhenItOpens() {
        var opened = new ProgrammeOpened(programme, funder, "Gard", "departement", "Pass 2026", 100_000, 1000, 10,
                List.of("30"), LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-31"), List.of(), List.of(),
                400, T);
        ProgrammeView view = programmeAfter(issued, opened);
        assertThat(view.opened).isTrue();
        assertThat(view.issuedCount).isEqualTo(1);
        assertThat(view.budgetCents).isEqualTo(100_000);
    }

    @Test
    void programme_countsCancelledAndExpiredVouchers_withTheirFaceValue() {
        var cancelled = new org.passledger.events.VoucherEvent.VoucherCancelled(voucher, programme, funder, 1000,
                "lost", T);
        var expired = new org.passledger.events.VoucherEvent.VoucherExpired(UUID.randomUUID(), programme, funder, 1000,
                LocalDate.parse("2027-01-31"), T);
        ProgrammeView view = programmeAfter(issued, cancelled, expired);
        assertThat(view.cancelledCount).isEqualTo(1);
        assertThat(view.cancelledCents).isEqualTo(1000);
        assertThat(view.expiredCount).isEqualTo(1);
        assertThat(view.expiredCents).isEqualTo(1000);
        assertThat(view.eventsApplied).isEqualTo(3);
        assertThat(voucherAfter(issued, cancelled).status).isEqualTo("CANCELLED");
    }
}
