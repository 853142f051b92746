package org.passledger.settlement.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One line of a statement: the redemption it pays, citing the redemption event. */
@Entity
@Table(name = "statement_line_view")
public class StatementLineView {

    @Id
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "statement_id")
    public UUID statementId;
    @Column(name = "redemption_event_id")
    public UUID redemptionEventId;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    @Column(name = "amount_cents")
    public long amountCents;
}
