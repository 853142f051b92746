package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Redemptions of a voucher at a labelled structure. Topic {@link Topics#REDEMPTIONS}, keyed by the voucher id
 * like the issuance events, so one consumer can follow a voucher across topics.
 */
public sealed interface RedemptionEvent extends LedgerEvent
        permits RedemptionEvent.VoucherRedeemed,
                RedemptionEvent.RedemptionReversed {

    UUID voucherId();

    @JsonIgnore
    @Override
    default String subject() {
        return voucherId().toString();
    }

    /** Carries what settlement and dashboards need, so no consumer calls another service. */
    @EventType("voucher.redeemed.v1")
    record VoucherRedeemed(
            UUID voucherId,
            UUID redemptionId,
            UUID programmeId,
            UUID funderId,
            UUID structureId,
            String departement, // of the structure's site where the voucher was used
            String service,
            long faceValueCents,
            String sessionReference, // nullable: the structure's own session or workshop reference
            String staffMember, // nullable: who scanned the voucher, when the structure records it
            Instant redeemedAt) implements RedemptionEvent {

        public VoucherRedeemed {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(redemptionId, "redemptionId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(departement, "departement");
            Objects.requireNonNull(service, "service");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Objects.requireNonNull(redeemedAt, "redeemedAt");
        }
    }

    /** A mistaken redemption undone; the voucher can be redeemed again. */
    @EventType("voucher.redemption-reversed.v1")
    record RedemptionReversed(
            UUID voucherId,
            UUID redemptionId,
            UUID programmeId,
            UUID funderId,
            UUID structureId,
            long faceValueCents,
            String reason,
            String reversedBy,
            Instant reversedAt) implements RedemptionEvent {

        public RedemptionReversed {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(redemptionId, "redemptionId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(structureId, "structureId");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reversedBy, "reversedBy");
            Objects.requireNonNull(reversedAt, "reversedAt");
        }
    }
}
