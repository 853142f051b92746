package org.passledger.redemption.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the redemption stream of one voucher says: whether a redemption is in force, and which.
 * A reversal brings the voucher back to {@link #NOT_REDEEMED}.
 */
public record RedemptionState(UUID redemptionId, UUID structureId, Instant redeemedAt, int redemptions) {

    public static final RedemptionState NOT_REDEEMED = new RedemptionState(null, null, null, 0);

    public boolean redeemed() {
        return redemptionId != null;
    }
}
