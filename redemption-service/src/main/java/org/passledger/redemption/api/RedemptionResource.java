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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import org.passledger.redemption.application.RedemptionService;
import org.passledger.redemption.application.RedemptionService.RedeemRequest;
import org.passledger.redemption.projection.RedemptionView;

@Path("/redemptions")
@Tag(name = "Redemptions", description = "Vouchers redeemed at labelled places")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role or party not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RedemptionResource {

    private final RedemptionService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public RedemptionResource(RedemptionService service, IdempotentRequests idempotency, Transactions transactions,
                              Caller caller, RequestMetadata metadata) {
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
            + "(idempotency-key-required)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No voucher has this code (unknown-voucher)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Refused by a rule: voucher-cancelled, voucher-not-activated, "
            + "voucher-not-distributed, voucher-already-redeemed, voucher-expired, structure-not-labelled, "
            + "outside-territory, service-not-allowed; or concurrent-modification when another redemption of the "
            + "same voucher got in first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already redeemed", value = """
                            {"type": "https://pass-ledger.org/problems/voucher-already-redeemed",
                             "title": "Refused by a business rule", "status": 409,
                             "detail": "This voucher was already redeemed at 2026-03-14T09:30:12.482Z.",
                             "code": "voucher-already-redeemed"}""")))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> redeem(
            @Parameter(in = ParameterIn.HEADER, name = IdempotentRequests.HEADER, required = true,
                    description = "A key of the client's choosing, one per redemption attempt",
                    example = "c5a1f0de-2b7e-4d8a-9f3c-1e6b0a4d7c21")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid RedemptionRequests.Redeem body) {
        UUID place = caller.partyId();
        var request = new RedeemRequest(UUID.randomUUID(), place, body.code(), body.service().strip(),
                body.sessionReference(), body.staffMember());
        return idempotency.runRequiringKey(caller.actor(), idempotencyKey, "POST /redemptions", body, session ->
                service.redeem(session, request, metadata.events()).map(redeemed -> Outcome.created(
                        RedemptionResponses.Redeemed.of(redeemed),
                        URI.create("/redemptions/" + redeemed.redemptionId()))));
    }

    @GET
    @Path("/{redemptionId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getRedemption", summary = "One redemption, as the read model knows it",
            description = "Readable by the place that redeemed it, the funder of the voucher's programme, the "
                    + "agency and the operator. Another place or funder gets 403.")
    @APIResponse(responseCode = "200", description = "The redemption",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.RedemptionBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown redemption (or not yet in the read model)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RedemptionResponses.RedemptionBody> get(@PathParam("redemptionId") UUID redemptionId) {
        return transactions.read(session -> session.find(RedemptionView.class, redemptionId)).map(view -> {
            if (view == null) {
                throw ProblemException.notFound("redemption", redemptionId);
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
