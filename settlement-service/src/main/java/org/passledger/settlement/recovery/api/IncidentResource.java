package org.passledger.settlement.recovery.api;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.settlement.recovery.Incidents;

@Path("/incidents")
@Tag(name = "Incidents", description = "Overpayments and frauds on reimbursed vouchers, recovered from payouts or by debit note")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final Incidents incidents;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public IncidentResource(Incidents incidents, IdempotentRequests idempotency, Transactions transactions,
                            Caller caller, RequestMetadata metadata) {
        this.incidents = incidents;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "openIncident", summary = "Open an incident against vouchers reimbursed to a place (operator)",
            description = "Appends settlement.incident-opened.v1. Each voucher must have been reimbursed to that place; "
                    + "the amount is at most what the place was reimbursed for them. Nothing is owed until validated.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "overpayment", value = """
            {"structureId": "5f0c2a1e-8d7b-4c1a-9e3f-2b6d4a8c0e11", "kind": "overpayment",
             "voucherIds": ["0b7e8d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e"], "amountCents": 1500,
             "description": "Workshop billed twice"}""")))
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = Incidents.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (validation-failed, invalid-incident-kind, invalid-voucher-list)")
    @APIResponse(responseCode = "409", description = "A voucher not reimbursed to the place (voucher-not-reimbursed-to-place), or an amount above what they were reimbursed (incident-amount-too-high)")
    public Uni<Response> open(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @NotNull @Valid IncidentRequests.Open body) {
        String actor = caller.actor();
        var events = metadata.events();
        return idempotency.run(actor, idempotencyKey, "POST /incidents", body, session ->
                incidents.open(session, body.structureId(), body.kind(), body.voucherIds(), body.amountCents(),
                                body.description(), actor, events)
                        .map(view -> Outcome.created(view, URI.create("/incidents/" + view.incidentId()))));
    }

    @POST
    @Path("/{incidentId}/validation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "validateIncident", summary = "Validate an open incident (operator)",
            description = "Appends settlement.incident-validated.v1: the place owes the amount, deducted from its next "
                    + "payouts (oldest incident first), or claimed by debit note after 90 days without payout.")
    @APIResponse(responseCode = "200", description = "Validated",
            content = @Content(schema = @Schema(implementation = Incidents.View.class)))
    @APIResponse(responseCode = "404", description = "Unknown incident")
    @APIResponse(responseCode = "409", description = "Not open (incident-not-open)")
    public Uni<Response> validate(@PathParam("incidentId") UUID incidentId,
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        var events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /incidents/" + incidentId + "/validation", null,
                session -> incidents.validate(session, incidentId, events).map(Outcome::ok));
    }

    @POST
    @Path("/{incidentId}/dismissal")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "dismissIncident", summary = "Dismiss an open incident (operator)",
            description = "Appends settlement.incident-dismissed.v1: nothing is owed.")
    @APIResponse(responseCode = "200", description = "Dismissed",
            content = @Content(schema = @Schema(implementation = Incidents.View.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "Unknown incident")
    @APIResponse(responseCode = "409", description = "Not open (incident-not-open)")
    public Uni<Response> dismiss(@PathParam("incidentId") UUID incidentId,
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @NotNull @Valid IncidentRequests.Dismissal body) {
        var events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /incidents/" + incidentId + "/dismissal", body,
                session -> incidents.dismiss(session, incidentId, body.reason(), events).map(Outcome::ok));
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getIncident", summary = "An incident, its clawbacks and debit notes",
            description = "A place sees its own incidents only.")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(schema = @Schema(implementation = Incidents.View.class)))
    @APIResponse(responseCode = "404", description = "Unknown incident")
    public Uni<Incidents.View> get(@PathParam("incidentId") UUID incidentId) {
        UUID place = caller.is(Roles.STRUCTURE) ? caller.partyId() : null;
        return transactions.read(session -> incidents.find(session, incidentId)).map(view -> {
            if (view == null) {
                throw Refusal.notFound("incident", incidentId);
            }
            if (place != null && !place.equals(view.structureId())) {
                throw Refusal.forbidden("This incident concerns another place.");
            }
            return view;
        });
    }
}
