package org.passledger.settlement.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reimbursed voucher: the end of its life. */
@Entity
@Table(name = "reimbursement_view")
public class ReimbursementView {

    @Id
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "statement_id")
    public UUID statementId;
    @Column(name = "structure_id")
    public UUID structureId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    @Column(name = "amount_cents")
    public long amountCents;
    @Column(name = "reimbursed_at")
    public Instant reimbursedAt;
    @Column(name = "events_applied")
    public int eventsApplied;
}
