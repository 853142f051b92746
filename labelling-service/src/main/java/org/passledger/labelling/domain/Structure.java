package org.passledger.labelling.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.values.Departement;
import org.passledger.kernel.values.Siret;
import org.passledger.labelling.domain.StructureCommand.ApplyForLabel;
import org.passledger.labelling.domain.StructureCommand.GrantLabel;
import org.passledger.labelling.domain.StructureCommand.RegisterStructure;
import org.passledger.labelling.domain.StructureState.LabelStatus;

/** A labelled place: registration, application for the label and the agency's grant of a 3-year convention. */
public final class Structure implements Decider<StructureCommand, StructureState, StructureEvent> {

    /** The national convention runs three years. */
    public static final int CONVENTION_YEARS = 3;

    private final Clock clock;

    public Structure(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StructureState initialState() {
        return StructureState.UNREGISTERED;
    }

    @Override
    public List<StructureEvent> decide(StructureCommand command, StructureState state) {
        if (command instanceof RegisterStructure register) {
            return register(register, state);
        }
        if (!state.registered()) {
            throw ProblemException.notFound("structure", command.structureId());
        }
        if (command instanceof ApplyForLabel apply) {
            return apply(apply, state);
        }
        if (command instanceof GrantLabel grant) {
            return grant(grant, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private List<StructureEvent> register(RegisterStructure command, StructureState state) {
        if (state.registered()) {
            throw ProblemException.rule("structure-already-registered", "This place is already registered.");
        }
        new Siret(command.siret());
        new Departement(command.address().departement());
        if (!Departement.contains(command.address().departement(), command.address().postcode())) {
            throw ProblemException.invalid("postcode-departement-mismatch",
                    "Postcode " + command.address().postcode() + " is not in département "
                            + command.address().departement() + ".");
        }
        return List.of(new StructureRegistered(command.structureId(), command.name(), command.siret(),
                command.legalForm(), command.address(), command.location(), clock.instant()));
    }

    private List<StructureEvent> apply(ApplyForLabel command, StructureState state) {
        if (state.label() != LabelStatus.NONE && state.label() != LabelStatus.EXPIRED) {
            throw ProblemException.rule("label-application-not-allowed",
                    "A place whose label is " + state.label().name().toLowerCase() + " cannot apply again.");
        }
        if (command.services().isEmpty()) {
            throw ProblemException.invalid("empty-catalogue", "An application lists at least one service.");
        }
        return List.of(new LabelApplied(command.structureId(), command.applicationId(), command.services(),
                clock.instant()));
    }

    private List<StructureEvent> grant(GrantLabel command, StructureState state) {
        if (state.label() != LabelStatus.APPLIED) {
            throw ProblemException.rule("no-pending-application", "This place has no pending label application.");
        }
        LocalDate validUntil = command.validFrom().plusYears(CONVENTION_YEARS).minusDays(1);
        return List.of(new LabelGranted(command.structureId(), command.conventionReference(), command.validFrom(),
                validUntil, state.departement(), clock.instant()));
    }

    @Override
    public StructureState evolve(StructureState state, StructureEvent event) {
        if (event instanceof StructureRegistered registered) {
            return new StructureState(true, registered.address().departement(), null, LabelStatus.NONE, null, null);
        }
        if (event instanceof LabelApplied applied) {
            return new StructureState(true, state.departement(), applied.applicationId(), LabelStatus.APPLIED,
                    state.validFrom(), state.validUntil());
        }
        if (event instanceof LabelGranted granted) {
            return new StructureState(true, state.departement(), null, LabelStatus.GRANTED,
                    granted.validFrom(), granted.validUntil());
        }
        if (event instanceof LabelRenewed renewed) {
            return new StructureState(true, state.departement(), null, LabelStatus.GRANTED,
                    state.validFrom(), renewed.validUntil());
        }
        if (event instanceof LabelSuspended) {
            return state.withLabel(LabelStatus.SUSPENDED);
        }
        if (event instanceof LabelReinstated) {
            return state.withLabel(LabelStatus.GRANTED);
        }
        if (event instanceof LabelRevoked) {
            return state.withLabel(LabelStatus.REVOKED);
        }
        if (event instanceof LabelExpired) {
            return state.withLabel(LabelStatus.EXPIRED);
        }
        return state;
    }
}
