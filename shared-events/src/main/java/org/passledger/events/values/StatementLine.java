package org.passledger.events.values;

import java.util.Objects;
import java.util.UUID;

/**
 * One redeemed voucher paid back in a structure's statement. {@code redemptionEventId} is the id of the
 * {@code voucher.redeemed.v1} event (its CloudEvents id), so a line can be traced to the exact fact it pays.
 */
public record StatementLine(
        UUID redemptionEventId,
        UUID redemptionId,
        UUID voucherId,
        UUID programmeId,
        UUID funderId,
        long amountCents) {

    public StatementLine {
        Objects.requireNonNull(redemptionEventId, "redemptionEventId");
        Objects.requireNonNull(redemptionId, "redemptionId");
        Objects.requireNonNull(voucherId, "voucherId");
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(funderId, "funderId");
        if (amountCents < 0) {
            throw new IllegalArgumentException("amountCents must be >= 0, was " + amountCents);
        }
    }
}
