package org.passledger.settlement.domain;

import java.time.Clock;
import java.util.List;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.domain.ReimbursementCommand.ReimburseVoucher;

/** The last step of a voucher's life, on a stream of its own (id = voucher id): it happens once, ever. */
public final class Reimbursement implements Decider<ReimbursementCommand, ReimbursementState, SettlementEvent> {

    private final Clock clock;

    public Reimbursement(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ReimbursementState initialState() {
        return ReimbursementState.NOT_REIMBURSED;
    }

    @Override
    public List<SettlementEvent> decide(ReimbursementCommand command, ReimbursementState state) {
        if (command instanceof ReimburseVoucher reimburse) {
            if (state.reimbursed()) {
                throw Refusal.rule("voucher-already-reimbursed", "Voucher " + reimburse.voucherId()
                        + " was already reimbursed by statement " + state.statementId() + ".");
            }
            var line = reimburse.line();
            return List.of(new VoucherReimbursed(line.voucherId(), line.redemptionId(), reimburse.statementId(),
                    reimburse.structureId(), line.programmeId(), line.funderId(), line.amountCents(),
                    clock.instant()));
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    @Override
    public ReimbursementState evolve(ReimbursementState state, SettlementEvent event) {
        if (event instanceof VoucherReimbursed reimbursed) {
            return new ReimbursementState(true, reimbursed.statementId(), reimbursed.structureId(),
                    reimbursed.amountCents());
        }
        return state;
    }
}
