package org.passledger.labelling.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.labelling.application.StructureService;
import org.passledger.labelling.domain.StructureCommand;

/** The national agency's decisions on a place's label. Each answers 409 with a distinct code when the label's state forbids it. */
@Path("/structures/{structureId}/label")
@Tag(name = "Label decisions", description = "The national agency grants, refuses, renews, suspends, reinstates and revokes labels")
@RolesAllowed(Roles.AGENCY)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", description = "Decision recorded",
        content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
@APIResponse(responseCode = "400", description = "Invalid fields")
@APIResponse(responseCode = "403", description = "Only the agency decides on labels")
@APIResponse(responseCode = "404", description = "Unknown place")
public class LabelDecisionResource {

    private final StructureService service;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final RequestMetadata metadata;

    public LabelDecisionResource(StructureService service, IdempotentRequests idempotency, Caller caller,
                                 RequestMetadata metadata) {
        this.service = service;
        this.idempotency = idempotency;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @Path("/grant")
    @Operation(operationId = "grantLabel", summary = "Grant the label for a 3-year convention",
            description = "The convention runs from validFrom to the day before its third anniversary.")
    @APIResponse(responseCode = "409", description = "no-pending-application")
    public Uni<Response> grant(@PathParam("structureId") UUID structureId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid StructureRequests.Grant body) {
        return decide(structureId, "grant", idempotencyKey, body,
                new StructureCommand.GrantLabel(structureId, body.conventionReference(), body.validFrom()));
    }

    @POST
    @Path("/refuse")
    @Operation(operationId = "refuseLabel", summary = "Refuse the pending application, with a reason")
    @APIResponse(responseCode = "409", description = "no-pending-application")
    public Uni<Response> refuse(@PathParam("structureId") UUID structureId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid StructureRequests.Reason body) {
        return decide(structureId, "refuse", idempotencyKey, body,
                new StructureCommand.RefuseLabel(structureId, body.reason()));
    }

    @POST
    @Path("/renew")
    @Operation(operationId = "renewLabel", summary = "Renew the label: a new 3-year convention from the day after the current one ends")
    @APIResponse(responseCode = "409", description = "label-not-granted, label-suspended, label-expired or label-revoked")
    public Uni<Response> renew(@PathParam("structureId") UUID structureId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid StructureRequests.Renew body) {
        return decide(structureId, "renew", idempotencyKey, body,
                new StructureCommand.RenewLabel(structureId, body.conventionReference()));
    }

    @POST
    @Path("/suspend")
    @Operation(operationId = "suspendLabel", summary = "Suspend the label at once, with a reason",
            description = "Redemption is refused from the suspension's instant.")
    @APIResponse(responseCode = "409", description = "label-already-suspended, label-not-granted, label-expired or label-revoked")
    public Uni<Response> suspend(@PathParam("structureId") UUID structureId,
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @NotNull @Valid StructureRequests.Reason body) {
        return decide(structureId, "suspend", idempotencyKey, body,
                new StructureCommand.SuspendLabel(structureId, body.reason()));
    }

    @POST
    @Path("/reinstate")
    @Operation(operationId = "reinstateLabel", summary = "Lift a suspension")
    @APIResponse(responseCode = "409", description = "label-not-suspended, label-expired or label-revoked")
    public Uni<Response> reinstate(@PathParam("structureId") UUID structureId,
                                   @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                   @Valid StructureRequests.Reinstate body) {
        return decide(structureId, "reinstate", idempotencyKey, body == null ? Map.of() : body,
                new StructureCommand.ReinstateLabel(structureId));
    }

    @POST
    @Path("/revoke")
    @Operation(operationId = "revokeLabel", summary = "Revoke the label for good, with a reason")
    @APIResponse(responseCode = "409", description = "label-not-granted, label-expired or label-revoked")
    public Uni<Response> revoke(@PathParam("structureId") UUID structureId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid StructureRequests.Reason body) {
        return decide(structureId, "revoke", idempotencyKey, body,
                new StructureCommand.RevokeLabel(structureId, body.reason()));
    }

    private Uni<Response> decide(UUID structureId, String action, String idempotencyKey, Object body,
                                 StructureCommand command) {
        return idempotency.run(caller.actor(), idempotencyKey, "POST /structures/" + structureId + "/label/" + action,
                body, session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.ok(
                        new StructureResponses.Accepted(structureId, decision.version()))));
    }
}
