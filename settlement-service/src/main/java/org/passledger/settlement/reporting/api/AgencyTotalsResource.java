package org.passledger.settlement.reporting.api;

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
import org.passledger.settlement.reporting.Csv;
import org.passledger.settlement.reporting.AgencyTotals;

@Path("/agency")
@Tag(name = "Reports", description = "Totals and balances")
@APIResponse(responseCode = "403", description = "Role not allowed")
@APIResponse(responseCode = "400", description = "A month not as YYYY-MM (invalid-month), or to before from / over 120 months (invalid-period)")
public class AgencyTotalsResource {

    static final String[] HEADER = {"departement", "month", "redeemed_count", "redeemed_cents", "redeemed_eur",
            "reversed_count", "reimbursed_count", "reimbursed_cents", "reimbursed_eur"};

    private final AgencyTotals totals;
    private final Transactions transactions;

    public AgencyTotalsResource(AgencyTotals totals, Transactions transactions) {
        this.totals = totals;
        this.transactions = transactions;
    }

    @GET
    @Path("/totals")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getAgencyTotals", summary = "Totals per département and month (Europe/Paris)",
            description = "Redemptions by the month they were made (reversed since or not), reversals by the month "
                    + "they were made, reimbursements by the month they were paid; the département is the one the "
                    + "redemption event names.")
    @APIResponse(responseCode = "200", description = "One row per département and month with activity",
            content = @Content(schema = @Schema(implementation = AgencyTotals.Row.class, type = SchemaType.ARRAY)))
    public Uni<List<AgencyTotals.Row>> get(
            @Parameter(description = "First month, YYYY-MM", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM, included", example = "2026-06") @QueryParam("to") String to) {
        return transactions.read(session -> totals.totals(session, from, to));
    }

    @GET
    @Path("/totals.csv")
    @Produces({Csv.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getAgencyTotalsCsv", summary = "The same totals as CSV (RFC 4180, UTF-8)")
    @APIResponse(responseCode = "200", description = "One row per département and month",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return transactions.read(session -> totals.totals(session, from, to)).map(rows -> {
            List<List<Object>> lines = new ArrayList<>();
            for (AgencyTotals.Row r : rows) {
                lines.add(Arrays.asList(r.departement(), r.month(), r.redeemedCount(), r.redeemedCents(),
                        Csv.euros(r.redeemedCents()), r.reversedCount(), r.reimbursedCount(), r.reimbursedCents(),
                        Csv.euros(r.reimbursedCents())));
            }
            return Csv.attachment(Csv.write(HEADER, lines), "totals-" + from + "-" + to + ".csv");
        });
    }
}
