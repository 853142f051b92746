package org.passledger.labelling.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.labelling.domain.StructureProfile;
import org.passledger.labelling.projection.ApplicationSummary;

/** Response bodies of the structure API. */
public final class StructureResponses {

    private StructureResponses() {
    }

    @Schema(name = "StructureAccepted", description = "The command was recorded; read models follow within moments")
    public record Accepted(UUID structureId, @Schema(example = "3") long version) {
    }

    @Schema(name = "LabelApplicationAccepted", description = "The application was recorded")
    public record ApplicationAccepted(UUID structureId, UUID applicationId, @Schema(example = "2") long version) {
    }

    @Schema(name = "Structure")
    public record StructureBody(UUID structureId, @Schema(example = "Connect & vous") String name,
                                @Schema(example = "73282932000074") String siret,
                                @Schema(example = "association loi 1901") String legalForm,
                                @Schema(example = "1 place de la Mairie") String street,
                                @Schema(example = "30600") String postcode, @Schema(example = "Vauvert") String commune,
                                @Schema(example = "30") String departement,
                                @Schema(example = "43.6955") Double latitude, @Schema(example = "4.2769") Double longitude,
                                @Schema(example = "GRANTED",
                                        enumeration = {"NONE", "APPLIED", "GRANTED", "SUSPENDED", "REVOKED", "EXPIRED"})
                                String labelStatus,
                                @Schema(example = "ANCT-2026-030-0001") String conventionReference,
                                @Schema(example = "2026-12-01") LocalDate labelValidFrom,
                                @Schema(example = "2029-11-30") LocalDate labelValidUntil,
                                @Schema(description = "Events this read model applied for the place", example = "3")
                                int eventsApplied,
                                @Schema(description = "Hours, contact, sites and catalogue") StructureProfile profile,
                                @Schema(description = "The latest label application, if any") ApplicationSummary application) {
    }

    @Schema(name = "StructureHistory", description = "Every event of the place, oldest first")
    public record History(UUID structureId, List<HistoryEntry> events) {
    }

    @Schema(name = "StructureHistoryEntry")
    public record HistoryEntry(@Schema(example = "structure.label-granted.v1") String type,
                               @Schema(description = "Version in the place's stream (ce_streamversion on the "
                                       + "labelling topic)", example = "3") long streamVersion,
                               Instant recordedAt, @Schema(example = "agency:anct") String actor,
                               @Schema(description = "The event's payload") Object data) {
    }

    @Schema(name = "LabelledOnDay", description = "Whether the label was in force on a calendar day (Europe/Paris)")
    public record LabelledOn(UUID structureId, @Schema(example = "2027-03-01") LocalDate date,
                             @Schema(description = "In force at some moment of the day", example = "true") boolean labelled,
                             @Schema(description = "In force during the whole day", example = "false") boolean labelledAllDay) {
    }
}
