package org.passledger.kernel.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** How many times a voucher's validity was extended: a read model small enough to compare row by row. */
@Entity
@Table(name = "validity_view")
public class ValidityView {

    @Id
    @Column(name = "voucher_id")
    public UUID voucherId;
    public int extensions;
    @Column(name = "accepted_until")
    public LocalDate acceptedUntil;
    @Column(name = "events_applied")
    public int eventsApplied;
}
