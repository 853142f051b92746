package org.passledger.settlement.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One settlement run, as the settlement topic tells it. */
@Entity
@Table(name = "settlement_run_view")
public class SettlementRunView {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    public String name;
    @Column(name = "period_start")
    public Instant periodStart;
    @Column(name = "period_end")
    public Instant periodEnd;
    @Column(name = "opened_at")
    public Instant openedAt;
    /** Null for a run recorded before settlement.run-opened.v2 told it. */
    @Column(name = "redemptions_complete")
    public Boolean redemptionsComplete;
    @Column(name = "redemptions_behind")
    public Long redemptionsBehind;
    @Column(name = "events_applied")
    public int eventsApplied;
}
