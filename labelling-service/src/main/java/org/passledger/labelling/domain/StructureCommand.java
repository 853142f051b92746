package org.passledger.labelling.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passledger.events.values.Address;
import org.passledger.events.values.GeoPoint;

/** What may be asked of a place and its label. */
public sealed interface StructureCommand {

    UUID structureId();

    /** {@code profile} may be {@link StructureProfile#EMPTY}: the place can fill it in later. */
    record RegisterStructure(UUID structureId, String name, String siret, String legalForm, Address address,
                             GeoPoint location, StructureProfile profile) implements StructureCommand {

        public RegisterStructure(UUID structureId, String name, String siret, String legalForm, Address address,
                                 GeoPoint location) {
            this(structureId, name, siret, legalForm, address, location, StructureProfile.EMPTY);
        }
    }

    /** Name, legal form, address and location replaced; the SIRET is not editable. */
    record ChangeDetails(UUID structureId, String name, String legalForm, Address address, GeoPoint location)
            implements StructureCommand {
    }

    record ChangeProfile(UUID structureId, StructureProfile profile) implements StructureCommand {
    }

    /**
     * {@code services} lists what the application covers; when empty, the place's catalogue is used.
     * The charter must be accepted: an application with {@code charterAccepted} false is refused.
     */
    record ApplyForLabel(UUID structureId, UUID applicationId, List<String> services, Map<String, String> answers,
                         boolean charterAccepted) implements StructureCommand {

        public ApplyForLabel {
            answers = answers == null ? Map.of() : Map.copyOf(answers);
        }

        public ApplyForLabel(UUID structureId, UUID applicationId, List<String> services) {
            this(structureId, applicationId, services, Map.of(), true);
        }
    }

    record WithdrawApplication(UUID structureId, UUID applicationId) implements StructureCommand {
    }

    record GrantLabel(UUID structureId, String conventionReference, LocalDate validFrom) implements StructureCommand {
    }

    record RefuseLabel(UUID structureId, String reason) implements StructureCommand {
    }

    /** A new 3-year convention that starts the day after the current one ends. */
    record RenewLabel(UUID structureId, String conventionReference) implements StructureCommand {
    }

    record SuspendLabel(UUID structureId, String reason) implements StructureCommand {
    }

    record ReinstateLabel(UUID structureId) implements StructureCommand {
    }

    record RevokeLabel(UUID structureId, String reason) implements StructureCommand {
    }

    /** Sent by the expiry job; the label expires only once its last day is over. */
    record ExpireLabel(UUID structureId) implements StructureCommand {
    }
}
