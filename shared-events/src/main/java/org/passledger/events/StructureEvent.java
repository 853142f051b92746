package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.passledger.events.values.Address;
import org.passledger.events.values.CatalogueService;
import org.passledger.events.values.GeoPoint;
import org.passledger.events.values.OpeningHours;
import org.passledger.events.values.OrganisationContact;
import org.passledger.events.values.Site;

/** A labelled place ("lieu de médiation numérique") and its label. Topic {@link Topics#STRUCTURES}. */
public sealed interface StructureEvent extends LedgerEvent
        permits StructureEvent.StructureRegistered,
                StructureEvent.LabelApplied,
                StructureEvent.LabelGranted,
                StructureEvent.LabelRenewed,
                StructureEvent.LabelSuspended,
                StructureEvent.LabelReinstated,
                StructureEvent.LabelRevoked,
                StructureEvent.LabelExpired,
                StructureEvent.StructureDetailsChanged,
                StructureEvent.ProfileChanged,
                StructureEvent.LabelAppliedV2,
                StructureEvent.ApplicationWithdrawn,
                StructureEvent.LabelRefused {

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

    /** The place corrected its name, legal form or address (its SIRET never changes). */
    @EventType("structure.details-changed.v1")
    record StructureDetailsChanged(
            UUID structureId,
            String name,
            String legalForm,
            Address address,
            GeoPoint location, // nullable: not every place has been geocoded
            Instant changedAt) implements StructureEvent {

        public StructureDetailsChanged {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(legalForm, "legalForm");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(changedAt, "changedAt");
        }
    }

    /** The place's public profile, replaced as a whole: opening hours, contact, sites and service catalogue. */
    @EventType("structure.profile-changed.v1")
    record ProfileChanged(
            UUID structureId,
            List<OpeningHours> openingHours,
            OrganisationContact contact, // nullable: the place gave none
            List<Site> sites,
            List<CatalogueService> catalogue,
            Instant changedAt) implements StructureEvent {

        public ProfileChanged {
            Objects.requireNonNull(structureId, "structureId");
            openingHours = List.copyOf(Objects.requireNonNull(openingHours, "openingHours"));
            sites = List.copyOf(Objects.requireNonNull(sites, "sites"));
            catalogue = List.copyOf(Objects.requireNonNull(catalogue, "catalogue"));
            Objects.requireNonNull(changedAt, "changedAt");
        }
    }

    /**
     * The structure applied for the label: the services covered, its answers to the qualification
     * questionnaire (by question code) and when it accepted the national charter. Supersedes
     * {@code structure.label-applied.v1}, which stays readable.
     */
    @EventType("structure.label-applied.v2")
    record LabelAppliedV2(
            UUID structureId,
            UUID applicationId,
            List<String> services,
            Map<String, String> answers,
            Instant charterAcceptedAt,
            Instant appliedAt) implements StructureEvent {

        public LabelAppliedV2 {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            services = List.copyOf(Objects.requireNonNull(services, "services"));
            answers = Map.copyOf(Objects.requireNonNull(answers, "answers"));
            Objects.requireNonNull(charterAcceptedAt, "charterAcceptedAt");
            Objects.requireNonNull(appliedAt, "appliedAt");
        }
    }

    /** The place withdrew its pending application before the agency decided. */
    @EventType("structure.application-withdrawn.v1")
    record ApplicationWithdrawn(UUID structureId, UUID applicationId, Instant withdrawnAt) implements StructureEvent {

        public ApplicationWithdrawn {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        }
    }

    /** The national agency turned the pending application down, with its reason. */
    @EventType("structure.label-refused.v1")
    record LabelRefused(UUID structureId, UUID applicationId, String reason, Instant refusedAt)
            implements StructureEvent {

        public LabelRefused {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(refusedAt, "refusedAt");
        }
    }
}
