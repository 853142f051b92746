package org.passledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passledger.clients.issuance.model.Voucher;
import org.passledger.clients.settlement.model.Statement;
import org.passledger.testkit.TestTokens;
import org.passledger.tools.journey.Clients;
import org.passledger.tools.journey.JourneyReport;
import org.passledger.tools.journey.VoucherJourney;

/**
 * One voucher through the four services running as separate processes, driven by the clients generated from
 * their OpenAPI documents; then the services restart and every read model still holds it, counted once.
 */
class VoucherJourneySystemTest {

    private static final LedgerStack STACK = new LedgerStack();

    @BeforeAll
    static void start() throws Exception {
        STACK.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        STACK.stop();
    }

    @Test
    void aVoucherIsIssuedFundedHandedOutRedeemedAndReimbursed_andSurvivesARestart() throws Exception {
        Clients clients = new Clients(STACK.urls(), TestTokens::token);
        JourneyReport report = new VoucherJourney(clients, System.out::println).run();
        JourneyReport.Views seen = report.views();

        assertThat(String.valueOf(seen.structure().getLabelStatus())).isEqualTo("GRANTED");
        assertThat(seen.structure().getEventsApplied()).isEqualTo(3);
        assertThat(seen.voucher().getStatus()).isEqualTo(Voucher.StatusEnum.REIMBURSED);
        assertThat(seen.voucher().getEventsApplied()).isEqualTo(5);
        assertThat(seen.voucher().getStructureId()).isEqualTo(report.parties().structureId());
        assertThat(seen.programme().getIssued().getCount()).isEqualTo(10);
        assertThat(seen.programme().getRedeemed().getCount()).isEqualTo(1);
        assertThat(seen.programme().getReimbursed().getAmountCents()).isEqualTo(1000);
        assertThat(seen.redemption().getVoucherId()).isEqualTo(report.voucherId());
        assertThat(seen.redemption().getAmountCents()).isEqualTo(1000);
        assertThat(seen.statement().getStatus()).isEqualTo(Statement.StatusEnum.PAID);
        assertThat(seen.statement().getTotalCents()).isEqualTo(1000);
        assertThat(seen.statement().getLines()).singleElement()
                .satisfies(line -> assertThat(line.getVoucherId()).isEqualTo(report.voucherId()));
        assertThat(seen.reimbursement().getAmountCents()).isEqualTo(1000);
        assertThat(seen.reimbursement().getRedemptionId()).isEqualTo(report.redemptionId());

        STACK.stop();
        STACK.start();

        JourneyReport.Views after = new VoucherJourney(clients, line -> { }).views(report.parties(),
                report.voucherCode(), report.voucherId(), report.redemptionId(), report.statementId());
        assertThat(after.structure().getEventsApplied()).isEqualTo(seen.structure().getEventsApplied());
        assertThat(after.voucher().getEventsApplied()).isEqualTo(seen.voucher().getEventsApplied());
        assertThat(after.programme().getEventsApplied()).isEqualTo(seen.programme().getEventsApplied());
        assertThat(after.redemption().getEventsApplied()).isEqualTo(seen.redemption().getEventsApplied());
        assertThat(after.statement().getEventsApplied()).isEqualTo(seen.statement().getEventsApplied());
        assertThat(after.reimbursement().getEventsApplied()).isEqualTo(seen.reimbursement().getEventsApplied());
    }
}
