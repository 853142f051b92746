package org.passledger.redemption.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.redemption.projection.RedemptionView;

/** Response bodies of the redemption API. */
public final class RedemptionResponses {

    private RedemptionResponses() {
    }

    @Schema(name = "Redeemed", description = "The voucher was redeemed; the place will be reimbursed its face value")
    public record Redeemed(UUID redemptionId, UUID voucherId, UUID structureId,
                           @Schema(example = "atelier-collectif") String service,
                           @Schema(description = "Face value, in euro cents", example = "1000") long amountCents,
                           @Schema(example = "2026-03-14T09:30:12.482Z") Instant redeemedAt) {

        static Redeemed of(VoucherRedeemed event) {
            return new Redeemed(event.redemptionId(), event.voucherId(), event.structureId(), event.service(),
                    event.faceValueCents(), event.redeemedAt());
        }
    }

    @Schema(name = "Redemption", description = "A redemption as the read model knows it")
    public record RedemptionBody(UUID redemptionId, UUID voucherId, UUID structureId, UUID programmeId, UUID funderId,
                                 @Schema(example = "30") String departement,
                                 @Schema(example = "atelier-collectif") String service,
                                 @Schema(description = "Face value, in euro cents", example = "1000") long amountCents,
                                 String sessionReference, String staffMember, Instant redeemedAt,
                                 boolean reversed, Instant reversedAt,
                                 @Schema(description = "Events this read model applied for the redemption")
                                 int eventsApplied) {

        static RedemptionBody of(RedemptionView view) {
            return new RedemptionBody(view.redemptionId, view.voucherId, view.structureId, view.programmeId,
                    view.funderId, view.departement, view.service, view.faceValueCents, view.sessionReference,
                    view.staffMember, view.redeemedAt, view.reversed, view.reversedAt, view.eventsApplied);
        }
    }

    @Schema(name = "StructureRedemptions", description = "A place's redemptions, most recent first")
    public record RedemptionList(UUID structureId, List<RedemptionBody> items) {
    }

    @Schema(name = "Validation", description = "Whether the code can be redeemed here and now; nothing was written")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validation(
            @Schema(description = "True when redeeming now would succeed") boolean redeemable,
            @Schema(description = "\"ok\", or the refusal code redeeming would answer",
                    example = "voucher-not-distributed") String code,
            @Schema(description = "The refusal, in a sentence") String detail,
            @Schema(description = "Face value paid to the place, in euro cents (when redeemable)", example = "1000")
            Long amountCents,
            @Schema(description = "For voucher-not-yet-known: retry after this many seconds") Integer retryAfterSeconds) {
    }

    @Schema(name = "Reversed", description = "The redemption was reversed; the voucher can be redeemed again")
    public record Reversed(UUID redemptionId, UUID voucherId, UUID structureId,
                           @Schema(description = "In euro cents", example = "1000") long amountCents,
                           String reason, @Schema(example = "structure:3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13")
                           String reversedBy, Instant reversedAt) {

        static Reversed of(RedemptionReversed event) {
            return new Reversed(event.redemptionId(), event.voucherId(), event.structureId(), event.faceValueCents(),
                    event.reason(), event.reversedBy(), event.reversedAt());
        }
    }

    @Schema(name = "BulkLineResult", description = "What became of one line of a bulk upload")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkLine(
            @Schema(description = "0-based index of the line in the upload") int line,
            @Schema(description = "redeemed or refused") String outcome,
            @Schema(description = "\"ok\" or the refusal code", example = "voucher-already-redeemed") String code,
            String detail,
            Redeemed redemption) {
    }

    @Schema(name = "BulkResult", description = "One result per line, in the order of the upload")
    public record BulkResult(int redeemed, int refused, List<BulkLine> lines) {
    }

    @Schema(name = "PendingReimbursement", description = "A place's redemptions not reversed and not yet reimbursed")
    public record Pending(UUID structureId, int count,
                          @Schema(description = "Total owed to the place, in euro cents") long totalCents,
                          List<RedemptionBody> items) {
    }

    @Schema(name = "FunderRedemptions", description = "Redemptions of a funder's programmes, most recent first")
    public record FunderList(UUID funderId, List<RedemptionBody> items) {
    }

    @Schema(name = "RedemptionCount", description = "Redemptions in force (not reversed) of one département, "
            + "month (Europe/Paris) and service")
    public record Count(@Schema(example = "30") String departement, @Schema(example = "2026-03") String month,
                        @Schema(example = "atelier-collectif") String service, long redemptions,
                        @Schema(description = "In euro cents") long amountCents) {
    }

    @Schema(name = "RedemptionStatistics", description = "Counts per département, month and service")
    public record Statistics(List<Count> rows) {
    }

    @Schema(name = "CodeGuessingAlert", description = "A place crossed the unknown-code threshold")
    public record Alert(UUID alertId, UUID structureId, int attempts, int windowSeconds, Instant raisedAt) {
    }

    @Schema(name = "CodeGuessingAlerts", description = "Most recent first")
    public record Alerts(List<Alert> items) {
    }
}
