package org.passledger.labelling.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.ApplicationWithdrawn;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.StructureEvent.LabelAppliedV2;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelRefused;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.events.StructureEvent.ProfileChanged;
import org.passledger.events.StructureEvent.StructureDetailsChanged;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.values.Address;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.values.Departement;
import org.passledger.kernel.values.Siret;
import org.passledger.labelling.domain.StructureCommand.ApplyForLabel;
import org.passledger.labelling.domain.StructureCommand.ChangeDetails;
import org.passledger.labelling.domain.StructureCommand.ChangeProfile;
import org.passledger.labelling.domain.StructureCommand.ExpireLabel;
import org.passledger.labelling.domain.StructureCommand.GrantLabel;
import org.passledger.labelling.domain.StructureCommand.RefuseLabel;
import org.passledger.labelling.domain.StructureCommand.RegisterStructure;
import org.passledger.labelling.domain.StructureCommand.ReinstateLabel;
import org.passledger.labelling.domain.StructureCommand.RenewLabel;
import org.passledger.labelling.domain.StructureCommand.RevokeLabel;
import org.passledger.labelling.domain.StructureCommand.SuspendLabel;
import org.passledger.labelling.domain.StructureCommand.WithdrawApplication;
import org.passledger.labelling.domain.StructureState.LabelStatus;

