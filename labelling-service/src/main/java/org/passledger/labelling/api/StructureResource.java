package org.passledger.labelling.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.events.values.GeoPoint;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.labelling.application.StructureQueries;
import org.passledger.labelling.application.StructureService;
import org.passledger.labelling.domain.StructureCommand;
import org.passledger.labelling.domain.StructureProfile;
import org.passledger.labelling.projection.LabelQueries;
import org.passledger.labelling.projection.ProfileQueries;
import org.passledger.labelling.projection.StructureView;

/** What a place does with its own record and label application, and what a place, the agency or the operator reads. */
@Path("/structures")
@Tag(name = "Structures", description = "Labelled places and their \"numérique inclusif\" label")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StructureResource {

    private final StructureService service;
    private final StructureQueries queries;
    private final LabelQueries labels;
    private final ProfileQueries profiles;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public StructureResource(StructureService service, StructureQueries queries, LabelQueries labels,
                             ProfileQueries profiles, IdempotentRequests idempotency, Transactions transactions,
                             Caller caller, RequestMetadata metadata) {
        this.service = service;
        this.queries = queries;
        this.labels = labels;
        this.profiles = profiles;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "registerStructure", summary = "Register the calling place",
            description = "The place's id is the subject of its token. The SIRET belongs to one organisation only. "
                    + "Opening hours, contact, sites and catalogue are optional here and can be edited later.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, SIRET, or postcode not in the département")
    @APIResponse(responseCode = "409", description = "Already registered, or SIRET taken")
    public Uni<Response> register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                  @NotNull @Valid StructureRequests.Register body) {
        UUID id = caller.partyId();
        GeoPoint location = body.location() == null ? null : body.location().toGeoPoint();
        var command = new StructureCommand.RegisterStructure(id, body.name(), body.siret(), body.legalForm(),
                body.address().toAddress(), location, body.profile());
        return idempotency.run(caller.actor(), idempotencyKey, "POST /structures", body, session ->
                service.handle(session, command, metadata.events()).map(decision -> Outcome.created(
                        new StructureResponses.Accepted(id, decision.version()), URI.create("/structures/" + id))));
    }

    @PUT
    @Path("/{structureId}/details")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "changeStructureDetails", summary = "Correct the place's name, legal form and address",
            description = "Replaces name, legal form, address and location; the SIRET is not editable. "
                    + "A labelled place cannot move to another département.")
    @APIResponse(responseCode = "200", description = "Details changed",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or postcode not in the département")
    @APIResponse(responseCode = "404", description = "Unknown place")
    @APIResponse(responseCode = "409", description = "departement-change-while-labelled")
    public Uni<Response> changeDetails(@PathParam("structureId") UUID structureId,
                                       @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                       @NotNull @Valid StructureRequests.Details body) {
        caller.requireParty(Roles.STRUCTURE, structureId);
        var command = new StructureCommand.ChangeDetails(structureId, body.name(), body.legalForm(),
                body.address().toAddress(), body.location() == null ? null : body.location().toGeoPoint());
        return idempotency.run(caller.actor(), idempotencyKey, "PUT /structures/" + structureId + "/details", body,
                session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.ok(
                        new StructureResponses.Accepted(structureId, decision.version()))));
    }

    @PUT
    @Path("/{structureId}/profile")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "changeStructureProfile", summary = "Replace the place's hours, contact, sites and catalogue")
    @APIResponse(responseCode = "200", description = "Profile changed",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown place")
    public Uni<Response> changeProfile(@PathParam("structureId") UUID structureId,
                                       @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                       @NotNull @Valid StructureRequests.Profile body) {
        caller.requireParty(Roles.STRUCTURE, structureId);
        var command = new StructureCommand.ChangeProfile(structureId, body.profile());
        return idempotency.run(caller.actor(), idempotencyKey, "PUT /structures/" + structureId + "/profile", body,
                session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.ok(
                        new StructureResponses.Accepted(structureId, decision.version()))));
    }

    @POST
    @Path("/{structureId}/label-applications")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "applyForLabel", summary = "Apply for the \"numérique inclusif\" label",
            description = "Answers to the qualification questionnaire and acceptance of the charter.")
    @APIResponse(responseCode = "201", description = "Application recorded",
            content = @Content(schema = @Schema(implementation = StructureResponses.ApplicationAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, empty catalogue or charter not accepted")
    @APIResponse(responseCode = "404", description = "Unknown place")
    @APIResponse(responseCode = "409", description = "Already pending, label held, or label revoked")
    public Uni<Response> apply(@PathParam("structureId") UUID structureId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid StructureRequests.Apply body) {
        caller.requireParty(Roles.STRUCTURE, structureId);
        UUID applicationId = UUID.randomUUID();
        var command = new StructureCommand.ApplyForLabel(structureId, applicationId, body.services(),
                body.answers() == null ? Map.of() : body.answers(), body.charterAccepted());
        return idempotency.run(caller.actor(), idempotencyKey, "POST /structures/" + structureId + "/label-applications",
                body, session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.created(
                        new StructureResponses.ApplicationAccepted(structureId, applicationId, decision.version()),
                        URI.create("/structures/" + structureId))));
    }

    @POST
    @Path("/{structureId}/label-applications/{applicationId}/withdraw")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "withdrawLabelApplication", summary = "Withdraw the place's pending application")
    @APIResponse(responseCode = "200", description = "Application withdrawn",
            content = @Content(schema = @Schema(implementation = StructureResponses.Accepted.class)))
    @APIResponse(responseCode = "404", description = "Unknown place")
    @APIResponse(responseCode = "409", description = "No such pending application")
    public Uni<Response> withdraw(@PathParam("structureId") UUID structureId,
                                  @PathParam("applicationId") UUID applicationId,
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requireParty(Roles.STRUCTURE, structureId);
        var command = new StructureCommand.WithdrawApplication(structureId, applicationId);
        return idempotency.run(caller.actor(), idempotencyKey,
                "POST /structures/" + structureId + "/label-applications/" + applicationId + "/withdraw", Map.of(),
                session -> service.handle(session, command, metadata.events()).map(decision -> Outcome.ok(
                        new StructureResponses.Accepted(structureId, decision.version()))));
    }

    @GET
    @Path("/{structureId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getStructure", summary = "A place, its profile, label and latest application",
            description = "A place reads only its own record.")
    @APIResponse(responseCode = "200", description = "The place",
            content = @Content(schema = @Schema(implementation = StructureResponses.StructureBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown place (or not yet in the read model)")
    public Uni<StructureResponses.StructureBody> get(@PathParam("structureId") UUID structureId) {
        requireOwnOrOverseer(structureId);
        return transactions.read(session -> session.find(StructureView.class, structureId)).chain(view -> {
            if (view == null) {
                throw Refusal.notFound("structure", structureId);
            }
            return profiles.profile(structureId).chain(profile ->
                    labels.latestApplication(structureId).map(application ->
                            new StructureResponses.StructureBody(view.structureId, view.name, view.siret,
                                    view.legalForm, view.street, view.postcode, view.commune, view.departement,
                                    view.latitude, view.longitude, view.labelStatus,
                                    view.conventionReference, view.labelValidFrom, view.labelValidUntil,
                                    view.eventsApplied, profile.orElse(StructureProfile.EMPTY),
                                    application.orElse(null))));
        });
    }

    @GET
    @Path("/{structureId}/history")
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getStructureHistory", summary = "Every event of a place, oldest first",
            description = "Read from the event store itself. A place reads only its own history.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(implementation = StructureResponses.History.class)))
    @APIResponse(responseCode = "404", description = "Unknown place")
    public Uni<StructureResponses.History> history(@PathParam("structureId") UUID structureId) {
        requireOwnOrOverseer(structureId);
        return queries.history(structureId).map(history -> new StructureResponses.History(structureId,
                history.stream().map(e -> new StructureResponses.HistoryEntry(e.type(), e.version(),
                        e.recordedAt(), e.metadata().actor(), e.data())).toList()));
    }

    @GET
    @Path("/{structureId}/labelled-on")
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "isStructureLabelledOn", summary = "Was the place labelled on a given day",
            description = "Answered from the effective dates carried by the labelling topic's events, as any "
                    + "consumer of that topic would answer it.")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(schema = @Schema(implementation = StructureResponses.LabelledOn.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed date")
    @APIResponse(responseCode = "404", description = "Unknown place")
    public Uni<StructureResponses.LabelledOn> labelledOn(
            @PathParam("structureId") UUID structureId,
            @Parameter(description = "Calendar day, Europe/Paris", example = "2027-03-01") @QueryParam("date") String date) {
        requireOwnOrOverseer(structureId);
        LocalDate day = QueryParams.date("date", date);
        return queries.labelledOn(structureId, day).map(answer ->
                new StructureResponses.LabelledOn(structureId, answer.date(), answer.labelled(), answer.labelledAllDay()));
    }

    private void requireOwnOrOverseer(UUID structureId) {
        if (!caller.is(Roles.AGENCY) && !caller.is(Roles.OPERATOR)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
    }
}
