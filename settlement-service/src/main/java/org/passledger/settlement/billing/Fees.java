package org.passledger.settlement.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The operator's fee on an order: a rate in basis points of the face value, rounded half-up to the cent. */
public final class Fees {

    private Fees() {
    }

    public static long feeCents(long faceValueCents, int rateBasisPoints) {
        return BigDecimal.valueOf(faceValueCents).multiply(BigDecimal.valueOf(rateBasisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
