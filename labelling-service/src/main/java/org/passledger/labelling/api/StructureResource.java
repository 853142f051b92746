package org.passledger.labelling.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.events.values.Address;
import org.passledger.events.values.GeoPoint;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.problem.Problem;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.labelling.application.StructureService;
import org.passledger.labelling.domain.StructureCommand;
import org.passledger.labelling.projection.StructureView;

@Path("/structures")
@Tag(name = "Structures", description = "Labelled places and their \"numérique inclusif\" label")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role or party not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StructureResource {

    private final StructureService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public StructureResource(StructureService service, IdempotentRequests idempotency, Transactions transactions,
                             Caller caller, RequestMetadata metadata) {
        this.service = service;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "registerStructure", summary = "Register the calling place",
            description = "The place's id is the subject of its token. The SIRET belongs to one organisation only.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, SIRET or postcode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already registered, or SIRET taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                  @NotNull @Valid StructureRequests.Register body) {
        UUID id = caller.partyId();
        Address address = new Address(body.address().street(), body.address().postcode(), body.address().commune(),
                body.address().departement());
        GeoPoint location = body.location() == null ? null
                : new GeoPoint(body.location().latitude(), body.location().longitude());
        var command = new StructureCommand.RegisterStructure(id, body.name(), body.siret(), body.legalForm(),
                address, location);
        return idempotency.run(caller.actor(), idempotencyKey, "POST /structures", body, session ->
                service.handle(session, command, metadata.events()).map(decision -> Outcome.created(
                        new StructureResponses.Accepted(id, decision.version()), URI.create("/structures/" + id))));
    }

    @POST
    @Path("/{structureId}/label-applications")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "applyForLabel", summary = "Apply for the \"numérique inclusif\" label")
    @APIResponse(responseCode = "201", description = "Application recorded",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The label's state does not allow an application",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> apply(@PathParam("structureId") UUID structureId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid StructureRequests.Apply body) {
        caller.requireParty(Roles.STRUCTURE, structureId);
        var command = new StructureCommand.ApplyForLabel(structureId, UUID.randomUUID(), body.services());
        return idempotency.run(caller.actor(), idempotencyKey, "POST /structures/" + structureId + "/label-applications",
                body, session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.created(
                        new StructureResponses.Accepted(structureId, decision.version()),
                        URI.create("/structures/" + structureId))));
    }

    @POST
    @Path("/{structureId}/label/grant")
    @RolesAllowed(Roles.AGENCY)
    @Operation(operationId = "grantLabel", summary = "Grant the label for a 3-year convention (agency)")
    @APIResponse(responseCode = "200", description = "Label granted",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "404", description = "Unknown place",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No pending application",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> grant(@PathParam("structureId") UUID structureId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid StructureRequests.Grant body) {
        var command = new StructureCommand.GrantLabel(structureId, body.conventionReference(), body.validFrom());
        return idempotency.run(caller.actor(), idempotencyKey, "POST /structures/" + structureId + "/label/grant",
                body, session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.ok(
                        new StructureResponses.Accepted(structureId, decision.version()))));
    }

    @GET
    @Path("/{structureId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getStructure", summary = "A place and its label, as the read model knows it")
    @APIResponse(responseCode = "200", description = "The place",
            content = @Content(schema = @Schema(implementation = StructureResponses.StructureBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown place (or not yet in the read model)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StructureResponses.StructureBody> get(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> session.find(StructureView.class, structureId)).map(view -> {
            if (view == null) {
                throw ProblemException.notFound("structure", structureId);
            }
            return new StructureResponses.StructureBody(view.structureId, view.name, view.siret, view.postcode,
                    view.commune, view.departement, view.labelStatus, view.conventionReference,
                    view.labelValidFrom, view.labelValidUntil, view.eventsApplied);
        });
    }
}
