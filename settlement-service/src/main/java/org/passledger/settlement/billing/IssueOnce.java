package org.passledger.settlement.billing;

import java.util.List;
import org.passledger.events.SettlementEvent;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;

/**
 * A stream that holds one document (a fee rule, an invoice, a credit note) appended once: a second one is
 * refused with the given code, and under a race by the store's version check. The command is the event,
 * already computed and validated by the caller.
 */
public final class IssueOnce implements Decider<SettlementEvent, Boolean, SettlementEvent> {

    private final String refusalCode;

    public IssueOnce(String refusalCode) {
        this.refusalCode = refusalCode;
    }

    @Override
    public Boolean initialState() {
        return false;
    }

    @Override
    public Boolean evolve(Boolean issued, SettlementEvent event) {
        return true;
    }

    @Override
    public List<SettlementEvent> decide(SettlementEvent command, Boolean issued) {
        if (issued) {
            throw Refusal.rule(refusalCode, command.subject() + " exists already: it never changes.");
        }
        return List.of(command);
    }
}
