package org.passledger.settlement.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the settlement API. */
public final class SettlementResponses {

    private SettlementResponses() {
    }

    static final String COMPLETE = "True when settlement had applied every record of the redemption topic that was on "
            + "it when the run was made, so no redemption of the period was left out for being still in flight. "
            + "False when some were still to be applied (or that could not be told): the run went ahead all the same, "
            + "and running the period again later issues what it left out.";
    static final String BEHIND = "Records of the redemption topic not yet applied when the run was made (0 when "
            + "complete); null when the broker or the database could not tell.";

    @Schema(name = "IssuedStatement", description = "A statement issued by a run")
    public record IssuedStatement(UUID statementId, UUID structureId,
                                  @Schema(example = "2026-000042") String statementNumber,
                                  @Schema(example = "3000") long totalCents,
                                  @Schema(example = "3") int lineCount) {
    }

    @Schema(name = "SettlementRunResult", description = "What a run did: one statement per place owed something")
    public record RunResult(UUID runId, @Schema(example = "2026-03") String name, Instant periodStart,
                            Instant periodEnd,
                            @Schema(description = COMPLETE, example = "true") boolean redemptionsComplete,
                            @Schema(description = BEHIND, example = "0") Long redemptionsBehind,
                            List<IssuedStatement> statements) {
    }

    @Schema(name = "StatementSummary")
    public record StatementSummary(UUID statementId, UUID runId, UUID structureId,
                                   @Schema(example = "2026-000042") String statementNumber,
                                   @Schema(example = "3000") long totalCents,
                                   @Schema(example = "3") int lineCount,
                                   @Schema(example = "ISSUED", enumeration = {"ISSUED", "PAID"}) String status,
                                   Instant issuedAt, Instant paidAt, String bankReference) {
    }

    @Schema(name = "SettlementRun", description = "A run and its statements, as the read model knows them")
    public record RunBody(UUID runId, String name, Instant periodStart, Instant periodEnd, Instant openedAt,
                          @Schema(description = COMPLETE + " Null for a run made before this was recorded.",
                                  example = "true") Boolean redemptionsComplete,
                          @Schema(description = BEHIND, example = "0") Long redemptionsBehind,
                          List<StatementSummary> statements) {
    }

    @Schema(name = "StatementLine", description = "One redemption paid back; cites the voucher.redeemed.v1 event")
    public record LineBody(UUID redemptionEventId, UUID redemptionId, UUID voucherId, UUID programmeId,
                           UUID funderId, @Schema(example = "1000") long amountCents) {
    }

    @Schema(name = "Statement", description = "A place's statement, as the read model knows it")
    public record StatementBody(UUID statementId, UUID runId, UUID structureId,
                                @Schema(example = "2026-000042") String statementNumber,
                                @Schema(example = "3000") long totalCents,
                                @Schema(example = "3") int lineCount,
                                @Schema(example = "PAID", enumeration = {"ISSUED", "PAID"}) String status,
                                Instant issuedAt, Instant paidAt, String bankReference,
                                @Schema(description = "Events this read model applied for the statement") int eventsApplied,
                                List<LineBody> lines,
                                @Schema(description = "Deducted from its payments for the place's validated incidents", example = "500")
                                long clawbackCents,
                                @Schema(description = "totalCents (gross) less clawbackCents: what the place is transferred", example = "2500")
                                long netCents) {
    }

    @Schema(name = "PaymentConfirmed", description = "The statement is paid and each of its vouchers reimbursed")
    public record PaymentBody(UUID statementId, String statementNumber, UUID structureId,
                              @Schema(example = "3000") long amountCents, String bankReference, Instant paidAt,
                              @Schema(example = "3") int vouchersReimbursed) {
    }

    @Schema(name = "Reimbursement", description = "A reimbursed voucher, as the read model knows it")
    public record ReimbursementBody(UUID voucherId, UUID redemptionId, UUID statementId, UUID structureId,
                                    UUID programmeId, UUID funderId, @Schema(example = "1000") long amountCents,
                                    Instant reimbursedAt, int eventsApplied) {
    }
}
