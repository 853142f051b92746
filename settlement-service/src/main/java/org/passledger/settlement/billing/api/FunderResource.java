package org.passledger.settlement.billing.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.problem.Problem;
import org.passledger.settlement.billing.BillingCsv;
import org.passledger.settlement.billing.FunderAccounts;
import org.passledger.settlement.billing.FunderAccounts.Balance;
import org.passledger.settlement.billing.FunderAccounts.CreditNote;
import org.passledger.settlement.billing.FunderAccounts.Invoice;
import org.passledger.settlement.reporting.Csv;

@Path("/funders/{funderId}")
@Tag(name = "Funder billing", description = "Invoices on orders, credit notes for unused vouchers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FUNDER, Roles.OPERATOR, Roles.AGENCY})
@APIResponse(responseCode = "403", description = "Another funder's, or a role not allowed")
public class FunderResource {

    public static final String CSV = "text/csv";

    private final FunderAccounts accounts;
    private final Transactions transactions;
    private final Caller caller;

    public FunderResource(FunderAccounts accounts, Transactions transactions, Caller caller) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Path("/invoices")
    @Operation(operationId = "listFunderInvoices", summary = "The funder's invoices, by number",
            description = "A funder sees its own only; the operator and the agency any funder's.")
    @APIResponse(responseCode = "200", description = "The invoices (possibly none)",
            content = @Content(schema = @Schema(implementation = Invoice.class, type = SchemaType.ARRAY)))
    public Uni<List<Invoice>> invoices(@PathParam("funderId") UUID funderId) {
        requireMayRead(funderId);
        return transactions.read(session -> accounts.invoices(session, funderId));
    }

    @GET
    @Path("/invoices.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(operationId = "listFunderInvoicesCsv", summary = "The funder's invoices as CSV (RFC 4180, UTF-8)")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> invoicesCsv(@PathParam("funderId") UUID funderId) {
        return invoices(funderId).map(list -> Csv.attachment(BillingCsv.invoices(list), "factures.csv"));
    }

    @GET
    @Path("/credit-notes")
    @Operation(operationId = "listFunderCreditNotes", summary = "The funder's credit notes, by number",
            description = "A funder sees its own only; the operator and the agency any funder's.")
    @APIResponse(responseCode = "200", description = "The credit notes (possibly none)",
            content = @Content(schema = @Schema(implementation = CreditNote.class, type = SchemaType.ARRAY)))
    public Uni<List<CreditNote>> creditNotes(@PathParam("funderId") UUID funderId) {
        requireMayRead(funderId);
        return transactions.read(session -> accounts.creditNotes(session, funderId));
    }

    @GET
    @Path("/credit-notes.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(operationId = "listFunderCreditNotesCsv", summary = "The funder's credit notes as CSV (RFC 4180, UTF-8)")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> creditNotesCsv(@PathParam("funderId") UUID funderId) {
        return creditNotes(funderId).map(list -> Csv.attachment(BillingCsv.creditNotes(list), "avoirs.csv"));
    }

    @GET
    @Path("/balance")
    @Operation(operationId = "getFunderBalance", summary = "What the funder was invoiced, paid, credited and consumed",
            description = "balanceCents is the funder: account's balance in the ledger (positive: the funder owes "
                    + "the scheme; negative: the scheme owes the funder).")
    @APIResponse(responseCode = "200", description = "The balance",
            content = @Content(schema = @Schema(implementation = Balance.class)))
    public Uni<Balance> balance(@PathParam("funderId") UUID funderId) {
        requireMayRead(funderId);
        return transactions.read(session -> accounts.balance(session, funderId));
    }

    private void requireMayRead(UUID funderId) {
        if (caller.is(Roles.FUNDER)) {
            caller.requireParty(Roles.FUNDER, funderId);
        }
    }
}
