package org.passledger.settlement.reconciliation.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.problem.Problem;
import org.passledger.settlement.reconciliation.ReconciliationReport;
import org.passledger.settlement.reconciliation.ReconciliationReport.Difference;
import org.passledger.settlement.reconciliation.ReconciliationReport.Programme;
import org.passledger.settlement.reporting.Csv;

@Path("/reconciliation")
@Tag(name = "Reconciliation", description = "The events of every service checked against each other, per programme")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class ReconciliationResource {

    /** The report. */
    @Schema(name = "Reconciliation")
    public record ReportBody(int programmeCount, int differenceCount, List<Programme> programmes) {
    }

    static final String[] PROGRAMME_HEADER = {"programme_id", "name", "budget_cents", "budget_eur", "ordered_cents",
            "issued_count", "issued_cents", "handed_out_count", "redeemed_count", "redeemed_cents",
            "reimbursed_count", "reimbursed_cents", "reimbursed_eur", "owed_cents", "owed_eur", "unused_cents",
            "unused_eur", "credited_cents", "credited_eur", "balance_gap_cents", "chain_holds", "differences"};
    static final String[] DIFFERENCE_HEADER = {"programme_id", "voucher_id", "code", "detail", "expected_cents",
            "expected_eur", "actual_cents", "actual_eur"};

    private final ReconciliationReport report;
    private final Transactions transactions;

    public ReconciliationResource(ReconciliationReport report, Transactions transactions) {
        this.report = report;
        this.transactions = transactions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getReconciliation", summary = "Reconciliation report per programme (operator, agency)",
            description = "From the events of every service: issued >= handed out >= redeemed (net of reversals) >= "
                    + "reimbursed, and budget = reimbursed + owed + unused + credited (see the service README), with "
                    + "every difference voucher by voucher.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = ReportBody.class)))
    public Uni<ReportBody> get(@Parameter(description = "Only this programme") @QueryParam("programmeId")
                               UUID programmeId) {
        return transactions.read(session -> report.report(session, programmeId)).map(programmes ->
                new ReportBody(programmes.size(), programmes.stream().mapToInt(p -> p.differences().size()).sum(),
                        programmes));
    }

    @GET
    @Path("/programmes.csv")
    @Produces({Csv.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getReconciliationProgrammesCsv", summary = "The report's programme figures as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180, one row per programme",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> programmesCsv(@QueryParam("programmeId") UUID programmeId) {
        return transactions.read(session -> report.report(session, programmeId)).map(programmes -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Programme p : programmes) {
                rows.add(Arrays.asList(p.programmeId(), p.name(), p.budgetCents(), Csv.euros(p.budgetCents()),
                        p.orderedCents(), p.issuedCount(), p.issuedCents(), p.handedOutCount(), p.redeemedCount(),
                        p.redeemedCents(), p.reimbursedCount(), p.reimbursedCents(), Csv.euros(p.reimbursedCents()),
                        p.owedCents(), Csv.euros(p.owedCents()), p.unusedCents(), Csv.euros(p.unusedCents()),
                        p.creditedCents(), Csv.euros(p.creditedCents()), p.balanceGapCents(), p.chainHolds(),
                        p.differences().size()));
            }
            return Csv.attachment(Csv.write(PROGRAMME_HEADER, rows), "reconciliation-programmes.csv");
        });
    }

    @GET
    @Path("/differences.csv")
    @Produces({Csv.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getReconciliationDifferencesCsv", summary = "Every difference as CSV, voucher by voucher")
    @APIResponse(responseCode = "200", description = "RFC 4180, one row per difference",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> differencesCsv(@QueryParam("programmeId") UUID programmeId) {
        return transactions.read(session -> report.report(session, programmeId)).map(programmes -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Programme p : programmes) {
                for (Difference d : p.differences()) {
                    rows.add(Arrays.asList(d.programmeId(), d.voucherId(), d.code(), d.detail(), d.expectedCents(),
                            Csv.euros(d.expectedCents()), d.actualCents(), Csv.euros(d.actualCents())));
                }
            }
            return Csv.attachment(Csv.write(DIFFERENCE_HEADER, rows), "reconciliation-differences.csv");
        });
    }
}
