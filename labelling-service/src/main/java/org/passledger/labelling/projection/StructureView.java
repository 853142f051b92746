package org.passledger.labelling.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One place and its label as the labelling topic tells it. */
@Entity
@Table(name = "structure_view")
public class StructureView {

    @Id
    @Column(name = "structure_id")
    public UUID structureId;
    public String name;
    public String siret;
    @Column(name = "legal_form")
    public String legalForm;
    public String street;
    public String postcode;
    public String commune;
    public String departement;
    public Double latitude;
    public Double longitude;
    /** The services of the latest application, joined with '|'. */
    public String services = "";
    @Column(name = "label_status")
    public String labelStatus;
    @Column(name = "convention_reference")
    public String conventionReference;
    @Column(name = "label_valid_from")
    public LocalDate labelValidFrom;
    @Column(name = "label_valid_until")
    public LocalDate labelValidUntil;
    @Column(name = "events_applied")
    public int eventsApplied;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
