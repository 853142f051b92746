package org.passledger.issuance.api;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.issuance.application.ConflictRetry;
import org.passledger.issuance.application.ProgrammeService;
import org.passledger.issuance.domain.Programme;
import org.passledger.issuance.domain.ProgrammeCommand;
import org.passledger.issuance.projection.ProgrammeView;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.problem.Problem;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.web.RequestMetadata;

@Path("/programmes")
@Tag(name = "Programmes", description = "Funders' programmes, their book orders and funding")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role or party not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProgrammeResource {

    private final ProgrammeService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public ProgrammeResource(ProgrammeService service, IdempotentRequests idempotency, Transactions transactions,
                             Caller caller, RequestMetadata metadata) {
        this.service = service;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "openProgramme", summary = "Open a funding programme (funder)",
            description = "The funder is the subject of the token. Every voucher of the programme inherits its terms: "
                    + "face value, territory, validity, allowed services.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (book size, budget, territory, dates...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @NotNull @Valid ProgrammeRequests.Open body) {
        UUID programmeId = UUID.randomUUID();
        var command = new ProgrammeCommand.OpenProgramme(programmeId, caller.partyId(), body.funderName(),
                body.funderType(), body.name(), body.budgetCents(),
                body.faceValueCents() == null ? Programme.DEFAULT_FACE_VALUE_CENTS : body.faceValueCents(),
                body.bookSize(), body.territory(), body.validUntil(), body.acceptedUntil(),
                body.targetPublics() == null ? List.of() : body.targetPublics(),
                body.allowedServices() == null ? List.of() : body.allowedServices(),
                body.feeRateBasisPoints() == null ? Programme.DEFAULT_FEE_RATE_BASIS_POINTS : body.feeRateBasisPoints());
        EventMetadata events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /programmes", body, session ->
                service.open(session, command, events).map(decision -> Outcome.created(
                        new ProgrammeResponses.Accepted(programmeId, decision.version()),
                        URI.create("/programmes/" + programmeId))));
    }

    @POST
    @Path("/{programmeId}/orders")
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "orderBooks", summary = "Order books of vouchers for one's own programme (funder)",
            description = "Prints the books at once and returns every voucher's code in clear: this answer (and its "
                    + "replay under the same Idempotency-Key) is the only place the codes appear. The vouchers stay "
                    + "inactive until the order is funded. The face value of all orders never exceeds the budget.")
    @APIResponse(responseCode = "201", description = "Ordered",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderPlaced.class)))
    @APIResponse(responseCode = "400", description = "Invalid number of books",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "budget-exceeded (with remainingCents), programme-validity-over, "
            + "or concurrent-modification after repeated conflicts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> order(@PathParam("programmeId") UUID programmeId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid ProgrammeRequests.Order body) {
        UUID orderId = UUID.randomUUID();
        var command = new ProgrammeCommand.OrderBooks(programmeId, orderId, caller.partyId(), body.books());
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/orders", body, session ->
                        service.order(session, command, events).map(placed -> Outcome.created(
                                ProgrammeResponses.OrderPlaced.of(placed),
                                URI.create("/programmes/" + programmeId + "/orders/" + orderId)))));
    }

    @POST
    @Path("/{programmeId}/orders/{orderId}/funding")
    @RolesAllowed({Roles.FUNDER, Roles.OPERATOR})
    @Operation(operationId = "confirmFunding", summary = "Record the payment order of an order and activate its vouchers",
            description = "By the funder owning the programme, or by the operator on receipt of the payment order.")
    @APIResponse(responseCode = "200", description = "Funded; the order's vouchers are active",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderFunded.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme or order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "order-already-funded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> fund(@PathParam("programmeId") UUID programmeId, @PathParam("orderId") UUID orderId,
                              @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @NotNull @Valid ProgrammeRequests.Funding body) {
        UUID funderId = caller.is(Roles.FUNDER) ? caller.partyId() : null;
        var command = new ProgrammeCommand.ConfirmFunding(programmeId, orderId, funderId, body.paymentOrderReference());
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/orders/" + orderId + "/funding", body, session ->
                        service.fund(session, command, events).map(funded -> Outcome.ok(
                                ProgrammeResponses.OrderFunded.of(funded)))));
    }

    @GET
    @Path("/{programmeId}/orders/{orderId}")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getOrder", summary = "One book order and whether it is funded")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme or order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProgrammeResponses.OrderBody> getOrder(@PathParam("programmeId") UUID programmeId,
                                                      @PathParam("orderId") UUID orderId) {
        boolean funder = caller.is(Roles.FUNDER);
        UUID partyId = funder ? caller.partyId() : null;
        return transactions.read(session -> service.state(session, programmeId)).map(state -> {
            if (!state.opened()) {
                throw ProblemException.notFound("programme", programmeId);
            }
            if (funder && !state.funderId().equals(partyId)) {
                throw ProblemException.forbidden("This programme belongs to another funder.");
            }
            var order = state.orders().get(orderId);
            if (order == null) {
                throw ProblemException.notFound("order", orderId);
            }
            return ProgrammeResponses.OrderBody.of(programmeId, order);
        });
    }

    @GET
    @Path("/{programmeId}")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getProgramme", summary = "A programme and the life of its vouchers, as the read model knows it",
            description = "A funder sees its own programmes only.")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.ProgrammeBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme (or not yet in the read model)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProgrammeResponses.ProgrammeBody> get(
            @Parameter(description = "The programme") @PathParam("programmeId") UUID programmeId) {
        boolean funder = caller.is(Roles.FUNDER);
        UUID partyId = funder ? caller.partyId() : null;
        return transactions.read(session -> session.find(ProgrammeView.class, programmeId)).map(view -> {
            if (view == null || !view.opened) {
                throw ProblemException.notFound("programme", programmeId);
            }
            if (funder && !partyId.equals(view.funderId)) {
                throw ProblemException.forbidden("This programme belongs to another funder.");
            }
            return ProgrammeResponses.ProgrammeBody.of(view);
        });
    }
}
