package org.passledger.settlement.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A redemption a place may be paid for, as the redemption topic tells it. */
@Entity
@Table(name = "payable_redemption")
public class PayableRedemption {

    @Id
    @Column(name = "redemption_id")
    public UUID redemptionId;
    /** The id of the voucher.redeemed.v1 event: statement lines cite it. */
    @Column(name = "redemption_event_id")
    public UUID redemptionEventId;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "structure_id")
    public UUID structureId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    public String departement;
    @Column(name = "amount_cents")
    public long amountCents;
    @Column(name = "redeemed_at")
    public Instant redeemedAt;
    public boolean reversed;
    /** The reversal came once the redemption was already on a statement: flagged for the operator. */
    @Column(name = "reversed_after_claim")
    public boolean reversedAfterClaim;
    @Column(name = "events_applied")
    public int eventsApplied;
}
