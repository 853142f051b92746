package org.passledger.labelling.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What the decisions about one place need to know of its past. */
public record StructureState(boolean registered, String departement, UUID pendingApplication, LabelStatus label,
                             LocalDate validFrom, LocalDate validUntil) {

    public enum LabelStatus { NONE, APPLIED, GRANTED, SUSPENDED, REVOKED, EXPIRED }

    public static final StructureState UNREGISTERED =
            new StructureState(false, null, null, LabelStatus.NONE, null, null);

    StructureState withLabel(LabelStatus status) {
        return new StructureState(registered, departement, pendingApplication, status, validFrom, validUntil);
    }
}
