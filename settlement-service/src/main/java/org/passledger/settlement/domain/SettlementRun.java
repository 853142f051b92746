package org.passledger.settlement.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.SettlementRunOpened;
import org.passledger.events.SettlementEvent.SettlementRunOpenedV2;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.domain.SettlementRunCommand.OpenSettlementRun;

/**
 * A settlement run: the operator's decision to pay places for one period. Only a period that is over can be
 * settled, otherwise a redemption made later in the period would be left out of it. A run made while redemptions
 * were still to be applied goes ahead and says so: the operator decides whether to run the period again later.
 */
public final class SettlementRun implements Decider<SettlementRunCommand, SettlementRunState, SettlementEvent> {

    private final Clock clock;

    public SettlementRun(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SettlementRunState initialState() {
        return SettlementRunState.NOT_OPENED;
    }

    @Override
    public List<SettlementEvent> decide(SettlementRunCommand command, SettlementRunState state) {
        if (command instanceof OpenSettlementRun open) {
            return open(open, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<SettlementEvent> open(OpenSettlementRun command, SettlementRunState state) {
        if (state.opened()) {
            throw Refusal.rule("run-already-opened", "This settlement run is already open.");
        }
        if (!command.periodStart().isBefore(command.periodEnd())) {
            throw Refusal.invalid("invalid-period", "The period must start before it ends (periodStart "
                    + command.periodStart() + ", periodEnd " + command.periodEnd() + ").");
        }
        Instant now = clock.instant();
        if (command.periodEnd().isAfter(now)) {
            throw Refusal.rule("period-in-future", "The period ends at " + command.periodEnd()
                    + ", after now (" + now + "): only a period that is over can be settled.");
        }
        Long behind = command.redemptionsBehind();
        return List.of(new SettlementRunOpenedV2(command.runId(), command.name(), command.periodStart(),
                command.periodEnd(), now, behind != null && behind == 0, behind));
    }

    @Override
    public SettlementRunState evolve(SettlementRunState state, SettlementEvent event) {
        if (event instanceof SettlementRunOpened opened) {
            return new SettlementRunState(true, opened.runName(), opened.periodStart(), opened.periodEnd());
        }
        if (event instanceof SettlementRunOpenedV2 opened) {
            return new SettlementRunState(true, opened.runName(), opened.periodStart(), opened.periodEnd());
        }
        return state;
    }
}
