package org.passledger.settlement.domain;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.values.StatementLine;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.command.Decider;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.domain.StatementCommand.IssueStatement;
import org.passledger.settlement.domain.StatementCommand.RejectPayment;
import org.passledger.settlement.domain.StatementState.Status;

/**
 * What one place is owed for a run, and whether it was paid. Issued once; paid once, unless the bank rejects the
 * transfer, after which it is owed again (its vouchers stay reimbursed once).
 */
public final class Statement implements Decider<StatementCommand, StatementState, SettlementEvent> {

    private final Clock clock;

    public Statement(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StatementState initialState() {
        return StatementState.NONE;
    }

    @Override
    public List<SettlementEvent> decide(StatementCommand command, StatementState state) {
        if (command instanceof IssueStatement issue) {
            return issue(issue, state);
        }
        if (command instanceof ConfirmPayment confirm) {
            return confirm(confirm, state);
        }
        if (command instanceof RejectPayment reject) {
            return reject(reject, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<SettlementEvent> issue(IssueStatement command, StatementState state) {
        if (state.status() != Status.NONE) {
            throw Refusal.rule("statement-already-issued", "This statement was already issued.");
        }
        if (command.lines().isEmpty()) {
            throw Refusal.rule("empty-statement", "A statement pays at least one redemption.");
        }
        if (!StatementNumber.isValid(command.statementNumber())) {
            throw new IllegalArgumentException("not a statement number: " + command.statementNumber());
        }
        Set<UUID> redemptions = new HashSet<>();
        long total = 0;
        for (StatementLine line : command.lines()) {
            if (!redemptions.add(line.redemptionId())) {
                throw Refusal.rule("redemption-listed-twice",
                        "Redemption " + line.redemptionId() + " appears twice on the statement.");
            }
            total = Math.addExact(total, line.amountCents());
        }
        return List.of(new StatementIssued(command.statementId(), command.runId(), command.structureId(),
                command.statementNumber(), total, command.lines(), clock.instant()));
    }

    private List<SettlementEvent> confirm(ConfirmPayment command, StatementState state) {
        if (state.status() == Status.NONE) {
            throw Refusal.notFound("statement", command.statementId());
        }
        if (state.status() == Status.PAID) {
            throw Refusal.rule("statement-already-paid", "Statement " + state.statementNumber()
                    + " was already paid (bank reference " + state.bankReference() + ").");
        }
        if (command.clawbackCents() < 0 || command.clawbackCents() > state.owedCents()) {
            throw new IllegalArgumentException("clawback " + command.clawbackCents() + " outside 0.."
                    + state.owedCents());
        }
        return List.of(new PaymentConfirmed(command.statementId(), state.runId(), state.structureId(),
                state.owedCents() - command.clawbackCents(), command.bankReference(), clock.instant()));
    }

    /** Before confirmation nothing had moved; after it, the amount transferred is owed to the place again. */
    private List<SettlementEvent> reject(RejectPayment command, StatementState state) {
        if (state.status() == Status.NONE) {
            throw Refusal.notFound("statement", command.statementId());
        }
        boolean afterConfirmation = state.status() == Status.PAID;
        long amount = afterConfirmation ? state.paidCents() : command.instructedCents();
        return List.of(new PaymentRejected(command.statementId(), state.structureId(), command.accountId(), amount,
                afterConfirmation, command.reason(), clock.instant()));
    }

    @Override
    public StatementState evolve(StatementState state, SettlementEvent event) {
        if (event instanceof StatementIssued issued) {
            return new StatementState(Status.ISSUED, issued.runId(), issued.structureId(), issued.statementNumber(),
                    issued.totalCents(), issued.lines(), null, null, issued.issuedAt(), issued.totalCents(), 0,
                    false);
        }
        if (event instanceof PaymentConfirmed paid) {
            return new StatementState(Status.PAID, state.runId(), state.structureId(), state.statementNumber(),
                    state.totalCents(), state.lines(), paid.bankReference(), paid.confirmedAt(), state.issuedAt(),
                    state.owedCents(), paid.amountCents(), true);
        }
        if (event instanceof PaymentRejected rejected && rejected.afterConfirmation()) {
            // unpaid again: what was transferred is owed, the clawbacks of that payment stay recovered
            return new StatementState(Status.ISSUED, state.runId(), state.structureId(), state.statementNumber(),
                    state.totalCents(), state.lines(), null, null, state.issuedAt(), rejected.amountCents(), 0,
                    true);
        }
        return state;
    }
}
