package org.passledger.settlement.ledger.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.problem.Problem;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.ledger.Accounts;
import org.passledger.settlement.ledger.LedgerCsv;
import org.passledger.settlement.ledger.LedgerDates;
import org.passledger.settlement.ledger.LedgerQueries;
import org.passledger.settlement.ledger.LedgerQueries.AccountLine;
import org.passledger.settlement.ledger.LedgerQueries.AccountTotals;
import org.passledger.settlement.ledger.api.LedgerResponses.AccountBalance;
import org.passledger.settlement.ledger.api.LedgerResponses.AccountStatement;
import org.passledger.settlement.ledger.api.LedgerResponses.StatementEntry;
import org.passledger.settlement.ledger.api.LedgerResponses.TrialBalance;
import org.passledger.settlement.reporting.Csv;

@Path("/ledger")
@Tag(name = "Ledger", description = "The double-entry ledger: every money-moving event booked as a balanced entry")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A date that is neither a day nor an instant (invalid-date), "
        + "from after to (invalid-period), or a name outside the chart of accounts (unknown-account)")
public class LedgerResource {

    public static final String CSV = "text/csv";

    private final LedgerQueries queries;
    private final Transactions transactions;
    private final Caller caller;

    public LedgerResource(LedgerQueries queries, Transactions transactions, Caller caller) {
        this.queries = queries;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Path("/trial-balance")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getTrialBalance", summary = "Every account's totals as of a day or an instant",
            description = "Counts the entries whose source event happened before the end of the given day in "
                    + "Europe/Paris, or before the given instant; all of them without asOf. Total debits equal "
                    + "total credits.")
    @APIResponse(responseCode = "200", description = "The trial balance",
            content = @Content(schema = @Schema(implementation = TrialBalance.class)))
    public Uni<TrialBalance> trialBalance(
            @Parameter(description = "A day (2026-03-31) or an instant (2026-03-31T22:00:00Z)", example = "2026-03-31")
            @QueryParam("asOf") String asOf) {
        Instant before = LedgerDates.endOf(asOf, "asOf");
        return transactions.read(session -> queries.trialBalance(session, before)).map(totals -> {
            List<AccountBalance> accounts = new ArrayList<>();
            long debit = 0;
            long credit = 0;
            for (AccountTotals t : totals) {
                accounts.add(new AccountBalance(t.account(), Accounts.normalSide(t.account()).name(), t.debitCents(),
                        t.creditCents(), t.balanceCents()));
                debit += t.debitCents();
                credit += t.creditCents();
            }
            return new TrialBalance(before, accounts, debit, credit);
        });
    }

    @GET
    @Path("/trial-balance.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getTrialBalanceCsv", summary = "The trial balance as CSV (RFC 4180, UTF-8)",
            description = "One row per account: account, normal_side, debit_cents, credit_cents, balance_cents, "
                    + "debit_eur, credit_eur, balance_eur.")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> trialBalanceCsv(@QueryParam("asOf") String asOf) {
        return trialBalance(asOf).map(balance -> Csv.attachment(LedgerCsv.trialBalance(balance), "balance.csv"));
    }

    @GET
    @Path("/accounts/{account}/statement")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY, Roles.STRUCTURE, Roles.FUNDER})
    @Operation(operationId = "getAccountStatement", summary = "An account's entries with a running balance",
            description = "Entries booked in [from, to): a day counts whole (Europe/Paris), an instant as is. A "
                    + "place reads its own place:, place-receivable: and debit-notes: accounts, a funder its "
                    + "funder: account; the operator and the agency any account.")
    @APIResponse(responseCode = "200", description = "The statement",
            content = @Content(schema = @Schema(implementation = AccountStatement.class)))
    public Uni<AccountStatement> statement(
            @Parameter(description = "The account's name", example = "funder:6f1c2a34-0b7e-4a52-9d0e-1c3b5a7d9e21")
            @PathParam("account") String account,
            @Parameter(description = "A day or an instant (inclusive)", example = "2026-03-01")
            @QueryParam("from") String from,
            @Parameter(description = "A day (inclusive) or an instant (exclusive)", example = "2026-03-31")
            @QueryParam("to") String to) {
        if (!Accounts.isValid(account)) {
            throw Refusal.invalid("unknown-account", "'" + account + "' is not an account of the chart.");
        }
        requireMayRead(account);
        Instant start = LedgerDates.startOf(from, "from");
        Instant end = LedgerDates.endOf(to, "to");
        if (start != null && end != null && start.isAfter(end)) {
            throw Refusal.invalid("invalid-period", "'from' is after 'to'.");
        }
        return transactions.read(session -> queries.totals(session, account, start)
                .chain(opening -> queries.lines(session, account, start, end)
                        .map(lines -> statement(account, start, end, start == null ? 0 : opening.balanceCents(),
                                lines))));
    }

    @GET
    @Path("/accounts/{account}/statement.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY, Roles.STRUCTURE, Roles.FUNDER})
    @Operation(operationId = "getAccountStatementCsv", summary = "An account's statement as CSV (RFC 4180, UTF-8)",
            description = "One row per entry: account, booked_at, entry_id, source_event_id, source_type, "
                    + "description, debit_cents, credit_cents, balance_cents, debit_eur, credit_eur, balance_eur.")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> statementCsv(@PathParam("account") String account, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        return statement(account, from, to).map(statement -> Csv.attachment(LedgerCsv.statement(statement), "compte.csv"));
    }

    private void requireMayRead(String account) {
        if (caller.is(Roles.OPERATOR) || caller.is(Roles.AGENCY)) {
            return;
        }
        if (caller.is(Roles.STRUCTURE) && Accounts.belongsToPlace(account, caller.partyId())) {
            return;
        }
        if (caller.is(Roles.FUNDER) && Accounts.belongsToFunder(account, caller.partyId())) {
            return;
        }
        throw Refusal.forbidden("This account belongs to another party.");
    }

    private static AccountStatement statement(String account, Instant from, Instant to, long opening,
                                              List<AccountLine> lines) {
        List<StatementEntry> entries = new ArrayList<>();
        long balance = opening;
        long debit = 0;
        long credit = 0;
        for (AccountLine line : lines) {
            balance += line.debitCents() - line.creditCents();
            debit += line.debitCents();
            credit += line.creditCents();
            entries.add(new StatementEntry(line.entryId(), line.sourceEventId(), line.sourceType(), line.bookedAt(),
                    line.description(), line.debitCents(), line.creditCents(), balance));
        }
        return new AccountStatement(account, Accounts.normalSide(account).name(), from, to, opening, entries, debit,
                credit, balance);
    }
}
