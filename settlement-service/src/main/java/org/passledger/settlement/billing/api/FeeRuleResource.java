package org.passledger.settlement.billing.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.settlement.billing.FeeRules;
import org.passledger.settlement.billing.FeeRules.FeeRule;

@Path("/fee-rules")
@Tag(name = "Fee rules", description = "The operator's fee on orders, versioned by validity; rules never change")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Role not allowed")
public class FeeRuleResource {

    @Schema(name = "PublishFeeRule")
    public record PublishRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
            @Schema(description = "The rule's own id, never reused", example = "default-2026") String feeRuleId,
            @Schema(description = "The programme the rule is for; omitted for the scheme-wide default")
            UUID programmeId,
            @NotNull @Min(0) @Max(10_000)
            @Schema(description = "Rate of the face value in basis points (400 = 4 %)", example = "400")
            Integer rateBasisPoints,
            @NotNull @Schema(description = "First day in force (Europe/Paris)", example = "2026-01-01")
            LocalDate validFrom,
            @Schema(description = "Last day in force, inclusive; omitted: open-ended", example = "2026-12-31")
            LocalDate validUntil) {
    }

    private final FeeRules rules;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public FeeRuleResource(FeeRules rules, IdempotentRequests idempotency, Transactions transactions, Caller caller,
                           RequestMetadata metadata) {
        this.rules = rules;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "publishFeeRule", summary = "Publish a fee rule (operator)",
            description = "Appends settlement.fee-rule-published.v1 (stream = feeRuleId). Within one scope (a "
                    + "programme, or the default) validity periods never overlap; on an order's day the "
                    + "programme's rule comes before the default.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "default",
            value = "{\"feeRuleId\": \"default-2026\", \"rateBasisPoints\": 400, \"validFrom\": \"2026-01-01\", "
                    + "\"validUntil\": \"2026-12-31\"}")))
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = FeeRule.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, rate outside 0..10000 (validation-failed), "
            + "validUntil before validFrom (invalid-period)")
    @APIResponse(responseCode = "409", description = "Id used already (fee-rule-exists), validity overlapping "
            + "another rule of the same scope (fee-rule-overlaps)")
    public Uni<Response> publish(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @NotNull @Valid PublishRequest body) {
        var command = new FeeRules.Publish(body.feeRuleId(), body.programmeId(), body.rateBasisPoints(),
                body.validFrom(), body.validUntil());
        var events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /fee-rules", body,
                session -> rules.publish(session, command, events)
                        .map(rule -> Outcome.created(rule, URI.create("/fee-rules"))));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY, Roles.FUNDER})
    @Operation(operationId = "listFeeRules", summary = "Every published fee rule, defaults first, by validity")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(schema = @Schema(implementation = FeeRule.class, type = SchemaType.ARRAY)))
    public Uni<List<FeeRule>> list() {
        return transactions.read(rules::list);
    }
}
