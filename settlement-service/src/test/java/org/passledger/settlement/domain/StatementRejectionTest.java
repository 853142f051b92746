package org.passledger.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passledger.settlement.domain.StatementTest.NOW;
import static org.passledger.settlement.domain.StatementTest.PLACE;
import static org.passledger.settlement.domain.StatementTest.RUN;
import static org.passledger.settlement.domain.StatementTest.STATEMENT;
import static org.passledger.settlement.domain.StatementTest.issued;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.domain.StatementCommand.RejectPayment;

class StatementRejectionTest {

    static final UUID ACCOUNT = UUID.randomUUID();

    final DeciderSpec<StatementCommand, StatementState, SettlementEvent> spec =
            DeciderSpec.of(new Statement(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void aRejectionBeforeConfirmation_isRecordedWithTheInstructedAmount() {
        spec.given(issued())
                .when(new RejectPayment(STATEMENT, ACCOUNT, 1200, "AC04"))
                .then(new PaymentRejected(STATEMENT, PLACE, ACCOUNT, 1200, false, "AC04", NOW));
    }

    @Test
    void aRejectionAfterConfirmation_owesTheTransferredAmountAgain_withoutReimbursingTwice() {
        var paid = new PaymentConfirmed(STATEMENT, RUN, PLACE, 1300, "SEPA-1", NOW);
        spec.given(issued(), paid)
                .when(new RejectPayment(STATEMENT, ACCOUNT, 1300, "AC06"))
                .then(new PaymentRejected(STATEMENT, PLACE, ACCOUNT, 1300, true, "AC06", NOW));
        StatementState state = spec.given(issued(), paid,
                        new PaymentRejected(STATEMENT, PLACE, ACCOUNT, 1300, true, "AC06", NOW))
                .when(new ConfirmPayment(STATEMENT, "SEPA-2")).stateAfter();
        assertThat(state.status()).isEqualTo(StatementState.Status.PAID);
        assertThat(state.paidCents()).isEqualTo(1300);
        assertThat(state.vouchersReimbursed()).isTrue();
    }

    @Test
    void aPaymentWithAClawback_transfersTheNet() {
        spec.given(issued())
                .when(new ConfirmPayment(STATEMENT, "SEPA-1", 400))
                .then(new PaymentConfirmed(STATEMENT, RUN, PLACE, 1100, "SEPA-1", NOW));
    }

    @Test
    void aRejection_ofAnUnknownStatement_isNotFound() {
        spec.given().when(new RejectPayment(STATEMENT, ACCOUNT, 1, "x")).thenRejectedWith("statement-not-found");
    }
}
