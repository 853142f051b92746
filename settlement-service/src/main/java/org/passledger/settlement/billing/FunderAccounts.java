package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.store.SqlTime;
import org.passledger.settlement.ledger.Accounts;

/** What a funder was invoiced, paid, credited and consumed, from the read models and the ledger. */
@ApplicationScoped
public class FunderAccounts {

    @Schema(name = "FunderInvoice", description = "An invoice: face value of an order plus the fee of the named rule")
    public record Invoice(UUID invoiceId, UUID funderId, UUID programmeId, UUID orderId, String invoiceNumber,
                          long faceValueCents, long feeCents, long totalCents, String feeRuleId, Instant invoicedAt) {
    }

    @Schema(name = "FunderCreditNote", description = "Unused vouchers refunded at face value")
    public record CreditNote(UUID creditNoteId, UUID funderId, UUID programmeId, String creditNoteNumber,
                             long amountCents, int voucherCount, Instant issuedAt) {
    }

    /** balanceCents is the funder: account's balance (debit - credit): positive, the funder owes the scheme. */
    @Schema(name = "FunderBalance", description = "invoicedCents - paidCents - creditedCents = balanceCents; "
            + "reimbursedCents is the consumption: what places were reimbursed for the funder's vouchers")
    public record Balance(UUID funderId, long invoicedCents, long paidCents, long creditedCents,
                          long reimbursedCents, long balanceCents) {
    }

    public Uni<List<Invoice>> invoices(Mutiny.Session session, UUID funderId) {
        return session.createNativeQuery("""
                        select cast(invoice_id as text), cast(programme_id as text), cast(order_id as text),
                               invoice_number, face_value_cents, fee_cents, total_cents, fee_rule_id, """
                        + SqlTime.micros("invoiced_at") + """
                        from funder_invoice_view where funder_id = cast(:funder as uuid) order by invoice_number""",
                        Object[].class)
                .setParameter("funder", funderId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Invoice(UUID.fromString((String) r[0]), funderId,
                        UUID.fromString((String) r[1]), UUID.fromString((String) r[2]), (String) r[3], cents(r[4]),
                        cents(r[5]), cents(r[6]), (String) r[7], SqlTime.fromMicros(r[8]))).toList());
    }

    public Uni<List<CreditNote>> creditNotes(Mutiny.Session session, UUID funderId) {
        return session.createNativeQuery("""
                        select cast(credit_note_id as text), cast(programme_id as text), credit_note_number,
                               amount_cents, voucher_count, """ + SqlTime.micros("issued_at") + """
                        from credit_note_view where funder_id = cast(:funder as uuid) order by credit_note_number""",
                        Object[].class)
                .setParameter("funder", funderId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new CreditNote(UUID.fromString((String) r[0]), funderId,
                        UUID.fromString((String) r[1]), (String) r[2], cents(r[3]), ((Number) r[4]).intValue(),
                        SqlTime.fromMicros(r[5]))).toList());
    }

    public Uni<Balance> balance(Mutiny.Session session, UUID funderId) {
        return session.createNativeQuery("""
                        select
                          (select coalesce(sum(total_cents), 0) from funder_invoice_view
                            where funder_id = cast(:funder as uuid)),
                          (select coalesce(sum(l.credit_cents), 0) from ledger_lines l
                             join ledger_entries e on e.entry_id = l.entry_id
                            where l.account = :account and e.source_type = 'programme.funding-confirmed.v1'),
                          (select coalesce(sum(amount_cents), 0) from credit_note_view
                            where funder_id = cast(:funder as uuid)),
                          (select coalesce(sum(amount_cents), 0) from reimbursement_view
                            where funder_id = cast(:funder as uuid)),
                          (select coalesce(sum(debit_cents - credit_cents), 0) from ledger_lines
                            where account = :account)""", Object[].class)
                .setParameter("funder", funderId.toString())
                .setParameter("account", Accounts.funder(funderId))
                .getSingleResult()
                .map(r -> new Balance(funderId, cents(r[0]), cents(r[1]), cents(r[2]), cents(r[3]), cents(r[4])));
    }

    private static long cents(Object value) {
        return ((Number) value).longValue();
    }
}
