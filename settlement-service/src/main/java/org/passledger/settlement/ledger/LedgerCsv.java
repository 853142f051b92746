package org.passledger.settlement.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passledger.settlement.ledger.api.LedgerResponses.AccountBalance;
import org.passledger.settlement.ledger.api.LedgerResponses.AccountStatement;
import org.passledger.settlement.ledger.api.LedgerResponses.StatementEntry;
import org.passledger.settlement.ledger.api.LedgerResponses.TrialBalance;
import org.passledger.settlement.reporting.Csv;

/** The trial balance and account statements as RFC 4180 CSV (UTF-8, header row, cents and euros). */
public final class LedgerCsv {

    public static final String[] TRIAL_BALANCE_HEADER = {"account", "normal_side", "debit_cents", "credit_cents",
        "balance_cents", "debit_eur", "credit_eur", "balance_eur"};
    public static final String[] STATEMENT_HEADER = {"account", "booked_at", "entry_id", "source_event_id",
        "source_type", "description", "debit_cents", "credit_cents", "balance_cents", "debit_eur", "credit_eur",
        "balance_eur"};

    private LedgerCsv() {
    }

    public static String trialBalance(TrialBalance balance) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(TRIAL_BALANCE_HEADER).get())) {
            for (AccountBalance a : balance.accounts()) {
                printer.printRecord(a.account(), a.normalSide(), a.debitCents(), a.creditCents(), a.balanceCents(),
                        Csv.euros(a.debitCents()), Csv.euros(a.creditCents()), Csv.euros(a.balanceCents()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String statement(AccountStatement statement) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(STATEMENT_HEADER).get())) {
            for (StatementEntry e : statement.entries()) {
                printer.printRecord(statement.account(), e.bookedAt(), e.entryId(), e.sourceEventId(), e.sourceType(),
                        e.description(), e.debitCents(), e.creditCents(), e.balanceCents(),
                        Csv.euros(e.debitCents()), Csv.euros(e.creditCents()), Csv.euros(e.balanceCents()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
