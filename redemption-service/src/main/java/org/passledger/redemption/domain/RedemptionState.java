package org.passledger.redemption.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;

/**
 * What the redemption stream of one voucher says: whether a redemption is in force and which, and which
 * earlier redemptions were reversed. A reversal brings the voucher back to "not redeemed".
 *
 * @param current     the redemption in force; null when none is
 * @param redemptions how many redemptions the stream ever recorded
 * @param reversed    ids of the redemptions that were reversed
 */
public record RedemptionState(VoucherRedeemed current, int redemptions, Set<UUID> reversed) {

    public static final RedemptionState NOT_REDEEMED = new RedemptionState(null, 0, Set.of());

    public RedemptionState {
        reversed = Set.copyOf(reversed);
    }

    public boolean redeemed() {
        return current != null;
    }

    public UUID redemptionId() {
        return current == null ? null : current.redemptionId();
    }

    public UUID structureId() {
        return current == null ? null : current.structureId();
    }

    public Instant redeemedAt() {
        return current == null ? null : current.redeemedAt();
    }

    RedemptionState redeemedBy(VoucherRedeemed redeemed) {
        return new RedemptionState(redeemed, redemptions + 1, reversed);
    }

    RedemptionState reversedOne(UUID redemptionId) {
        Set<UUID> next = new HashSet<>(reversed);
        next.add(redemptionId);
        return new RedemptionState(redemptionId.equals(redemptionId()) ? null : current, redemptions, next);
    }
}
