package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.passledger.events.values.Address;
import org.passledger.events.values.GeoPoint;

/** A labelled place ("lieu de médiation numérique") and its label. Topic {@link Topics#STRUCTURES}. */
public sealed interface StructureEvent extends LedgerEvent
        permits StructureEvent.StructureRegistered,
                StructureEvent.LabelApplied,
                StructureEvent.LabelGranted,
                StructureEvent.LabelRenewed,
                StructureEvent.LabelSuspended,
                StructureEvent.LabelReinstated,
                StructureEvent.LabelRevoked,
                StructureEvent.LabelExpired {

    UUID structureId();

    @JsonIgnore
    @Override
    default String subject() {
        return structureId().toString();
    }

    @EventType("structure.registered.v1")
    record StructureRegistered(
            UUID structureId,
            String name,
            String siret,
            String legalForm,
            Address address,
            GeoPoint location, // nullable: not every place has been geocoded
            Instant registeredAt) implements StructureEvent {

        public StructureRegistered {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(siret, "siret");
            Objects.requireNonNull(legalForm, "legalForm");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(registeredAt, "registeredAt");
        }
    }

    @EventType("structure.label-applied.v1")
    record LabelApplied(
            UUID structureId,
            UUID applicationId,
            List<String> services,
            Instant appliedAt) implements StructureEvent {

        public LabelApplied {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            services = List.copyOf(Objects.requireNonNull(services, "services"));
            Objects.requireNonNull(appliedAt, "appliedAt");
        }
    }

    /** The national agency signs the convention; the label is in force from validFrom to validUntil inclusive. */
    @EventType("structure.label-granted.v1")
    record LabelGranted(
            UUID structureId,
            String conventionReference,
            LocalDate validFrom,
            LocalDate validUntil,
            String departement,
            Instant grantedAt) implements StructureEvent {

        public LabelGranted {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(conventionReference, "conventionReference");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(departement, "departement");
            Objects.requireNonNull(grantedAt, "grantedAt");
        }
    }

    @EventType("structure.label-renewed.v1")
    record LabelRenewed(
            UUID structureId,
            String conventionReference,
            LocalDate validFrom,
            LocalDate validUntil,
            Instant renewedAt) implements StructureEvent {

        public LabelRenewed {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(conventionReference, "conventionReference");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(renewedAt, "renewedAt");
        }
    }

    @EventType("structure.label-suspended.v1")
    record LabelSuspended(UUID structureId, String reason, Instant effectiveAt) implements StructureEvent {

        public LabelSuspended {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
        }
    }

    @EventType("structure.label-reinstated.v1")
    record LabelReinstated(UUID structureId, Instant effectiveAt) implements StructureEvent {

        public LabelReinstated {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
        }
    }

    @EventType("structure.label-revoked.v1")
    record LabelRevoked(UUID structureId, String reason, Instant effectiveAt) implements StructureEvent {

        public LabelRevoked {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
        }
    }

    @EventType("structure.label-expired.v1")
    record LabelExpired(UUID structureId, LocalDate expiredOn, Instant recordedAt) implements StructureEvent {

        public LabelExpired {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(expiredOn, "expiredOn");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }
}
