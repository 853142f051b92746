package org.passledger.settlement.recovery;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.ClawbackApplied;
import org.passledger.events.SettlementEvent.DebitNoteIssued;
import org.passledger.events.SettlementEvent.IncidentDismissed;
import org.passledger.events.SettlementEvent.IncidentOpened;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.recovery.IncidentCommand.ApplyClawback;
import org.passledger.settlement.recovery.IncidentCommand.DismissIncident;
import org.passledger.settlement.recovery.IncidentCommand.IssueDebitNote;
import org.passledger.settlement.recovery.IncidentCommand.OpenIncident;
import org.passledger.settlement.recovery.IncidentCommand.ValidateIncident;
import org.passledger.settlement.recovery.IncidentState.Status;

/**
 * An overpayment or fraud on vouchers reimbursed to a place: opened, then validated (the place owes the amount)
 * or dismissed; a validated incident is recovered by clawbacks on payouts or claimed by a debit note, never
 * beyond its amount. Nothing paid is edited: each step is a new event.
 */
public final class Incident implements Decider<IncidentCommand, IncidentState, SettlementEvent> {

    public static final Set<String> KINDS = Set.of("overpayment", "fraud");

    private final Clock clock;

    public Incident(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IncidentState initialState() {
        return IncidentState.NONE;
    }

    @Override
    public List<SettlementEvent> decide(IncidentCommand command, IncidentState state) {
        if (command instanceof OpenIncident open) {
            return open(open, state);
        }
        if (state.status() == Status.NONE) {
            throw Refusal.notFound("incident", command.incidentId());
        }
        if (command instanceof ValidateIncident) {
            requireOpen(state);
            return List.of(new IncidentValidated(command.incidentId(), state.structureId(), state.amountCents(),
                    clock.instant()));
        }
        if (command instanceof DismissIncident dismiss) {
            requireOpen(state);
            return List.of(new IncidentDismissed(command.incidentId(), state.structureId(), dismiss.reason(),
                    clock.instant()));
        }
        if (command instanceof ApplyClawback clawback) {
            requireRecoverable(state, clawback.amountCents());
            return List.of(new ClawbackApplied(command.incidentId(), state.structureId(), clawback.statementId(),
                    clawback.amountCents(), clock.instant()));
        }
        if (command instanceof IssueDebitNote note) {
            requireRecoverable(state, note.amountCents());
            return List.of(new DebitNoteIssued(command.incidentId(), state.structureId(), note.debitNoteNumber(),
                    note.amountCents(), clock.instant()));
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<SettlementEvent> open(OpenIncident command, IncidentState state) {
        if (state.status() != Status.NONE) {
            throw Refusal.rule("incident-already-opened", "Incident " + command.incidentId()
                    + " exists already.");
        }
        if (!KINDS.contains(command.kind())) {
            throw Refusal.invalid("invalid-incident-kind", "An incident is an overpayment or a fraud, not '"
                    + command.kind() + "'.");
        }
        if (command.voucherIds().isEmpty() || new HashSet<>(command.voucherIds()).size() != command.voucherIds().size()) {
            throw Refusal.invalid("invalid-voucher-list", "Name each voucher of the incident once.");
        }
        if (command.amountCents() <= 0) {
            throw Refusal.invalid("invalid-amount", "The incident's amount is a positive number of cents.");
        }
        if (command.amountCents() > command.reimbursedCents()) {
            throw Refusal.rule("incident-amount-too-high", "The place was reimbursed "
                    + command.reimbursedCents() + " cents for these vouchers, less than " + command.amountCents()
                    + ".");
        }
        return List.of(new IncidentOpened(command.incidentId(), command.structureId(), command.kind(),
                command.voucherIds(), command.amountCents(), command.description(), clock.instant()));
    }

    private static void requireOpen(IncidentState state) {
        if (state.status() != Status.OPEN) {
            throw Refusal.rule("incident-not-open", "The incident is " + state.status().name().toLowerCase()
                    + " already.");
        }
    }

    private static void requireRecoverable(IncidentState state, long amountCents) {
        if (state.status() != Status.VALIDATED) {
            throw Refusal.rule("incident-not-validated", "Only a validated incident is recovered.");
        }
        if (amountCents <= 0 || amountCents > state.outstandingCents()) {
            throw new IllegalArgumentException("recovering " + amountCents + " of " + state.outstandingCents());
        }
    }

    @Override
    public IncidentState evolve(IncidentState state, SettlementEvent event) {
        if (event instanceof IncidentOpened opened) {
            return new IncidentState(Status.OPEN, opened.structureId(), opened.amountCents(), 0, 0, null);
        }
        if (event instanceof IncidentValidated validated) {
            return new IncidentState(Status.VALIDATED, state.structureId(), state.amountCents(), 0, 0,
                    validated.validatedAt());
        }
        if (event instanceof IncidentDismissed) {
            return new IncidentState(Status.DISMISSED, state.structureId(), state.amountCents(), 0, 0, null);
        }
        if (event instanceof ClawbackApplied clawback) {
            return new IncidentState(state.status(), state.structureId(), state.amountCents(),
                    state.recoveredCents() + clawback.amountCents(), state.debitNotedCents(), state.validatedAt());
        }
        if (event instanceof DebitNoteIssued note) {
            return new IncidentState(state.status(), state.structureId(), state.amountCents(), state.recoveredCents(),
                    state.debitNotedCents() + note.amountCents(), state.validatedAt());
        }
        return state;
    }
}
