package org.passledger.settlement.domain;

import java.time.Instant;

/** What the decisions about one run need to know of its past. */
public record SettlementRunState(boolean opened, String name, Instant periodStart, Instant periodEnd) {

    public static final SettlementRunState NOT_OPENED = new SettlementRunState(false, null, null, null);
}
