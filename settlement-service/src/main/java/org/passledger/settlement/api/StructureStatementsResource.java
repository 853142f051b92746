package org.passledger.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.settlement.projection.StatementView;

@Path("/structures/{structureId}/statements")
@Tag(name = "Statements")
@Produces(MediaType.APPLICATION_JSON)
public class StructureStatementsResource {

    private final Transactions transactions;
    private final Caller caller;

    public StructureStatementsResource(Transactions transactions, Caller caller) {
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "listStructureStatements", summary = "A place's statements, oldest number first",
            description = "A place sees its own statements only.")
    @APIResponse(responseCode = "200", description = "The place's statements (possibly none)",
            content = @Content(schema = @Schema(implementation = SettlementResponses.StatementSummary.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<SettlementResponses.StatementSummary>> list(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> session.createQuery(
                        "from StatementView where structureId = :structureId order by statementNumber",
                        StatementView.class)
                .setParameter("structureId", structureId)
                .getResultList()
                .map(views -> views.stream().map(Views::summary).toList()));
    }
}
