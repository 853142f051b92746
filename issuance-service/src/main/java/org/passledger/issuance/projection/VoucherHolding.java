package org.passledger.issuance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Which distributor's stock holds one consigned voucher, and whether it left it for a beneficiary. */
@Entity
@Table(name = "voucher_holding")
public class VoucherHolding {

    @Id
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "book_id")
    public UUID bookId;
    /** Null once the voucher was cancelled: a cancelled book leaves every stock. */
    @Column(name = "distributor_id")
    public UUID distributorId;
    @Column(name = "consigned_at")
    public Instant consignedAt;
    @Column(name = "handed_out_at")
    public Instant handedOutAt;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
