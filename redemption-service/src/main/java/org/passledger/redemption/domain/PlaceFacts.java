package org.passledger.redemption.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * What the labelling events said of the redeeming place, as this service's projection holds it.
 *
 * @param known       whether any labelling event about the place was seen
 * @param departement the place's département code; null while unknown
 */
public record PlaceFacts(UUID structureId, boolean known, String departement, LabelHistory label) {

    public PlaceFacts {
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(label, "label");
    }

    /** A place no labelling event has told this service about. */
    public static PlaceFacts unknown(UUID structureId) {
        return new PlaceFacts(structureId, false, null, LabelHistory.NONE);
    }
}
