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
import java.time.Clock;
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
import org.passledger.settlement.application.RedemptionBacklog;
import org.passledger.settlement.application.SettlementService;
import org.passledger.settlement.domain.SettlementPeriods;
import org.passledger.settlement.domain.SettlementPeriods.Period;
import org.passledger.settlement.domain.SettlementRunCommand.OpenSettlementRun;
import org.passledger.settlement.projection.SettlementRunView;
import org.passledger.settlement.projection.StatementView;

@Path("/settlement-runs")
@Tag(name = "Settlement runs", description = "Reimbursing places for the vouchers they redeemed in a period")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Role not allowed")
public class SettlementRunResource {

    private final SettlementService service;
    private final RedemptionBacklog backlog;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;
    private final Clock clock;

    public SettlementRunResource(SettlementService service, RedemptionBacklog backlog, IdempotentRequests idempotency,
                                 Transactions transactions, Caller caller, RequestMetadata metadata, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.backlog = backlog;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "runSettlement", summary = "Run settlement for a period (operator)",
            description = "Issues one statement per place with redemptions in [periodStart, periodEnd) that are not "
                    + "reversed, not on a statement yet and past the holding period (ledger.settlement.holding-period, "
                    + "unless the operator waived it for the place). Without periodStart and periodEnd, the period "
                    + "is the previous calendar month, from midnight to midnight Europe/Paris. A redemption is never put on two statements: running "
                    + "the same period again issues only what was not paid yet, usually nothing. The run says whether "
                    + "settlement had applied every record of the redemption topic that was on it when the run was "
                    + "made (redemptionsComplete, redemptionsBehind): when not, redemptions of the period may have "
                    + "been left out; the run goes ahead all the same, and the operator decides whether to run the "
                    + "period again once caught up.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "march",
            value = "{\"periodStart\": \"2026-02-28T23:00:00Z\", \"periodEnd\": \"2026-03-31T22:00:00Z\", \"name\": \"2026-03\"}")))
    @APIResponse(responseCode = "201", description = "Run done; the statements it issued (possibly none), and "
            + "whether every redemption on the topic had been applied when it was made",
            content = @Content(schema = @Schema(implementation = SettlementResponses.RunResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a period that does not start before it ends or gives one bound only (invalid-period)")
    @APIResponse(responseCode = "409", description = "The period is not over (period-in-future), or the name is taken (run-name-taken)")
    public Uni<Response> run(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @NotNull @Valid SettlementRequests.OpenRun body) {
        UUID runId = UUID.randomUUID();
        Period period = period(body);
        String name = body.name() != null ? body.name() : "run-" + period.start() + "-" + period.end();
        var events = metadata.events();
        String actor = caller.actor();
        // asked before the run reads the payable redemptions: whatever is applied meanwhile only adds to them
        return backlog.recordsBehind().chain(behind -> {
            var command = new OpenSettlementRun(runId, name, period.start(), period.end(), behind);
            return idempotency.run(actor, idempotencyKey, "POST /settlement-runs", body, session ->
                    service.run(session, command, events).map(result -> Outcome.created(
                            new SettlementResponses.RunResult(result.runId(), result.name(), result.periodStart(),
                                    result.periodEnd(), result.redemptionsComplete(), result.redemptionsBehind(),
                                    result.statements().stream()
                                    .map(s -> new SettlementResponses.IssuedStatement(s.statementId(), s.structureId(),
                                            s.statementNumber(), s.totalCents(), s.lineCount()))
                                    .toList()),
                            URI.create("/settlement-runs/" + runId))));
        });
    }

    /** The period asked for, or by default the previous calendar month in the books' time. */
    private Period period(SettlementRequests.OpenRun body) {
        if (body.periodStart() == null && body.periodEnd() == null) {
            return SettlementPeriods.previousMonth(clock.instant());
        }
        if (body.periodStart() == null || body.periodEnd() == null) {
            throw Refusal.invalid("invalid-period",
                    "Give both periodStart and periodEnd, or neither for the previous calendar month.");
        }
        return new Period(body.periodStart(), body.periodEnd());
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getSettlementRun", summary = "A run and its statements, as the read model knows them")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = SettlementResponses.RunBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown run (or not yet in the read model)")
    public Uni<SettlementResponses.RunBody> get(@PathParam("runId") UUID runId) {
        return transactions.read(session -> session.find(SettlementRunView.class, runId).chain(run -> {
            if (run == null) {
                throw Refusal.notFound("settlement-run", runId);
            }
            return session.createQuery("from StatementView where runId = :runId order by statementNumber",
                            StatementView.class)
                    .setParameter("runId", runId)
                    .getResultList()
                    .map(statements -> new SettlementResponses.RunBody(run.runId, run.name, run.periodStart,
                            run.periodEnd, run.openedAt, run.redemptionsComplete, run.redemptionsBehind,
                            statements.stream().map(Views::summary).toList()));
        }));
    }
}
