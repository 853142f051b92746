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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.problem.Problem;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.application.PaymentBatches;

@Path("/payment-batches")
@Tag(name = "Payment batches", description = "SEPA credit transfer files (pain.001.001.03) paying approved statements")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Role not allowed")
public class PaymentBatchResource {

    public static final String PAIN_001 = "application/xml";

    private final PaymentBatches batches;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;

    public PaymentBatchResource(PaymentBatches batches, IdempotentRequests idempotency, Transactions transactions,
                                Caller caller) {
        this.batches = batches;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "createPaymentBatch", summary = "Batch approved statements into a SEPA file (operator)",
            description = "All or nothing: each statement must be approved, unpaid and in no batch yet, and its "
                    + "place must have a verified account, whose IBAN, BIC and holder are copied into the "
                    + "statement's payment instruction. The pain.001.001.03 file is validated before it is kept.")
    @APIResponse(responseCode = "201", description = "The batch; its file is at /payment-batches/{batchId}/pain.001",
            content = @Content(schema = @Schema(implementation = BatchResponses.BatchBody.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an execution date in the past (execution-date-in-past)")
    @APIResponse(responseCode = "409", description = "statement-not-approved, statement-already-paid, statement-already-batched, no-verified-account, or nothing-to-transfer (entirely clawed back)")
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid BatchResponses.CreateBatch body) {
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "POST /payment-batches", body, session ->
                batches.create(session, body.statementIds(), body.requestedExecutionDate(), actor)
                        .map(batch -> Outcome.created(BatchResponses.batch(batch),
                                URI.create("/payment-batches/" + batch.batchId()))));
    }

    @GET
    @Path("/{batchId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getPaymentBatch", summary = "A payment batch and its transfers")
    @APIResponse(responseCode = "200", description = "The batch",
            content = @Content(schema = @Schema(implementation = BatchResponses.BatchBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown batch")
    public Uni<BatchResponses.BatchBody> get(@PathParam("batchId") UUID batchId) {
        return transactions.read(session -> batches.find(session, batchId)).map(batch -> {
            if (batch == null) {
                throw Refusal.notFound("payment-batch", batchId);
            }
            return BatchResponses.batch(batch);
        });
    }

    @GET
    @Path("/{batchId}/pain.001")
    @Produces({PAIN_001, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getPaymentBatchFile", summary = "The batch's SEPA credit transfer file (pain.001.001.03)")
    @APIResponse(responseCode = "200", description = "The XML file, as kept",
            content = @Content(mediaType = PAIN_001, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown batch")
    public Uni<Response> file(@PathParam("batchId") UUID batchId) {
        return transactions.read(session -> batches.document(session, batchId)).map(document -> {
            if (document == null) {
                throw Refusal.notFound("payment-batch", batchId);
            }
            return Response.ok(document, PAIN_001)
                    .header("Content-Disposition", "attachment; filename=\"pain.001-" + batchId + ".xml\"")
                    .build();
        });
    }
}
