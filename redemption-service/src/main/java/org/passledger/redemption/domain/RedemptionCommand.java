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
}
