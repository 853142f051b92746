package org.passledger.settlement.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.SettlementEvent.ClawbackApplied;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.events.SettlementEvent.DebitNoteIssued;
import org.passledger.events.SettlementEvent.FunderInvoiced;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.settlement.ledger.Posting.Line;

/**
 * The posting table: which balanced entry a business event books, as a pure function of the event. Events that
 * move no money (runs, statements issued, incidents opened or dismissed, fee rules, rejections before a
 * confirmation) book nothing, and neither does an event whose amounts are all zero.
 */
public final class PostingRules {

    private PostingRules() {
    }

    public static Optional<Posting> post(EventEnvelope envelope) {
        return post(envelope.id(), envelope.time(), envelope.data());
    }

    /** The entry the event books at {@code bookedAt} (the event's own time), if any. */
    public static Optional<Posting> post(UUID eventId, Instant bookedAt, LedgerEvent event) {
        List<Line> lines = new ArrayList<>();
        String description;
        if (event instanceof FunderInvoiced invoiced) {
            debit(lines, Accounts.funder(invoiced.funderId()), invoiced.totalCents());
            credit(lines, Accounts.CLEARING, invoiced.faceValueCents());
            credit(lines, Accounts.OPERATOR_FEES, invoiced.feeCents());
            description = "Invoice " + invoiced.invoiceNumber() + " to funder " + invoiced.funderId() + " for order "
                    + invoiced.orderId() + " (fee rule " + invoiced.feeRuleId() + ")";
        } else if (event instanceof FundingConfirmed funded) {
            debit(lines, Accounts.BANK, funded.amountCents());
            credit(lines, Accounts.funder(funded.funderId()), funded.amountCents());
            description = "Funding of order " + funded.orderId() + " received from funder " + funded.funderId()
                    + " (" + funded.paymentOrderReference() + ")";
        } else if (event instanceof CreditNoteIssued credited) {
            debit(lines, Accounts.CLEARING, credited.amountCents());
            credit(lines, Accounts.funder(credited.funderId()), credited.amountCents());
            description = "Credit note " + credited.creditNoteNumber() + " to funder " + credited.funderId() + " for "
                    + credited.voucherIds().size() + " unused voucher(s)";
        } else if (event instanceof VoucherReimbursed reimbursed) {
            debit(lines, Accounts.CLEARING, reimbursed.amountCents());
            credit(lines, Accounts.place(reimbursed.structureId()), reimbursed.amountCents());
            description = "Voucher " + reimbursed.voucherId() + " reimbursed on statement " + reimbursed.statementId();
        } else if (event instanceof PaymentConfirmed paid) {
            debit(lines, Accounts.place(paid.structureId()), paid.amountCents());
            credit(lines, Accounts.BANK, paid.amountCents());
            description = "Payment of statement " + paid.statementId() + " (" + paid.bankReference() + ")";
        } else if (event instanceof PaymentRejected rejected) {
            if (!rejected.afterConfirmation()) {
                return Optional.empty(); // nothing had moved
            }
            debit(lines, Accounts.BANK, rejected.amountCents());
            credit(lines, Accounts.place(rejected.structureId()), rejected.amountCents());
            description = "Payment of statement " + rejected.statementId() + " rejected by the bank: "
                    + rejected.reason();
        } else if (event instanceof IncidentValidated validated) {
            debit(lines, Accounts.placeReceivable(validated.structureId()), validated.amountCents());
            credit(lines, Accounts.CLEARING, validated.amountCents());
            description = "Incident " + validated.incidentId() + " validated against place " + validated.structureId();
        } else if (event instanceof ClawbackApplied clawback) {
            debit(lines, Accounts.place(clawback.structureId()), clawback.amountCents());
            credit(lines, Accounts.placeReceivable(clawback.structureId()), clawback.amountCents());
            description = "Incident " + clawback.incidentId() + " recovered from statement " + clawback.statementId();
        } else if (event instanceof DebitNoteIssued debitNote) {
            debit(lines, Accounts.debitNotes(debitNote.structureId()), debitNote.amountCents());
            credit(lines, Accounts.placeReceivable(debitNote.structureId()), debitNote.amountCents());
            description = "Debit note " + debitNote.debitNoteNumber() + " for incident " + debitNote.incidentId();
        } else {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Posting(Posting.entryIdOf(eventId), eventId, EventCatalog.typeOf(event), bookedAt,
                description, lines));
    }

    /** Zero amounts move nothing: the line is left out rather than booked as 0/0. */
    private static void debit(List<Line> lines, String account, long cents) {
        if (cents != 0) {
            lines.add(Line.debit(account, cents));
        }
    }

    private static void credit(List<Line> lines, String account, long cents) {
        if (cents != 0) {
            lines.add(Line.credit(account, cents));
        }
    }
}
