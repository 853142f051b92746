package org.passledger.issuance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One voucher's whole life, from the issuance, redemption and settlement topics. Each stage keeps its own
 * time, and the status is the furthest stage reached, so events of different topics may arrive in any order.
 */
@Entity
@Table(name = "voucher_view")
public class VoucherView {

    public enum Status { UNKNOWN, ISSUED, ACTIVE, DISTRIBUTED, EXPIRED, CANCELLED, REDEEMED, REIMBURSED }

    @Id
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "book_id")
    public UUID bookId;
    @Column(name = "position_in_book")
    public Integer positionInBook;
    @Column(name = "face_value_cents")
    public Long faceValueCents;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "accepted_until")
    public LocalDate acceptedUntil;
    public String status;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "distributed_at")
    public Instant distributedAt;
    @Column(name = "distributed_to")
    public UUID distributedTo;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "expired_at")
    public Instant expiredAt;
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "redeemed_at")
    public Instant redeemedAt;
    @Column(name = "structure_id")
    public UUID structureId;
    @Column(name = "reimbursed_at")
    public Instant reimbursedAt;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The furthest stage reached. A reversed redemption clears redeemedAt, so the voucher is distributed again. */
    public Status currentStatus() {
        if (reimbursedAt != null) {
            return Status.REIMBURSED;
        }
        if (redeemedAt != null) {
            return Status.REDEEMED;
        }
        if (cancelledAt != null) {
            return Status.CANCELLED;
        }
        if (expiredAt != null) {
            return Status.EXPIRED;
        }
        if (distributedAt != null) {
            return Status.DISTRIBUTED;
        }
        if (activatedAt != null) {
            return Status.ACTIVE;
        }
        if (issuedAt != null) {
            return Status.ISSUED;
        }
        return Status.UNKNOWN;
    }
}
