package org.passledger.redemption.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One place as the labelling topic tells it. Its label's periods and suspensions live in child tables,
 * written and read by {@link StructureLabels}.
 */
@Entity
@Table(name = "structure_label")
public class StructureLabel {

    @Id
    @Column(name = "structure_id")
    public UUID structureId;
    public String departement;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
