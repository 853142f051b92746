package org.passledger.labelling.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passledger.events.values.Address;
import org.passledger.events.values.GeoPoint;

/** What may be asked of a place and its label. */
public sealed interface StructureCommand {

    UUID structureId();

    record RegisterStructure(UUID structureId, String name, String siret, String legalForm, Address address,
                             GeoPoint location) implements StructureCommand {
    }

    record ApplyForLabel(UUID structureId, UUID applicationId, List<String> services) implements StructureCommand {
    }

    record GrantLabel(UUID structureId, String conventionReference, LocalDate validFrom) implements StructureCommand {
    }
}
