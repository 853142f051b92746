package org.passledger.settlement.recovery.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.settlement.recovery.Incidents;

@Path("/structures/{structureId}/incidents")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
public class StructureIncidentsResource {

    private final Incidents incidents;
    private final Transactions transactions;
    private final Caller caller;

    public StructureIncidentsResource(Incidents incidents, Transactions transactions, Caller caller) {
        this.incidents = incidents;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "listStructureIncidents", summary = "A place's incidents, oldest first",
            description = "A place sees its own incidents only.")
    @APIResponse(responseCode = "200", description = "The place's incidents (possibly none)",
            content = @Content(schema = @Schema(implementation = Incidents.View.class, type = SchemaType.ARRAY)))
    public Uni<List<Incidents.View>> list(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> incidents.ofPlace(session, structureId));
    }
}
