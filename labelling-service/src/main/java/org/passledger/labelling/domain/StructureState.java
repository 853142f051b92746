package org.passledger.labelling.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the decisions about one place need to know of its past. */
public record StructureState(boolean registered, String departement, LabelStatus label, UUID pendingApplication,
                             LocalDate validFrom, LocalDate validUntil, List<String> catalogue) {

    public enum LabelStatus { NONE, APPLIED, GRANTED, SUSPENDED, REVOKED, EXPIRED }

    public static final StructureState UNREGISTERED =
            new StructureState(false, null, LabelStatus.NONE, null, null, null, List.of());

    public StructureState {
        catalogue = List.copyOf(catalogue);
    }

    StructureState withLabel(LabelStatus status) {
        return new StructureState(registered, departement, status, pendingApplication, validFrom, validUntil,
                catalogue);
    }

    StructureState withApplication(LabelStatus status, UUID application) {
        return new StructureState(registered, departement, status, application, validFrom, validUntil, catalogue);
    }

    StructureState withConvention(LocalDate from, LocalDate until) {
        return new StructureState(registered, departement, LabelStatus.GRANTED, null, from, until, catalogue);
    }

    StructureState withDepartement(String code) {
        return new StructureState(registered, code, label, pendingApplication, validFrom, validUntil, catalogue);
    }

    StructureState withCatalogue(List<String> codes) {
        return new StructureState(registered, departement, label, pendingApplication, validFrom, validUntil, codes);
    }

    /** Where a withdrawn or refused application leaves the label: as it was before applying. */
    LabelStatus beforeApplication() {
        return validUntil == null ? LabelStatus.NONE : LabelStatus.EXPIRED;
    }
}
