package org.passledger.settlement.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.SettlementEvent.ClawbackApplied;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.events.SettlementEvent.DebitNoteIssued;
import org.passledger.events.SettlementEvent.FeeRulePublished;
import org.passledger.events.SettlementEvent.FunderInvoiced;
import org.passledger.events.SettlementEvent.IncidentDismissed;
import org.passledger.events.SettlementEvent.IncidentOpened;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.events.SettlementEvent.SettlementRunOpened;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.SettlementEvent.VoucherReimbursed;

/**
 * Turns a list of steps into a valid sequence of business events, as the services would emit them: places are
 * reimbursed no more than funders were invoiced for (less what was credited back), payments pay what a place is
 * owed net of clawback, incidents never claim more than the place was reimbursed, debit notes only what is
 * still receivable. A step whose precondition does not hold emits nothing.
 */
final class LedgerScenario {

    /** What to do (kind 0..9), to whom (who) and how much (amount, cents). */
    record Step(int kind, int who, long amount) {
    }

    static final int FUNDERS = 2;
    static final int PLACES = 3;

    final UUID[] funders = {UUID.randomUUID(), UUID.randomUUID()};
    final UUID[] places = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    final UUID programme = UUID.randomUUID();

    final List<LedgerEvent> events = new ArrayList<>();
    /** Face value invoiced and not yet reimbursed or credited back, per funder. */
    final long[] unusedFace = new long[FUNDERS];
    final long[] owed = new long[PLACES];
    final long[] reimbursed = new long[PLACES];
    final long[] validated = new long[PLACES];
    final long[] receivable = new long[PLACES];
    final List<FunderInvoiced> unfunded = new ArrayList<>();
    final List<PaymentConfirmed> confirmed = new ArrayList<>();
    final Map<UUID, UUID> accountOfStatement = new HashMap<>();
    private Instant clock = Instant.parse("2026-01-05T08:00:00Z");
    private int numbers;

    static LedgerScenario play(List<Step> steps) {
        LedgerScenario scenario = new LedgerScenario();
        steps.forEach(scenario::apply);
        return scenario;
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofMinutes(37));
        return clock;
    }

    private String number(String prefix) {
        return prefix + "-2026-" + String.format("%06d", ++numbers);
    }

    void apply(Step step) {
        int f = step.who() % FUNDERS;
        int p = step.who() % PLACES;
        long amount = step.amount();
        switch (step.kind()) {
            case 0 -> invoice(f, amount);
            case 1 -> fund();
            case 2 -> reimburse(f, p, amount);
            case 3 -> pay(p);
            case 4 -> rejectBeforeConfirmation(p, amount);
            case 5 -> rejectAfterConfirmation();
            case 6 -> incident(p, amount);
            case 7 -> debitNote(p, amount);
            case 8 -> creditNote(f, amount);
            default -> noMoney(p);
        }
    }

    private void invoice(int f, long face) {
        long fee = Math.round(face * 0.04);
        var invoiced = new FunderInvoiced(UUID.randomUUID(), funders[f], programme, UUID.randomUUID(), number("FAC"),
                face, fee, face + fee, "default", tick());
        events.add(invoiced);
        unfunded.add(invoiced);
        unusedFace[f] += face;
    }

    private void fund() {
        if (unfunded.isEmpty()) {
            return;
        }
        FunderInvoiced invoice = unfunded.remove(0);
        events.add(new FundingConfirmed(programme, invoice.orderId(), invoice.funderId(), "VIR-" + invoice.orderId(),
                invoice.totalCents(), tick()));
    }

    private void reimburse(int f, int p, long amount) {
        long cents = Math.min(amount, unusedFace[f]);
        if (cents == 0) {
            return;
        }
        events.add(new VoucherReimbursed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), places[p],
                programme, funders[f], cents, tick()));
        unusedFace[f] -= cents;
        owed[p] += cents;
        reimbursed[p] += cents;
    }

    /** The place's statement is paid what it is owed, net of what is recovered for its incidents. */
    private void pay(int p) {
        if (owed[p] == 0) {
            return;
        }
        UUID statement = UUID.randomUUID();
        long clawback = Math.min(receivable[p], owed[p]);
        Instant at = tick();
        if (clawback > 0) {
            events.add(new ClawbackApplied(UUID.randomUUID(), places[p], statement, clawback, at));
        }
        var paid = new PaymentConfirmed(statement, UUID.randomUUID(), places[p], owed[p] - clawback, "SEPA-" + statement,
                at);
        events.add(paid);
        confirmed.add(paid);
        receivable[p] -= clawback;
        owed[p] = 0;
    }

    private void rejectBeforeConfirmation(int p, long amount) {
        events.add(new PaymentRejected(UUID.randomUUID(), places[p], UUID.randomUUID(), amount, false,
                "unknown account", tick()));
    }

    private void rejectAfterConfirmation() {
        if (confirmed.isEmpty()) {
            return;
        }
        PaymentConfirmed paid = confirmed.remove(0);
        events.add(new PaymentRejected(paid.statementId(), paid.structureId(), UUID.randomUUID(), paid.amountCents(),
                true, "account closed", tick()));
        owed[placeIndex(paid.structureId())] += paid.amountCents();
    }

    private void incident(int p, long amount) {
        long cents = Math.min(amount, reimbursed[p] - validated[p]);
        if (cents == 0) {
            return;
        }
        UUID incident = UUID.randomUUID();
        events.add(new IncidentOpened(incident, places[p], "overpayment", List.of(UUID.randomUUID()), cents,
                "paid twice by mistake", tick()));
        events.add(new IncidentValidated(incident, places[p], cents, tick()));
        validated[p] += cents;
        receivable[p] += cents;
    }

    private void debitNote(int p, long amount) {
        long cents = Math.min(amount, receivable[p]);
        if (cents == 0) {
            return;
        }
        events.add(new DebitNoteIssued(UUID.randomUUID(), places[p], number("DN"), cents, tick()));
        receivable[p] -= cents;
    }

    private void creditNote(int f, long amount) {
        long cents = Math.min(amount, unusedFace[f]);
        if (cents == 0) {
            return;
        }
        events.add(new CreditNoteIssued(UUID.randomUUID(), funders[f], programme, number("AV"), cents,
                List.of(UUID.randomUUID()), tick()));
        unusedFace[f] -= cents;
    }

    private void noMoney(int p) {
        Instant at = tick();
        events.add(new SettlementRunOpened(UUID.randomUUID(), "run-" + at, at.minus(Duration.ofDays(30)), at, at));
        events.add(new StatementIssued(UUID.randomUUID(), UUID.randomUUID(), places[p], number("S"), 0, List.of(), at));
        events.add(new FeeRulePublished("rule-" + at.toEpochMilli(), programme, 300, LocalDate.of(2026, 1, 1), null, at));
        events.add(new IncidentDismissed(UUID.randomUUID(), places[p], "no proof", at));
    }

    private int placeIndex(UUID place) {
        for (int i = 0; i < PLACES; i++) {
            if (places[i].equals(place)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown place " + place);
    }
}
