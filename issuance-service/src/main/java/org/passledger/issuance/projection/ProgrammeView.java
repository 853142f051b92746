package org.passledger.issuance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One programme and the life of its vouchers, counted from the issuance, redemption and settlement topics.
 * Counts are flows: a voucher counts as distributed once it was handed out, whatever happened next.
 * A row may exist before its {@code programme.opened.v1} arrives ({@code opened} false) when events of
 * another topic came first.
 */
@Entity
@Table(name = "programme_view")
public class ProgrammeView {

    @Id
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    public boolean opened;
    public String name;
    @Column(name = "funder_name")
    public String funderName;
    @Column(name = "funder_type")
    public String funderType;
    @Column(name = "budget_cents")
    public long budgetCents;
    @Column(name = "face_value_cents")
    public Long faceValueCents;
    @Column(name = "book_size")
    public int bookSize;
    /** Département codes, comma separated. */
    public String territory;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "accepted_until")
    public LocalDate acceptedUntil;
    @Column(name = "orders_count")
    public int ordersCount;
    @Column(name = "committed_cents")
    public long committedCents;
    @Column(name = "fees_cents")
    public long feesCents;
    @Column(name = "funded_cents")
    public long fundedCents;
    @Column(name = "issued_count")
    public long issuedCount;
    @Column(name = "issued_cents")
    public long issuedCents;
    @Column(name = "activated_count")
    public long activatedCount;
    @Column(name = "activated_cents")
    public long activatedCents;
    @Column(name = "distributed_count")
    public long distributedCount;
    @Column(name = "distributed_cents")
    public long distributedCents;
    @Column(name = "redeemed_count")
    public long redeemedCount;
    @Column(name = "redeemed_cents")
    public long redeemedCents;
    @Column(name = "reimbursed_count")
    public long reimbursedCount;
    @Column(name = "reimbursed_cents")
    public long reimbursedCents;
    @Column(name = "cancelled_count")
    public long cancelledCount;
    @Column(name = "cancelled_cents")
    public long cancelledCents;
    @Column(name = "expired_count")
    public long expiredCount;
    @Column(name = "expired_cents")
    public long expiredCents;
    @Column(name = "released_cents")
    public long releasedCents;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
