package org.passledger.settlement.domain;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a settlement run. */
public sealed interface SettlementRunCommand {

    UUID runId();

    /**
     * Opens a run over the redemptions whose time falls in [periodStart, periodEnd). {@code redemptionsBehind}:
     * records of the redemption topic not yet applied when the run was asked for, null when that could not be told.
     */
    record OpenSettlementRun(UUID runId, String name, Instant periodStart, Instant periodEnd, Long redemptionsBehind)
            implements SettlementRunCommand {
    }
}
