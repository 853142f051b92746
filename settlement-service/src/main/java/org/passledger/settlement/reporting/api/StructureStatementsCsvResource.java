package org.passledger.settlement.reporting.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.passledger.settlement.reporting.Csv;
import org.passledger.settlement.projection.StatementView;

@Path("/structures/{structureId}/statements.csv")
@Tag(name = "Reports")
public class StructureStatementsCsvResource {

    static final String[] HEADER = {"statement_number", "statement_id", "run_id", "status", "issued_at", "paid_at",
            "line_count", "total_cents", "total_eur", "clawback_cents", "clawback_eur", "net_cents", "net_eur",
            "bank_reference"};

    private final Transactions transactions;
    private final Caller caller;

    public StructureStatementsCsvResource(Transactions transactions, Caller caller) {
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Produces({Csv.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "listStructureStatementsCsv", summary = "A place's statements as CSV (RFC 4180, UTF-8)",
            description = "One row per statement, oldest number first; a place gets its own only.")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> csv(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> session.createQuery(
                        "from StatementView where structureId = :structureId order by statementNumber",
                        StatementView.class)
                .setParameter("structureId", structureId)
                .getResultList()).map(views -> {
            List<List<Object>> rows = new ArrayList<>();
            for (StatementView v : views) {
                long net = v.totalCents - v.clawbackCents;
                rows.add(Arrays.asList(v.statementNumber, v.statementId, v.runId, v.status, v.issuedAt,
                        v.paidAt, v.lineCount, v.totalCents, Csv.euros(v.totalCents), v.clawbackCents,
                        Csv.euros(v.clawbackCents), net, Csv.euros(net), v.bankReference));
            }
            return Csv.attachment(Csv.write(HEADER, rows), "releves-" + structureId + ".csv");
        });
    }
}
