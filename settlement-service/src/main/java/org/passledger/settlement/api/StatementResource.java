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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.problem.Problem;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.web.RequestMetadata;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.passledger.settlement.application.PaymentBatches;
import org.passledger.settlement.document.StatementDocuments;
import org.passledger.settlement.domain.StatementState;
import org.passledger.settlement.application.PaymentInstructions;
import org.passledger.settlement.application.SettlementService;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.projection.StatementLineView;
import org.passledger.settlement.projection.StatementView;

@Path("/statements")
@Tag(name = "Statements", description = "What each place is owed, and its payment")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv";

    private final SettlementService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;
    private final PaymentInstructions instructions;
    private final PaymentBatches batches;

    public StatementResource(SettlementService service, IdempotentRequests idempotency, Transactions transactions,
                             Caller caller, RequestMetadata metadata, PaymentInstructions instructions,
                             PaymentBatches batches) {
        this.batches = batches;
        this.instructions = instructions;
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
                    + "voucher already reimbursed makes the whole confirmation fail, so no voucher is paid twice. "
                    + "The place must have a verified payout account, whose IBAN and holder are copied into the "
                    + "statement's payment instruction (unless a payment batch instructed it already). The amount "
                    + "is what the statement is owed less the clawbacks for the place's validated incidents (each "
                    + "appended as settlement.clawback-applied.v1); paid again after a bank rejection, the statement "
                    + "reimburses no voucher a second time.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "transfer",
            value = "{\"bankReference\": \"SEPA-2026-04-02-000731\"}")))
    @APIResponse(responseCode = "200", description = "Paid; its vouchers are reimbursed",
            content = @Content(schema = @Schema(implementation = SettlementResponses.PaymentBody.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown statement")
    @APIResponse(responseCode = "409", description = "Already paid (statement-already-paid), a voucher already reimbursed (voucher-already-reimbursed), or the place has no verified payout account (no-verified-account)")
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
    @APIResponse(responseCode = "404", description = "Unknown statement (or not yet in the read model)")
    public Uni<SettlementResponses.StatementBody> get(@PathParam("statementId") UUID statementId) {
        UUID place = caller.is(Roles.STRUCTURE) ? caller.partyId() : null;
        return transactions.read(session -> session.find(StatementView.class, statementId).chain(view -> {
            if (view == null) {
                throw Refusal.notFound("statement", statementId);
            }
            if (place != null && !place.equals(view.structureId)) {
                throw Refusal.forbidden("This statement belongs to another place.");
            }
            return session.createQuery("from StatementLineView where statementId = :statementId order by redemptionId",
                            StatementLineView.class)
                    .setParameter("statementId", statementId)
                    .getResultList()
                    .map(lines -> Views.statement(view, lines));
        }));
    }

    @GET
    @Path("/{statementId}/payment-instruction")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getPaymentInstruction", summary = "What the statement is (or was) paid to",
            description = "The IBAN, BIC and holder copied from the place's verified account when the payment was "
                    + "instructed: a later change of account never alters it. A place sees its own only.")
    @APIResponse(responseCode = "200", description = "The instruction",
            content = @Content(schema = @Schema(implementation = AccountResponses.InstructionBody.class)))
    @APIResponse(responseCode = "404", description = "No payment instructed for this statement (yet)")
    public Uni<AccountResponses.InstructionBody> instruction(@PathParam("statementId") UUID statementId) {
        UUID place = caller.is(Roles.STRUCTURE) ? caller.partyId() : null;
        return transactions.read(session -> instructions.find(session, statementId)).map(instruction -> {
            if (instruction == null) {
                throw Refusal.notFound("payment-instruction", statementId);
            }
            if (place != null && !place.equals(instruction.structureId())) {
                throw Refusal.forbidden("This statement belongs to another place.");
            }
            return AccountResponses.instruction(instruction);
        });
    }

    @POST
    @Path("/{statementId}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "approveStatement", summary = "Approve an issued statement for payment (operator)",
            description = "Only approved statements go into a payment batch. A statement is approved once.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = BatchResponses.ApprovalBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown statement")
    @APIResponse(responseCode = "409", description = "Approved already (statement-already-approved), or paid already (statement-already-paid)")
    public Uni<Response> approve(@PathParam("statementId") UUID statementId,
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "POST /statements/" + statementId + "/approval", null,
                session -> batches.approve(session, statementId, actor).map(a -> Outcome.ok(
                        new BatchResponses.ApprovalBody(a.statementId(), a.structureId(), a.statementNumber(),
                                a.totalCents(), a.approvedBy(), a.approvedAt()))));
    }

    @GET
    @Path("/{statementId}/statement.pdf")
    @Produces({PDF, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getStatementPdf", summary = "The statement as a PDF for the place",
            description = "Written from the statement's own lines; its total is the statement's to the cent. A place "
                    + "gets its own statements only.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown statement")
    public Uni<Response> pdf(@PathParam("statementId") UUID statementId) {
        return sheet(statementId).map(sheet -> Response.ok(StatementDocuments.pdf(sheet), PDF)
                .header("Content-Disposition", "attachment; filename=\"releve-" + sheet.statementNumber() + ".pdf\"")
                .build());
    }

    @GET
    @Path("/{statementId}/statement.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getStatementCsv", summary = "The statement's lines as CSV (RFC 4180, UTF-8)",
            description = "One row per line, amounts in cents and in euros. A place gets its own statements only.")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown statement")
    public Uni<Response> csv(@PathParam("statementId") UUID statementId) {
        return sheet(statementId).map(sheet -> Response.ok(StatementDocuments.csv(sheet), CSV)
                .header("Content-Disposition", "attachment; filename=\"releve-" + sheet.statementNumber() + ".csv\"")
                .build());
    }

    /** The statement from its own stream (not the read model), with its payee once instructed. */
    private Uni<StatementDocuments.StatementSheet> sheet(UUID statementId) {
        UUID place = caller.is(Roles.STRUCTURE) ? caller.partyId() : null;
        return transactions.read(session -> service.statement(session, statementId)
                .chain(state -> instructions.find(session, statementId).map(instruction -> {
                    if (state.status() == StatementState.Status.NONE) {
                        throw Refusal.notFound("statement", statementId);
                    }
                    if (place != null && !place.equals(state.structureId())) {
                        throw Refusal.forbidden("This statement belongs to another place.");
                    }
                    return new StatementDocuments.StatementSheet(statementId, state.statementNumber(),
                            state.structureId(), state.status().name(), state.issuedAt(), state.paidAt(),
                            state.bankReference(), instruction == null ? null : instruction.holderName(),
                            instruction == null ? null : instruction.iban(), state.totalCents(), state.lines());
                })));
    }

    @POST
    @Path("/{statementId}/payment-rejection")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "rejectStatementPayment", summary = "Record the bank's rejection of a transfer (operator)",
            description = "Appends settlement.payment-rejected.v1. The instruction is voided (kept on record), the "
                    + "account it named is refused, and the statement is unpaid and approved, to be paid on the "
                    + "place's next verified account. After a confirmed payment (afterConfirmation true) the amount "
                    + "transferred is owed again; the vouchers stay reimbursed once.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = BatchResponses.RejectionBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown statement")
    @APIResponse(responseCode = "409", description = "Nothing instructed (payment-not-instructed)")
    public Uni<Response> reject(@PathParam("statementId") UUID statementId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid BatchResponses.RejectionRequest body) {
        String actor = caller.actor();
        var events = metadata.events();
        return idempotency.run(actor, idempotencyKey, "POST /statements/" + statementId + "/payment-rejection", body,
                session -> batches.reject(session, statementId, body.reason(), actor, events).map(r -> Outcome.ok(
                        new BatchResponses.RejectionBody(r.rejectionId(), r.statementId(), r.statementNumber(),
                                r.structureId(), r.accountId(), r.amountCents(), r.batchId(), r.reason(),
                                r.rejectedBy(), r.rejectedAt(), r.afterConfirmation()))));
    }
}
