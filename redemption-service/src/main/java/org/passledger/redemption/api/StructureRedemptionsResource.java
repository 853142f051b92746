package org.passledger.redemption.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.problem.Problem;
import org.passledger.redemption.projection.RedemptionView;

@Path("/structures/{structureId}/redemptions")
@Tag(name = "Redemptions")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role or party not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StructureRedemptionsResource {

    private final Transactions transactions;
    private final Caller caller;

    public StructureRedemptionsResource(Transactions transactions, Caller caller) {
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "listStructureRedemptions", summary = "A place's redemptions, most recent first",
            description = "Readable by the place itself, the agency and the operator.")
    @APIResponse(responseCode = "200", description = "The place's redemptions (none for an unknown place)",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.RedemptionList.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RedemptionResponses.RedemptionList> list(
            @PathParam("structureId") UUID structureId,
            @Parameter(description = "At most this many, from the most recent") @QueryParam("limit")
            @DefaultValue("100") @Min(1) @Max(500) int limit) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> session.createQuery("""
                                from RedemptionView where structureId = :structureId
                                order by redeemedAt desc, redemptionId""", RedemptionView.class)
                        .setParameter("structureId", structureId)
                        .setMaxResults(limit)
                        .getResultList())
                .map(views -> new RedemptionResponses.RedemptionList(structureId,
                        views.stream().map(RedemptionResponses.RedemptionBody::of).toList()));
    }
}
