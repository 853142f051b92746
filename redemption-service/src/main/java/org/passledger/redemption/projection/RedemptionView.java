package org.passledger.redemption.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One redemption as this service's own topic tells it. */
@Entity
@Table(name = "redemption_view")
public class RedemptionView {

    @Id
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "structure_id")
    public UUID structureId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "funder_id")
    public UUID funderId;
    public String departement;
    public String service;
    @Column(name = "face_value_cents")
    public long faceValueCents;
    @Column(name = "session_reference")
    public String sessionReference;
    @Column(name = "staff_member")
    public String staffMember;
    @Column(name = "redeemed_at")
    public Instant redeemedAt;
    public boolean reversed;
    @Column(name = "reversed_at")
    public Instant reversedAt;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
