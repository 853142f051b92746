package org.passledger.settlement.api;

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
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.application.PayoutAccounts;
import org.passledger.settlement.application.PayoutAccounts.AccountRecord;

@Path("/")
@Tag(name = "Payout accounts", description = "The bank accounts places are paid on, verified by the operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PayoutAccountResource {

    private final PayoutAccounts accounts;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;

    public PayoutAccountResource(PayoutAccounts accounts, IdempotentRequests idempotency, Transactions transactions,
                                 Caller caller) {
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
    }

    @PUT
    @Path("structures/{structureId}/payout-account")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR})
    @Operation(operationId = "registerPayoutAccount", summary = "Register the account a place is paid on",
            description = "The account is pending until the operator verifies it. New details make a new account, "
                    + "pending again, and close the one it replaces; the same details again change nothing. A place "
                    + "registers its own account only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "association",
            value = "{\"iban\": \"FR76 3000 6000 0112 3456 7890 189\", \"bic\": \"AGRIFRPPXXX\", \"holderName\": \"Association Connect & vous\"}")))
    @APIResponse(responseCode = "201", description = "The place's current account (pending if new)",
            content = @Content(schema = @Schema(implementation = AccountResponses.AccountBody.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an IBAN failing its check (invalid-iban)")
    public Uni<Response> register(@PathParam("structureId") UUID structureId,
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                  @NotNull @Valid AccountRequests.Register body) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "PUT /structures/" + structureId + "/payout-account", body,
                session -> accounts.register(session, structureId, body.iban(), body.bic(), body.holderName(), actor)
                        .chain(account -> accounts.find(session, account.accountId()))
                        .map(record -> Outcome.created(AccountResponses.account(record),
                                URI.create("/payout-accounts/" + record.account().accountId()))));
    }

    @GET
    @Path("structures/{structureId}/payout-account")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getPayoutAccount", summary = "A place's current account and its status history",
            description = "The open (pending or verified) account if any, else the latest one.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = AccountResponses.AccountBody.class)))
    @APIResponse(responseCode = "404", description = "The place never registered an account")
    public Uni<AccountResponses.AccountBody> current(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> accounts.latest(session, structureId)).map(record -> {
            if (record == null) {
                throw Refusal.notFound("payout-account", structureId);
            }
            return AccountResponses.account(record);
        });
    }

    @GET
    @Path("payout-accounts/{accountId}")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getPayoutAccountById", summary = "One account and its status history")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = AccountResponses.AccountBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown account")
    public Uni<AccountResponses.AccountBody> get(@PathParam("accountId") UUID accountId) {
        return transactions.read(session -> owned(session, accountId)).map(AccountResponses::account);
    }

    @POST
    @Path("payout-accounts/{accountId}/verification")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "verifyPayoutAccount", summary = "Verify a pending account with the bank (operator)")
    @APIResponse(responseCode = "200", description = "Verified: the place can be paid on it",
            content = @Content(schema = @Schema(implementation = AccountResponses.AccountBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown account")
    @APIResponse(responseCode = "409", description = "Not pending (account-not-pending)")
    public Uni<Response> verify(@PathParam("accountId") UUID accountId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid AccountRequests.Decision body) {
        String reason = body == null || body.reason() == null ? "bank check passed" : body.reason();
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "POST /payout-accounts/" + accountId + "/verification", body,
                session -> accounts.verify(session, accountId, actor, reason)
                        .chain(account -> accounts.find(session, accountId))
                        .map(record -> Outcome.ok(AccountResponses.account(record))));
    }

    @POST
    @Path("payout-accounts/{accountId}/refusal")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "refusePayoutAccount", summary = "Refuse an account (operator)",
            description = "The bank check failed or a transfer was rejected: nothing is paid on it any more.")
    @APIResponse(responseCode = "200", description = "Refused",
            content = @Content(schema = @Schema(implementation = AccountResponses.AccountBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown account")
    @APIResponse(responseCode = "409", description = "Refused or closed already (account-not-open)")
    public Uni<Response> refuse(@PathParam("accountId") UUID accountId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid AccountRequests.Refusal body) {
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "POST /payout-accounts/" + accountId + "/refusal", body,
                session -> accounts.refuse(session, accountId, actor, body.reason())
                        .chain(account -> accounts.find(session, accountId))
                        .map(record -> Outcome.ok(AccountResponses.account(record))));
    }

    @POST
    @Path("payout-accounts/{accountId}/closure")
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR})
    @Operation(operationId = "closePayoutAccount", summary = "Close an account (its place, or the operator)")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = AccountResponses.AccountBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown account")
    @APIResponse(responseCode = "409", description = "Closed already (account-closed)")
    public Uni<Response> close(@PathParam("accountId") UUID accountId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @Valid AccountRequests.Decision body) {
        String reason = body == null || body.reason() == null ? "closed" : body.reason();
        String actor = caller.actor();
        return idempotency.run(actor, idempotencyKey, "POST /payout-accounts/" + accountId + "/closure", body,
                session -> owned(session, accountId)
                        .chain(ignored -> accounts.close(session, accountId, actor, reason))
                        .chain(account -> accounts.find(session, accountId))
                        .map(record -> Outcome.ok(AccountResponses.account(record))));
    }

    /** The account, if it exists and the caller may see it. */
    private Uni<AccountRecord> owned(Mutiny.Session session, UUID accountId) {
        UUID place = caller.is(Roles.STRUCTURE) ? caller.partyId() : null;
        return accounts.find(session, accountId).map(record -> {
            if (record == null) {
                throw Refusal.notFound("payout-account", accountId);
            }
            if (place != null && !place.equals(record.account().structureId())) {
                throw Refusal.forbidden("This account belongs to another place.");
            }
            return record;
        });
    }
}
