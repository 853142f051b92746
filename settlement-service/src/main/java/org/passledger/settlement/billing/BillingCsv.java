package org.passledger.settlement.billing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passledger.settlement.billing.FunderAccounts.CreditNote;
import org.passledger.settlement.billing.FunderAccounts.Invoice;
import org.passledger.settlement.reporting.Csv;

/** A funder's invoices and credit notes as RFC 4180 CSV (UTF-8, header row, cents and euros). */
public final class BillingCsv {

    public static final String[] INVOICE_HEADER = {"invoice_number", "invoice_id", "order_id", "programme_id",
        "fee_rule_id", "invoiced_at", "face_value_cents", "fee_cents", "total_cents", "face_value_eur", "fee_eur",
        "total_eur"};
    public static final String[] CREDIT_NOTE_HEADER = {"credit_note_number", "credit_note_id", "programme_id",
        "voucher_count", "issued_at", "amount_cents", "amount_eur"};

    private BillingCsv() {
    }

    public static String invoices(List<Invoice> invoices) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(INVOICE_HEADER).get())) {
            for (Invoice i : invoices) {
                printer.printRecord(i.invoiceNumber(), i.invoiceId(), i.orderId(), i.programmeId(), i.feeRuleId(),
                        i.invoicedAt(), i.faceValueCents(), i.feeCents(), i.totalCents(), Csv.euros(i.faceValueCents()),
                        Csv.euros(i.feeCents()), Csv.euros(i.totalCents()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String creditNotes(List<CreditNote> notes) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CREDIT_NOTE_HEADER).get())) {
            for (CreditNote n : notes) {
                printer.printRecord(n.creditNoteNumber(), n.creditNoteId(), n.programmeId(), n.voucherCount(),
                        n.issuedAt(), n.amountCents(), Csv.euros(n.amountCents()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
