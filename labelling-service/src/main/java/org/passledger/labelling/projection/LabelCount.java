package org.passledger.labelling.projection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many places of a département have their label in a status. */
@Schema(name = "LabelCount")
public record LabelCount(@Schema(example = "30") String departement, @Schema(example = "GRANTED") String labelStatus,
                         @Schema(example = "12") long places) {
}
