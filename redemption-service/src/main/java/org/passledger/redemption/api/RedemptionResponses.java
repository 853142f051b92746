package org.passledger.redemption.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
}
