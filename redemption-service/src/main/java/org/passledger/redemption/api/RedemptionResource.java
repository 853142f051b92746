package org.passledger.redemption.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import org.passledger.redemption.application.RedemptionService;
import org.passledger.redemption.application.RedemptionService.RedeemRequest;
import org.passledger.redemption.application.RedemptionService.ReverseRequest;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.redemption.projection.RedemptionView;

@Path("/redemptions")
@Tag(name = "Redemptions", description = "Vouchers redeemed at labelled places")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RedemptionResource {

    private final RedemptionService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;
    private final BulkRedemptions bulk;
    private final CounterRedemptions counter;

    public RedemptionResource(RedemptionService service, IdempotentRequests idempotency, Transactions transactions,
                              Caller caller, RequestMetadata metadata, BulkRedemptions bulk,
                              CounterRedemptions counter) {
        this.bulk = bulk;
        this.counter = counter;
        this.service = service;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "redeemVoucher", summary = "Redeem a voucher at the calling place",
            description = "The redeeming place is the subject of the token. The Idempotency-Key is mandatory: "
                    + "the same key and body give the first answer again (header Idempotency-Replayed: true), "
                    + "the same key with another body is refused. Of concurrent redemptions of one voucher, "
                    + "exactly one succeeds.")
    @APIResponse(responseCode = "201", description = "Redeemed",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.Redeemed.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or no Idempotency-Key "
            + "(idempotency-key-required)")
    @APIResponse(responseCode = "404", description = "No voucher has this code (unknown-voucher), and this "
            + "service has applied every issuance event published so far")
    @APIResponse(responseCode = "429", description = "Too many unknown codes from this place "
            + "(too-many-unknown-codes); header Retry-After")
    @APIResponse(responseCode = "409", description = "voucher-not-yet-known (retryable, header Retry-After: "
            + "issuance events are still being applied); or refused by a rule: voucher-cancelled, voucher-not-activated, "
            + "voucher-not-distributed, voucher-already-redeemed, voucher-expired, structure-not-labelled, "
            + "outside-territory, service-not-allowed; or concurrent-modification when another redemption of the "
            + "same voucher got in first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already redeemed", value = """
                            {"type": "https://pass-ledger.org/problems/voucher-already-redeemed",
                             "title": "Refused by a business rule", "status": 409,
                             "detail": "This voucher was already redeemed at 2026-03-14T09:30:12.482Z.",
                             "code": "voucher-already-redeemed"}""")))
    public Uni<Response> redeem(
            @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = true,
                    description = "A key of the client's choosing, one per redemption attempt",
                    example = "c5a1f0de-2b7e-4d8a-9f3c-1e6b0a4d7c21")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid RedemptionRequests.Redeem body) {
        UUID place = caller.partyId();
        var request = new RedeemRequest(UUID.randomUUID(), place, body.code(), body.service().strip(),
                body.sessionReference(), body.staffMember());
        String actor = caller.actor();
        EventMetadata events = metadata.events();
        return service.guarded(place, () -> counter.redeem(actor, idempotencyKey, body, request, events));
    }

    @POST
    @Path("/validations")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "validateVoucher", summary = "Could this code be redeemed here and now?",
            description = "Checks the very rules of a redemption, on the same facts, for the calling place, and "
                    + "writes nothing (no Idempotency-Key needed). Answers 200 with redeemable=true and code "
                    + "\"ok\", or redeemable=false and the refusal code a redemption would get (unknown-voucher, "
                    + "voucher-not-yet-known with retryAfterSeconds, voucher-cancelled, ...). Unknown codes count "
                    + "towards code-guessing throttling like redemptions do.")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.Validation.class),
                    examples = @ExampleObject(name = "not distributed", value = """
                            {"redeemable": false, "code": "voucher-not-distributed",
                             "detail": "This voucher was never handed to a beneficiary."}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "429", description = "Too many unknown codes from this place "
            + "(too-many-unknown-codes); header Retry-After")
    public Uni<RedemptionResponses.Validation> validate(@NotNull @Valid RedemptionRequests.Validate body) {
        UUID place = caller.partyId();
        var request = new RedeemRequest(UUID.randomUUID(), place, body.code(), body.service().strip(), null, null);
        return service.guarded(place, () -> transactions.read(session -> service.validate(session, request)))
                .map(wouldRecord -> new RedemptionResponses.Validation(true, "ok", null,
                        wouldRecord.faceValueCents(), null))
                .onFailure(RedemptionResource::answersAValidation).recoverWithItem(failure -> {
                    Refusal problem = (Refusal) failure;
                    return new RedemptionResponses.Validation(false, problem.code(), problem.getMessage(), null,
                            problem.retryAfterSeconds().orElse(null));
                });
    }

    /** Rule refusals are the validation's answer; throttling (429) and faults stay errors. */
    private static boolean answersAValidation(Throwable failure) {
        return failure instanceof Refusal problem && problem.kind() != Refusal.Kind.TOO_MANY_ATTEMPTS
                && problem.kind() != Refusal.Kind.INVALID && problem.kind() != Refusal.Kind.FORBIDDEN;
    }

    @POST
    @Path("/bulk")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "redeemVouchersInBulk", summary = "Redeem a list of vouchers, each line on its own",
            description = "A JSON array of redemptions (at most " + BulkRedemptions.MAX_LINES + "). Each line is "
                    + "redeemed in its own transaction, in order, under the key <Idempotency-Key>#<line index>: "
                    + "a bad line never blocks a good one, and sending the same upload again with the same key "
                    + "gives each redeemed line its first answer instead of redeeming it twice.")
    @APIResponse(responseCode = "200", description = "One result per line",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.BulkResult.class)))
    @APIResponse(responseCode = "400", description = "No lines or too many (too-many-lines), no Idempotency-Key; "
            + "an invalid line is refused on its own (validation-failed) and does not stop the others")
    public Uni<RedemptionResponses.BulkResult> bulk(
            @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = true,
                    description = "A key for the whole upload; line i uses <key>#i")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull List<RedemptionRequests.Redeem> lines) {
        return bulk.redeem(caller.partyId(), caller.actor(), metadata.events(), idempotencyKey, lines);
    }

    @POST
    @Path("/bulk/csv")
    @Consumes("text/csv")
    @RolesAllowed(Roles.STRUCTURE)
    @Operation(operationId = "redeemVouchersInBulkCsv", summary = "Redeem a CSV list of vouchers, each line on its own",
            description = "The same as the JSON upload, from CSV with the header line "
                    + "code,service,sessionReference,staffMember (the last two may be empty). Line indexes count "
                    + "data lines from 0.")
    @APIResponse(responseCode = "200", description = "One result per line",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.BulkResult.class)))
    @APIResponse(responseCode = "400", description = "Unreadable CSV (malformed-csv), invalid lines, no key")
    public Uni<RedemptionResponses.BulkResult> bulkCsv(
            @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = true,
                    description = "A key for the whole upload; line i uses <key>#i")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, String csv) {
        return bulk.redeem(caller.partyId(), caller.actor(), metadata.events(), idempotencyKey,
                BulkRedemptions.parseCsv(csv));
    }

    @POST
    @Path("/{redemptionId}/reversal")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR})
    @Operation(operationId = "reverseRedemption", summary = "Reverse a mistaken redemption",
            description = "The place that redeemed may reverse within 24 hours of the redemption; the operator "
                    + "at any time, with a reason; nobody once settlement reimbursed it. Appends "
                    + "voucher.redemption-reversed.v1 to the voucher's stream; the voucher can be redeemed again. "
                    + "An Idempotency-Key is optional: with one, a retry gets the first answer.")
    @APIResponse(responseCode = "200", description = "Reversed",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.Reversed.class)))
    @APIResponse(responseCode = "400", description = "The operator gave no reason (reversal-reason-required)")
    @APIResponse(responseCode = "404", description = "Unknown redemption (or not yet in the read model)")
    @APIResponse(responseCode = "409", description = "redemption-already-reimbursed, redemption-already-reversed, "
            + "reversal-window-closed (the place, after 24 hours), concurrent-modification")
    public Uni<Response> reverse(
            @PathParam("redemptionId") UUID redemptionId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER,
                    description = "Optional: with it, a retried reversal gets the first answer")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid RedemptionRequests.Reverse body) {
        boolean byOperator = caller.is(Roles.OPERATOR);
        UUID place = byOperator ? null : caller.partyId();
        String actor = caller.actor();
        var request = new ReverseRequest(redemptionId, byOperator, place, actor, body == null ? null : body.reason());
        EventMetadata events = metadata.events();
        return idempotency.run(actor, idempotencyKey, "POST /redemptions/" + redemptionId + "/reversal",
                body == null ? new RedemptionRequests.Reverse(null) : body, session ->
                        service.reverse(session, request, events).map(reversed ->
                                Outcome.ok(RedemptionResponses.Reversed.of(reversed))));
    }

    @GET
    @Path("/{redemptionId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getRedemption", summary = "One redemption, as the read model knows it",
            description = "Readable by the place that redeemed it, the funder of the voucher's programme, the "
                    + "agency and the operator. Another place or funder gets 403.")
    @APIResponse(responseCode = "200", description = "The redemption",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.RedemptionBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown redemption (or not yet in the read model)")
    public Uni<RedemptionResponses.RedemptionBody> get(@PathParam("redemptionId") UUID redemptionId) {
        return transactions.read(session -> session.find(RedemptionView.class, redemptionId)).map(view -> {
            if (view == null) {
                throw Refusal.notFound("redemption", redemptionId);
            }
            if (caller.is(Roles.STRUCTURE)) {
                caller.requireParty(Roles.STRUCTURE, view.structureId);
            } else if (caller.is(Roles.FUNDER)) {
                caller.requireParty(Roles.FUNDER, view.funderId);
            }
            return RedemptionResponses.RedemptionBody.of(view);
        });
    }
}
