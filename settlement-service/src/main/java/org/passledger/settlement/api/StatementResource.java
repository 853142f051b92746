package org.passledger.settlement.api;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.problem.Problem;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.settlement.application.SettlementService;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.projection.StatementLineView;
import org.passledger.settlement.projection.StatementView;

@Path("/statements")
@Tag(name = "Statements", description = "What each place is owed, and its payment")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role or party not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatementResource {

    private final SettlementService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public StatementResource(SettlementService service, IdempotentRequests idempotency, Transactions transactions,
                             Caller caller, RequestMetadata metadata) {
        this.service = service;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @Path("/{statementId}/payment-confirmation")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "confirmStatementPayment", summary = "Confirm the bank transfer of a statement (operator)",
            description = "Records the payment and reimburses every voucher of the statement, all or nothing: a "
                    + "voucher already reimbursed makes the whole confirmation fail, so no voucher is paid twice.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "transfer",
            value = "{\"bankReference\": \"SEPA-2026-04-02-000731\"}")))
    @APIResponse(responseCode = "200", description = "Paid; its vouchers are reimbursed",
            content = @Content(schema = @Schema(implementation = SettlementResponses.PaymentBody.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown statement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already paid (statement-already-paid), or a voucher already reimbursed (voucher-already-reimbursed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> confirmPayment(@PathParam("statementId") UUID statementId,
                                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                        @NotNull @Valid SettlementRequests.ConfirmPayment body) {
        var command = new ConfirmPayment(statementId, body.bankReference());
        var events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey,
                "POST /statements/" + statementId + "/payment-confirmation", body, session ->
                        service.confirmPayment(session, command, events).map(paid -> Outcome.ok(
                                new SettlementResponses.PaymentBody(paid.statementId(), paid.statementNumber(),
                                        paid.structureId(), paid.amountCents(), paid.bankReference(), paid.paidAt(),
                                        paid.vouchersReimbursed()))));
    }

    @GET
    @Path("/{statementId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getStatement", summary = "A statement with its lines, as the read model knows it",
            description = "A place sees its own statements only.")
    @APIResponse(responseCode = "200", description = "The statement",
            content = @Content(schema = @Schema(implementation = SettlementResponses.StatementBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown statement (or not yet in the read model)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SettlementResponses.StatementBody> get(@PathParam("statementId") UUID statementId) {
        UUID place = caller.is(Roles.STRUCTURE) ? caller.partyId() : null;
        return transactions.read(session -> session.find(StatementView.class, statementId).chain(view -> {
            if (view == null) {
                throw ProblemException.notFound("statement", statementId);
            }
            if (place != null && !place.equals(view.structureId)) {
                throw ProblemException.forbidden("This statement belongs to another place.");
            }
            return session.createQuery("from StatementLineView where statementId = :statementId order by redemptionId",
                            StatementLineView.class)
                    .setParameter("statementId", statementId)
                    .getResultList()
                    .map(lines -> Views.statement(view, lines));
        }));
    }
}