/**
 * A labelled place: registration and profile, application for the label, and the agency's decisions on it
 * (grant of a 3-year convention, refusal, renewal, suspension, reinstatement, revocation) plus expiry.
 * Every fact is a {@code StructureEvent} of the place's stream, published on the labelling topic.
 */
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
            throw Refusal.notFound("structure", command.structureId());
        }
        if (command instanceof ChangeDetails change) {
            return changeDetails(change, state);
        }
        if (command instanceof ChangeProfile change) {
            checkProfile(change.profile());
            return List.of(change.profile().changed(change.structureId(), clock.instant()));
        }
        if (command instanceof ApplyForLabel apply) {
            return apply(apply, state);
        }
        if (command instanceof WithdrawApplication withdraw) {
            requirePending(state, withdraw.applicationId());
            return List.of(new ApplicationWithdrawn(withdraw.structureId(), withdraw.applicationId(), clock.instant()));
        }
        if (command instanceof GrantLabel grant) {
            return grant(grant, state);
        }
        if (command instanceof RefuseLabel refuse) {
            requirePending(state, null);
            return List.of(new LabelRefused(refuse.structureId(), state.pendingApplication(), refuse.reason(),
                    clock.instant()));
        }
        if (command instanceof RenewLabel renew) {
            return renew(renew, state);
        }
        if (command instanceof SuspendLabel suspend) {
            if (state.label() == LabelStatus.SUSPENDED) {
                throw Refusal.rule("label-already-suspended", "This label is already suspended.");
            }
            requireInForce(state);
            return List.of(new LabelSuspended(suspend.structureId(), suspend.reason(), clock.instant()));
        }
        if (command instanceof ReinstateLabel reinstate) {
            if (state.label() != LabelStatus.SUSPENDED) {
                requireLabelExists(state);
                throw Refusal.rule("label-not-suspended", "Only a suspended label can be reinstated.");
            }
            requireNotPastEnd(state);
            return List.of(new LabelReinstated(reinstate.structureId(), clock.instant()));
        }
        if (command instanceof RevokeLabel revoke) {
            requireLabelExists(state);
            return List.of(new LabelRevoked(revoke.structureId(), revoke.reason(), clock.instant()));
        }
        if (command instanceof ExpireLabel expire) {
            return expire(expire, state);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    /** The calendar day now, in the scheme's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LabelTimeline.ZONE);
    }

    private List<StructureEvent> register(RegisterStructure command, StructureState state) {
        if (state.registered()) {
            throw Refusal.rule("structure-already-registered", "This place is already registered.");
        }
        if (!Siret.isValid(command.siret())) {
            throw InvalidFields.of("invalid-siret", "siret", "is not a valid SIRET (14 digits with a check digit)");
        }
        checkAddress(command.address(), "address");
        checkProfile(command.profile());
        List<StructureEvent> events = new ArrayList<>();
        events.add(new StructureRegistered(command.structureId(), command.name(), command.siret(),
                command.legalForm(), command.address(), command.location(), clock.instant()));
        if (!command.profile().equals(StructureProfile.EMPTY)) {
            events.add(command.profile().changed(command.structureId(), clock.instant()));
        }
        return events;
    }

    /** Name, legal form and address are the place's to correct; its SIRET is not. */
    private List<StructureEvent> changeDetails(ChangeDetails command, StructureState state) {
        checkAddress(command.address(), "address");
        boolean labelHeld = state.label() == LabelStatus.GRANTED || state.label() == LabelStatus.SUSPENDED;
        if (labelHeld && !command.address().departement().equals(state.departement())) {
            // the convention and every consumer's record of it name the département it was granted in
            throw Refusal.rule("departement-change-while-labelled",
                    "A labelled place cannot move to another département; its convention is departmental.");
        }
        return List.of(new StructureDetailsChanged(command.structureId(), command.name(), command.legalForm(),
                command.address(), command.location(), clock.instant()));
    }

    private static void checkAddress(Address address, String field) {
        if (!Departement.isValid(address.departement())) {
            throw InvalidFields.of("invalid-departement", field + ".departement", "is not a French département code");
        }
        if (!Departement.contains(address.departement(), address.postcode())) {
            throw InvalidFields.of("postcode-departement-mismatch", field + ".postcode",
                    "postcode " + address.postcode() + " is not in département " + address.departement());
        }
    }

    private static void checkProfile(StructureProfile profile) {
        for (int i = 0; i < profile.sites().size(); i++) {
            checkAddress(profile.sites().get(i).address(), "sites[" + i + "].address");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < profile.catalogue().size(); i++) {
            StructureProfile.CatalogueService service = profile.catalogue().get(i);
            if (!codes.add(service.code())) {
                throw InvalidFields.of("duplicate-service", "catalogue[" + i + "].code",
                        "service " + service.code() + " is listed twice");
            }
            if (service.durationMinutes() <= 0) {
                throw InvalidFields.of("invalid-duration", "catalogue[" + i + "].durationMinutes",
                        "must be greater than 0");
            }
        }
        for (int i = 0; i < profile.openingHours().size(); i++) {
            StructureProfile.OpeningHours slot = profile.openingHours().get(i);
            if (!slot.closes().isAfter(slot.opens())) {
                throw InvalidFields.of("invalid-opening-hours", "openingHours[" + i + "].closes",
                        "must be after the opening time");
            }
        }
    }

    private List<StructureEvent> apply(ApplyForLabel command, StructureState state) {
        if (state.label() == LabelStatus.APPLIED) {
            throw Refusal.rule("application-already-pending", "This place already has a pending application.");
        }
        if (state.label() == LabelStatus.GRANTED || state.label() == LabelStatus.SUSPENDED) {
            throw Refusal.rule("label-already-granted", "This place holds the label; renewal is the agency's.");
        }
        if (state.label() == LabelStatus.REVOKED) {
            throw Refusal.rule("label-revoked", "A revoked label is final: this place cannot apply again.");
        }
        List<String> services = command.services() == null || command.services().isEmpty()
                ? state.catalogue() : command.services();
        if (services.isEmpty()) {
            throw InvalidFields.of("empty-catalogue", "services",
                    "an application lists at least one service (or the place's catalogue has one)");
        }
        if (!command.charterAccepted()) {
            throw InvalidFields.of("charter-not-accepted", "charterAccepted", "the charter must be accepted");
        }
        return List.of(new LabelAppliedV2(command.structureId(), command.applicationId(), services,
                command.answers(), clock.instant(), clock.instant()));
    }

    private List<StructureEvent> grant(GrantLabel command, StructureState state) {
        requirePending(state, null);
        LocalDate validUntil = command.validFrom().plusYears(CONVENTION_YEARS).minusDays(1);
        return List.of(new LabelGranted(command.structureId(), command.conventionReference(), command.validFrom(),
                validUntil, state.departement(), clock.instant()));
    }

    private List<StructureEvent> renew(RenewLabel command, StructureState state) {
        if (state.label() == LabelStatus.SUSPENDED) {
            throw Refusal.rule("label-suspended", "A suspended label cannot be renewed; reinstate it first.");
        }
        requireInForce(state);
        LocalDate from = state.validUntil().plusDays(1);
        return List.of(new LabelRenewed(command.structureId(), command.conventionReference(), from,
                from.plusYears(CONVENTION_YEARS).minusDays(1), clock.instant()));
    }

    private List<StructureEvent> expire(ExpireLabel command, StructureState state) {
        if (state.label() != LabelStatus.GRANTED && state.label() != LabelStatus.SUSPENDED) {
            requireLabelExists(state);
            throw Refusal.rule("label-not-in-force", "Only a granted or suspended label can expire.");
        }
        if (!today().isAfter(state.validUntil())) {
            throw Refusal.rule("label-not-due", "This label runs until " + state.validUntil() + ".");
        }
        return List.of(new LabelExpired(command.structureId(), state.validUntil(), clock.instant()));
    }

    /** The pending application, and the given one if an id is named. */
    private static void requirePending(StructureState state, java.util.UUID applicationId) {
        if (state.label() != LabelStatus.APPLIED
                || (applicationId != null && !applicationId.equals(state.pendingApplication()))) {
            throw Refusal.rule("no-pending-application", "This place has no such pending label application.");
        }
    }

    /** A label that was granted and has not been revoked or expired. */
    private static void requireLabelExists(StructureState state) {
        if (state.label() == LabelStatus.REVOKED) {
            throw Refusal.rule("label-revoked", "This label was revoked; revocation is final.");
        }
        if (state.label() == LabelStatus.EXPIRED) {
            throw Refusal.rule("label-expired", "This label has expired.");
        }
        if (state.label() == LabelStatus.NONE || state.label() == LabelStatus.APPLIED) {
            throw Refusal.rule("label-not-granted", "This place does not hold the label.");
        }
    }

    private void requireInForce(StructureState state) {
        requireLabelExists(state);
        requireNotPastEnd(state);
    }

    /** A label past its last day is expired even before the expiry job has recorded it. */
    private void requireNotPastEnd(StructureState state) {
        if (today().isAfter(state.validUntil())) {
            throw Refusal.rule("label-expired", "This label ended on " + state.validUntil() + ".");
        }
    }

    @Override
    public StructureState evolve(StructureState state, StructureEvent event) {
        if (event instanceof StructureRegistered registered) {
            return new StructureState(true, registered.address().departement(), LabelStatus.NONE, null, null, null,
                    List.of());
        }
        if (event instanceof StructureDetailsChanged changed) {
            return state.withDepartement(changed.address().departement());
        }
        if (event instanceof ProfileChanged changed) {
            return state.withCatalogue(changed.catalogue().stream()
                    .map(org.passledger.events.values.CatalogueService::code).toList());
        }
        if (event instanceof LabelApplied applied) {
            return state.withApplication(LabelStatus.APPLIED, applied.applicationId());
        }
        if (event instanceof LabelAppliedV2 applied) {
            return state.withApplication(LabelStatus.APPLIED, applied.applicationId());
        }
        if (event instanceof ApplicationWithdrawn || event instanceof LabelRefused) {
            return state.withApplication(state.beforeApplication(), null);
        }
        if (event instanceof LabelGranted granted) {
            return state.withConvention(granted.validFrom(), granted.validUntil());
        }
        if (event instanceof LabelRenewed renewed) {
            return state.withConvention(state.validFrom(), renewed.validUntil()).withLabel(state.label());
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
