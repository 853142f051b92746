package org.passledger.labelling.projection;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place's label as the agency lists it. */
@Schema(name = "LabelSummary")
public record LabelSummary(UUID structureId, @Schema(example = "Connect & vous") String name,
                           @Schema(example = "73282932000074") String siret,
                           @Schema(example = "30") String departement, @Schema(example = "Vauvert") String commune,
                           @Schema(example = "GRANTED") String labelStatus,
                           @Schema(example = "ANCT-2026-030-0001") String conventionReference,
                           @Schema(example = "2026-12-01") LocalDate labelValidFrom,
                           @Schema(example = "2029-11-30") LocalDate labelValidUntil) {
}
