package org.passledger.settlement.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One place's statement and whether it was paid. */
@Entity
@Table(name = "statement_view")
public class StatementView {

    public static final String ISSUED = "ISSUED";
    public static final String PAID = "PAID";

    @Id
    @Column(name = "statement_id")
    public UUID statementId;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "structure_id")
    public UUID structureId;
    @Column(name = "statement_number")
    public String statementNumber;
    @Column(name = "total_cents")
    public long totalCents;
    @Column(name = "line_count")
    public int lineCount;
    public String status;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "bank_reference")
    public String bankReference;
    @Column(name = "clawback_cents")
    public long clawbackCents;
    @Column(name = "paid_cents")
    public Long paidCents;
    @Column(name = "events_applied")
    public int eventsApplied;
}
