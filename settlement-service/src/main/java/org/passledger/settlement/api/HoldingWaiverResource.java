package org.passledger.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.settlement.application.HoldingWaivers;
import org.passledger.settlement.application.HoldingWaivers.Waiver;

@Path("/structures/{structureId}/holding-waiver")
@Tag(name = "Holding period", description = "Redemptions wait before they are payable, unless the operator waives it")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HoldingWaiverResource {

    private final HoldingWaivers waivers;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;

    public HoldingWaiverResource(HoldingWaivers waivers, IdempotentRequests idempotency, Transactions transactions,
                                 Caller caller) {
        this.waivers = waivers;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
    }

    static AccountResponses.WaiverBody body(Waiver w) {
        return new AccountResponses.WaiverBody(w.waiverId(), w.structureId(), w.reason(), w.waivedBy(), w.waivedAt(),
                w.revokedBy(), w.revokedAt());
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "waiveHoldingPeriod", summary = "Waive the holding period for a place (operator)",
            description = "While the waiver stands, the place's redemptions are payable as soon as their period is "
                    + "over. The waiver, who gave it and why, stays on record.")
    @APIResponse(responseCode = "201", description = "Waived",
            content = @Content(schema = @Schema(implementation = AccountResponses.WaiverBody.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "409", description = "Already waived (holding-already-waived)")
    public Uni<Response> waive(@PathParam("structureId") UUID structureId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid AccountRequests.Waiver body) {
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "PUT /structures/" + structureId + "/holding-waiver", body,
                session -> waivers.waive(session, structureId, body.reason(), actor)
                        .map(w -> Outcome.created(body(w),
                                URI.create("/structures/" + structureId + "/holding-waiver"))));
    }

    @DELETE
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "revokeHoldingWaiver", summary = "End the place's waiver (operator); it stays on record")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = AccountResponses.WaiverBody.class)))
    @APIResponse(responseCode = "404", description = "No standing waiver")
    public Uni<Response> revoke(@PathParam("structureId") UUID structureId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "DELETE /structures/" + structureId + "/holding-waiver", null,
                session -> waivers.revoke(session, structureId, actor).map(w -> Outcome.ok(body(w))));
    }

    @GET
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "listHoldingWaivers", summary = "The place's waivers, standing or revoked, latest first")
    @APIResponse(responseCode = "200", description = "The waivers (possibly none)",
            content = @Content(schema = @Schema(implementation = AccountResponses.WaiverBody.class, type = SchemaType.ARRAY)))
    public Uni<List<AccountResponses.WaiverBody>> list(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> waivers.list(session, structureId))
                .map(all -> all.stream().map(HoldingWaiverResource::body).toList());
    }
}
