package org.passledger.settlement.domain;

import java.time.Instant;
import java.util.UUID;

/** What may be asked of a settlement run. */
public sealed interface SettlementRunCommand {

    UUID runId();

    /** Opens a run over the redemptions whose time falls in [periodStart, periodEnd). */
    record OpenSettlementRun(UUID runId, String name, Instant periodStart, Instant periodEnd)
            implements SettlementRunCommand {
    }
}
