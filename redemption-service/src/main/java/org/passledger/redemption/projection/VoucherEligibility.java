package org.passledger.redemption.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passledger.redemption.domain.VoucherFacts;

/** One voucher as the issuance topic tells it: what a redemption needs to know, found by its code's hash. */
@Entity
@Table(name = "voucher_eligibility")
public class VoucherEligibility {

    @Id
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    @Column(name = "face_value_cents")
    public long faceValueCents;
    @Column(name = "territory")
    public String[] territory;
    @Column(name = "allowed_services")
    public String[] allowedServices;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "accepted_until")
    public LocalDate acceptedUntil;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "distributed_at")
    public Instant distributedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "expired_at")
    public Instant expiredAt;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public VoucherFacts facts() {
        return new VoucherFacts(voucherId, programmeId, funderId, faceValueCents, List.of(territory),
                List.of(allowedServices), acceptedUntil, activatedAt != null, distributedAt != null,
                cancelledAt != null, expiredAt != null);
    }
}
