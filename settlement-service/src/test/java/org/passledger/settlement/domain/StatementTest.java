package org.passledger.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.values.StatementLine;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.domain.StatementCommand.IssueStatement;

class StatementTest {

    static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
    static final UUID STATEMENT = UUID.randomUUID();
    static final UUID RUN = UUID.randomUUID();
    static final UUID PLACE = UUID.randomUUID();
    static final StatementLine LINE_1 = line(1000);
    static final StatementLine LINE_2 = line(500);

    final DeciderSpec<StatementCommand, StatementState, SettlementEvent> spec =
            DeciderSpec.of(new Statement(Clock.fixed(NOW, ZoneOffset.UTC)));

    static StatementLine line(long cents) {
        return new StatementLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), cents);
    }

    static StatementIssued issued() {
        return new StatementIssued(STATEMENT, RUN, PLACE, "2026-000007", 1500, List.of(LINE_1, LINE_2), NOW);
    }

    @Test
    void issue_statesTheLinesAndTheirSum() {
        spec.given()
                .when(new IssueStatement(STATEMENT, RUN, PLACE, "2026-000007", List.of(LINE_1, LINE_2)))
                .then(issued());
    }

    @Test
    void issue_isRejected_whenAlreadyIssued() {
        spec.given(issued())
                .when(new IssueStatement(STATEMENT, RUN, PLACE, "2026-000008", List.of(LINE_1)))
                .thenRejectedWith("statement-already-issued");
    }

    @Test
    void issue_isRejected_whenARedemptionIsListedTwice() {
        spec.given()
                .when(new IssueStatement(STATEMENT, RUN, PLACE, "2026-000007", List.of(LINE_1, LINE_1)))
                .thenRejectedWith("redemption-listed-twice");
    }

    @Test
    void issue_isRejected_whenThereIsNothingToPay() {
        spec.given()
                .when(new IssueStatement(STATEMENT, RUN, PLACE, "2026-000007", List.of()))
                .thenRejectedWith("empty-statement");
    }

    @Test
    void confirmPayment_paysTheTotalOfTheIssuedStatement() {
        spec.given(issued())
                .when(new ConfirmPayment(STATEMENT, "SEPA-1"))
                .then(new PaymentConfirmed(STATEMENT, RUN, PLACE, 1500, "SEPA-1", NOW));
    }

    @Test
    void confirmPayment_leavesTheLinesInTheStateForReimbursement() {
        StatementState state = spec.given(issued()).when(new ConfirmPayment(STATEMENT, "SEPA-1")).stateAfter();
        assertThat(state.status()).isEqualTo(StatementState.Status.PAID);
        assertThat(state.lines()).containsExactly(LINE_1, LINE_2);
        assertThat(state.bankReference()).isEqualTo("SEPA-1");
    }

    @Test
    void confirmPayment_isRejected_whenAlreadyPaid() {
        spec.given(issued(), new PaymentConfirmed(STATEMENT, RUN, PLACE, 1500, "SEPA-1", NOW))
                .when(new ConfirmPayment(STATEMENT, "SEPA-2"))
                .thenRejectedWith("statement-already-paid");
    }

    @Test
    void confirmPayment_isRejected_whenTheStatementIsUnknown() {
        spec.given()
                .when(new ConfirmPayment(STATEMENT, "SEPA-1"))
                .thenRejectedWith("statement-not-found");
    }
}
