package org.passledger.redemption.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A redemption settlement reimbursed to its place: it can no longer be reversed. */
@Entity
@Table(name = "reimbursed_redemption")
public class ReimbursedRedemption {

    @Id
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "structure_id")
    public UUID structureId;
    @Column(name = "statement_id")
    public UUID statementId;
    @Column(name = "amount_cents")
    public long amountCents;
    @Column(name = "reimbursed_at")
    public Instant reimbursedAt;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
