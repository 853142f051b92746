package org.passledger.settlement.domain;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.values.StatementLine;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.command.Decider;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.domain.StatementCommand.IssueStatement;
import org.passledger.settlement.domain.StatementState.Status;

/** What one place is owed for a run, and whether it was paid. Issued once, paid once. */
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
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<SettlementEvent> issue(IssueStatement command, StatementState state) {
        if (state.status() != Status.NONE) {
            throw ProblemException.rule("statement-already-issued", "This statement was already issued.");
        }
        if (command.lines().isEmpty()) {
            throw ProblemException.rule("empty-statement", "A statement pays at least one redemption.");
        }
        if (!StatementNumber.isValid(command.statementNumber())) {
            throw new IllegalArgumentException("not a statement number: " + command.statementNumber());
        }
        Set<UUID> redemptions = new HashSet<>();
        long total = 0;
        for (StatementLine line : command.lines()) {
            if (!redemptions.add(line.redemptionId())) {
                throw ProblemException.rule("redemption-listed-twice",
                        "Redemption " + line.redemptionId() + " appears twice on the statement.");
            }
            total = Math.addExact(total, line.amountCents());
        }
        return List.of(new StatementIssued(command.statementId(), command.runId(), command.structureId(),
                command.statementNumber(), total, command.lines(), clock.instant()));
    }

    private List<SettlementEvent> confirm(ConfirmPayment command, StatementState state) {
        if (state.status() == Status.NONE) {
            throw ProblemException.notFound("statement", command.statementId());
        }
        if (state.status() == Status.PAID) {
            throw ProblemException.rule("statement-already-paid", "Statement " + state.statementNumber()
                    + " was already paid (bank reference " + state.bankReference() + ").");
        }
        return List.of(new PaymentConfirmed(command.statementId(), state.runId(), state.structureId(),
                state.totalCents(), command.bankReference(), clock.instant()));
    }

    @Override
    public StatementState evolve(StatementState state, SettlementEvent event) {
        if (event instanceof StatementIssued issued) {
            return new StatementState(Status.ISSUED, issued.runId(), issued.structureId(), issued.statementNumber(),
                    issued.totalCents(), issued.lines(), null, null, issued.issuedAt());
        }
        if (event instanceof PaymentConfirmed paid) {
            return new StatementState(Status.PAID, state.runId(), state.structureId(), state.statementNumber(),
                    state.totalCents(), state.lines(), paid.bankReference(), paid.confirmedAt(), state.issuedAt());
        }
        return state;
    }
}
