package org.passledger.redemption.domain;

import java.util.Objects;
import java.util.UUID;

/** What may be asked of a voucher's redemption stream. */
public sealed interface RedemptionCommand {

    UUID voucherId();

    /**
     * Redeem a voucher at a place for a service. The eligibility facts come from this service's projections
     * of issuance and labelling events; the stream's own history says whether it was already redeemed.
     *
     * @param sessionReference nullable: the place's own session or workshop reference
     * @param staffMember      nullable: who scanned the voucher
     */
    record RedeemVoucher(
            UUID redemptionId,
            VoucherFacts voucher,
            PlaceFacts place,
            String service,
            String sessionReference,
            String staffMember) implements RedemptionCommand {

        public RedeemVoucher {
            Objects.requireNonNull(redemptionId, "redemptionId");
            Objects.requireNonNull(voucher, "voucher");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(service, "service");
        }

        @Override
        public UUID voucherId() {
            return voucher.voucherId();
        }
    }

    /**
     * Undo a mistaken redemption. The place that redeemed may do it within {@link Redemption#PLACE_WINDOW};
     * the operator at any time, with a reason; nobody once settlement reimbursed the redemption.
     *
     * @param byOperator  the operator asks (otherwise the place {@code placeId})
     * @param placeId     the asking place; null when the operator asks
     * @param actor       who asks, as event metadata names it (e.g. "structure:5f0c...")
     * @param reason      nullable for the place, required from the operator
     * @param reimbursed  settlement's events say this redemption was reimbursed
     */
    record ReverseRedemption(
            UUID voucherId,
            UUID redemptionId,
            boolean byOperator,
            UUID placeId,
            String actor,
            String reason,
            boolean reimbursed) implements RedemptionCommand {

        public ReverseRedemption {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(redemptionId, "redemptionId");
            Objects.requireNonNull(actor, "actor");
            if (!byOperator) {
                Objects.requireNonNull(placeId, "placeId");
            }
        }
    }
}
