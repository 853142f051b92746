package org.passledger.labelling.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the structure API. */
public final class StructureResponses {

    private StructureResponses() {
    }

    @Schema(name = "StructureAccepted", description = "The command was recorded; read models follow within moments")
    public record Accepted(UUID structureId, long version) {
    }

    @Schema(name = "Structure")
    public record StructureBody(UUID structureId, String name, String siret, String postcode, String commune,
                                String departement,
                                @Schema(example = "GRANTED") String labelStatus,
                                String conventionReference, LocalDate labelValidFrom, LocalDate labelValidUntil,
                                @Schema(description = "Events this read model applied for the place") int eventsApplied) {
    }
}
