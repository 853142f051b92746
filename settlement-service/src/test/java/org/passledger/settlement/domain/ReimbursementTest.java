package org.passledger.settlement.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.values.StatementLine;
import org.passledger.settlement.domain.ReimbursementCommand.ReimburseVoucher;

class ReimbursementTest {

    static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
    static final UUID PLACE = UUID.randomUUID();
    static final StatementLine LINE = new StatementLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), 1000);

    final DeciderSpec<ReimbursementCommand, ReimbursementState, SettlementEvent> spec =
            DeciderSpec.of(new Reimbursement(Clock.fixed(NOW, ZoneOffset.UTC)));

    static VoucherReimbursed reimbursedBy(UUID statement) {
        return new VoucherReimbursed(LINE.voucherId(), LINE.redemptionId(), statement, PLACE, LINE.programmeId(),
                LINE.funderId(), 1000, NOW);
    }

    @Test
    void reimburse_paysTheLineOnce() {
        UUID statement = UUID.randomUUID();
        spec.given()
                .when(new ReimburseVoucher(statement, PLACE, LINE))
                .then(reimbursedBy(statement));
    }

    @Test
    void reimburse_isRejected_whenTheVoucherWasAlreadyReimbursed() {
        spec.given(reimbursedBy(UUID.randomUUID()))
                .when(new ReimburseVoucher(UUID.randomUUID(), PLACE, LINE))
                .thenRejectedWith("voucher-already-reimbursed");
    }
}
