package org.passledger.labelling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passledger.labelling.domain.DeciderSpec.given;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
import org.passledger.events.values.GeoPoint;
import org.passledger.events.values.Address;
import org.passledger.kernel.domain.Refusal;
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

class StructureDeciderTest {

    static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");
    static final Structure PLACE_DECIDER = new Structure(Clock.fixed(NOW, ZoneOffset.UTC));
    static final UUID PLACE = UUID.fromString("3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13");
    static final UUID APPLICATION = UUID.fromString("9a1d0c2e-4b5f-4a6e-8c7d-1e2f3a4b5c6d");
    static final String SIRET = "73282932000074";
    static final Address ADDRESS = new Address("1 place de la Mairie", "30600", "Vauvert", "30");
    static final StructureProfile PROFILE = new StructureProfile(List.of(), null, List.of(),
            List.of(new StructureProfile.CatalogueService("online-procedures", "Démarches en ligne", 90)));

    static final StructureRegistered REGISTERED = new StructureRegistered(PLACE, "Connect & vous", SIRET,
            "association", ADDRESS, null, NOW);
    static final ProfileChanged PROFILED = PROFILE.changed(PLACE, NOW);
    static final LabelApplied APPLIED = new LabelApplied(PLACE, APPLICATION, List.of("online-procedures"), NOW);
    static final LabelGranted GRANTED = new LabelGranted(PLACE, "ANCT-1", LocalDate.parse("2027-01-01"),
            LocalDate.parse("2029-12-31"), "30", NOW);
    static final LabelSuspended SUSPENDED = new LabelSuspended(PLACE, "quality check", NOW);
    static final LabelRevoked REVOKED = new LabelRevoked(PLACE, "fraud", NOW);
    static final LabelExpired EXPIRED = new LabelExpired(PLACE, LocalDate.parse("2029-12-31"), NOW);

    private static DeciderSpec given(StructureEvent... past) {
        return DeciderSpec.given(PLACE_DECIDER, past);
    }

    private static Structure deciderAt(String instant) {
        return new Structure(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    // registration and profile

    @Test
    void register_recordsThePlace_andItsProfile_bothOnTheStream() {
        given().when(new RegisterStructure(PLACE, "Connect & vous", SIRET, "association", ADDRESS, null, PROFILE))
                .then(REGISTERED, PROFILED);
    }

    @Test
    void register_withoutProfile_recordsOnlyTheRegistration() {
        given().when(new RegisterStructure(PLACE, "Connect & vous", SIRET, "association", ADDRESS, null))
                .then(REGISTERED);
    }

    @Test
    void register_isRejected_whenAlreadyRegistered() {
        given(REGISTERED).when(new RegisterStructure(PLACE, "Connect & vous", SIRET, "association", ADDRESS, null))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "structure-already-registered");
    }

    @Test
    void register_isRejected_whenSiretCheckDigitIsWrong_namingTheField() {
        var spec = given().when(new RegisterStructure(PLACE, "Connect & vous", "73282932000075", "association",
                ADDRESS, null));
        spec.thenRejectedWith(Refusal.Kind.INVALID, "invalid-siret");
    }

    @Test
    void register_isRejected_whenPostcodeIsNotInTheDepartement() {
        given().when(new RegisterStructure(PLACE, "Connect & vous", SIRET, "association",
                        new Address("1 place", "34000", "Montpellier", "30"), null))
                .thenRejectedWith(Refusal.Kind.INVALID, "postcode-departement-mismatch");
    }

    @Test
    void register_isRejected_whenASitesPostcodeIsNotInItsDepartement() {
        StructureProfile withSite = new StructureProfile(List.of(), null,
                List.of(new StructureProfile.Site("Antenne", new Address("2 rue", "13001", "Marseille", "30"), null)),
                List.of());
        try {
            PLACE_DECIDER.decide(new RegisterStructure(PLACE, "n", SIRET, "a", ADDRESS, null, withSite),
                    StructureState.UNREGISTERED);
        } catch (Refusal e) {
            assertThat(e.code()).isEqualTo("postcode-departement-mismatch");
            assertThat(e.extensions().toString()).contains("sites[0].address.postcode");
            return;
        }
        throw new AssertionError("a site outside its département was accepted");
    }

    @Test
    void changeProfile_recordsTheNewProfile() {
        given(REGISTERED).when(new ChangeProfile(PLACE, PROFILE)).then(PROFILED);
    }

    @Test
    void changeProfile_isRejected_whenTheCatalogueListsAServiceTwice() {
        var service = new StructureProfile.CatalogueService("online-procedures", "x", 60);
        given(REGISTERED).when(new ChangeProfile(PLACE, new StructureProfile(List.of(), null, List.of(),
                List.of(service, service)))).thenRejectedWith(Refusal.Kind.INVALID, "duplicate-service");
    }

    @Test
    void anyCommand_onAnUnknownPlace_isNotFound() {
        given().when(new GrantLabel(PLACE, "ANCT-1", LocalDate.parse("2027-01-01")))
                .thenRejectedWith(Refusal.Kind.NOT_FOUND, "structure-not-found");
    }

    // application

    @Test
    void apply_usesTheCatalogue_whenNoServicesAreListed() {
        given(REGISTERED, PROFILED)
                .when(new ApplyForLabel(PLACE, APPLICATION, List.of(), Map.of("q1", "yes"), true))
                .then(new LabelAppliedV2(PLACE, APPLICATION, List.of("online-procedures"), Map.of("q1", "yes"), NOW,
                        NOW));
    }

    @Test
    void apply_isRejected_whenTheCatalogueIsEmpty() {
        given(REGISTERED).when(new ApplyForLabel(PLACE, APPLICATION, List.of(), Map.of(), true))
                .thenRejectedWith(Refusal.Kind.INVALID, "empty-catalogue");
    }

    @Test
    void apply_isRejected_whenTheCharterIsRefused() {
        given(REGISTERED, PROFILED).when(new ApplyForLabel(PLACE, APPLICATION, List.of(), Map.of(), false))
                .thenRejectedWith(Refusal.Kind.INVALID, "charter-not-accepted");
    }

    @Test
    void apply_isRejected_whenAnApplicationIsPending() {
        given(REGISTERED, APPLIED).when(new ApplyForLabel(PLACE, UUID.randomUUID(), List.of("x")))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "application-already-pending");
    }

    @Test
    void apply_isRejected_whenTheLabelIsHeld() {
        given(REGISTERED, APPLIED, GRANTED).when(new ApplyForLabel(PLACE, UUID.randomUUID(), List.of("x")))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-already-granted");
    }

    @Test
    void apply_isRejected_afterRevocation() {
        given(REGISTERED, APPLIED, GRANTED, REVOKED).when(new ApplyForLabel(PLACE, UUID.randomUUID(), List.of("x")))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-revoked");
    }

    @Test
    void apply_isAllowedAgain_afterExpiry() {
        UUID second = UUID.randomUUID();
        assertThat(given(REGISTERED, APPLIED, GRANTED, EXPIRED)
                .when(new ApplyForLabel(PLACE, second, List.of("x"))).decided())
                .first().isEqualTo(new LabelAppliedV2(PLACE, second, List.of("x"), Map.of(), NOW, NOW));
    }

    @Test
    void withdraw_recordsTheWithdrawal_andAllowsANewApplication() {
        ApplicationWithdrawn withdrawn = new ApplicationWithdrawn(PLACE, APPLICATION, NOW);
        given(REGISTERED, APPLIED).when(new WithdrawApplication(PLACE, APPLICATION)).then(withdrawn);
        assertThat(given(REGISTERED, APPLIED, withdrawn)
                .when(new ApplyForLabel(PLACE, UUID.randomUUID(), List.of("x"))).decided()).hasSize(1);
    }

    @Test
    void refuse_allowsANewApplication() {
        LabelRefused refused = new LabelRefused(PLACE, APPLICATION, "incomplete", NOW);
        assertThat(given(REGISTERED, APPLIED, refused)
                .when(new ApplyForLabel(PLACE, UUID.randomUUID(), List.of("x"))).decided())
                .singleElement().isInstanceOf(LabelAppliedV2.class);
    }

    @Test
    void withdraw_ofAV2Application_recordsTheWithdrawal() {
        LabelAppliedV2 applied = new LabelAppliedV2(PLACE, APPLICATION, List.of("x"), Map.of(), NOW, NOW);
        given(REGISTERED, applied).when(new WithdrawApplication(PLACE, APPLICATION))
                .then(new ApplicationWithdrawn(PLACE, APPLICATION, NOW));
    }

    @Test
    void withdraw_isRejected_afterTheGrant() {
        given(REGISTERED, APPLIED, GRANTED).when(new WithdrawApplication(PLACE, APPLICATION))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "no-pending-application");
    }

    @Test
    void withdrawal_afterAnExpiredLabel_leavesTheLabelExpired_andAllowsApplyingAgain() {
        ApplicationWithdrawn withdrawn = new ApplicationWithdrawn(PLACE, APPLICATION, NOW);
        LabelAppliedV2 reapplied = new LabelAppliedV2(PLACE, APPLICATION, List.of("x"), Map.of(), NOW, NOW);
        StructureState state = PLACE_DECIDER.fold(List.of(REGISTERED, APPLIED, GRANTED, EXPIRED, reapplied, withdrawn));
        assertThat(state.label()).isEqualTo(StructureState.LabelStatus.EXPIRED);
        assertThat(state.pendingApplication()).isNull();
    }

    // details

    @Test
    void changeDetails_recordsTheNewDetails() {
        Address moved = new Address("3 avenue Jean Jaurès", "30600", "Vauvert", "30");
        given(REGISTERED).when(new ChangeDetails(PLACE, "Connect & vous Vauvert", "SCIC", moved,
                        new GeoPoint(43.69, 4.27)))
                .then(new StructureDetailsChanged(PLACE, "Connect & vous Vauvert", "SCIC", moved,
                        new GeoPoint(43.69, 4.27), NOW));
    }

    @Test
    void changeDetails_isRejected_whenThePostcodeIsNotInTheDepartement() {
        given(REGISTERED).when(new ChangeDetails(PLACE, "n", "a", new Address("1 rue", "34000", "Montpellier", "30"),
                null)).thenRejectedWith(Refusal.Kind.INVALID, "postcode-departement-mismatch");
    }

    @Test
    void changeDetails_isRejected_onAnUnknownPlace() {
        given().when(new ChangeDetails(PLACE, "n", "a", ADDRESS, null)).thenRejectedWith(Refusal.Kind.NOT_FOUND, "structure-not-found");
    }

    @Test
    void changeDetails_toAnotherDepartement_isAllowedBeforeTheLabel_andTheGrantCarriesIt() {
        Address montpellier = new Address("1 rue", "34000", "Montpellier", "34");
        StructureDetailsChanged moved = new StructureDetailsChanged(PLACE, "n", "a", montpellier, null, NOW);
        given(REGISTERED, moved, APPLIED).when(new GrantLabel(PLACE, "ANCT-1", LocalDate.parse("2027-01-01")))
                .then(new LabelGranted(PLACE, "ANCT-1", LocalDate.parse("2027-01-01"), LocalDate.parse("2029-12-31"),
                        "34", NOW));
    }

    @Test
    void changeDetails_toAnotherDepartement_isRejected_whileLabelled() {
        given(REGISTERED, APPLIED, GRANTED)
                .when(new ChangeDetails(PLACE, "n", "a", new Address("1 rue", "34000", "Montpellier", "34"), null))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "departement-change-while-labelled");
    }

    @Test
    void changeDetails_withinTheDepartement_isAllowed_whileLabelled() {
        assertThat(given(REGISTERED, APPLIED, GRANTED)
                .when(new ChangeDetails(PLACE, "n", "a", new Address("9 rue", "30000", "Nîmes", "30"), null)).decided())
                .singleElement().isInstanceOf(StructureDetailsChanged.class);
    }

    @Test
    void withdraw_isRejected_forAnotherApplication() {
        given(REGISTERED, APPLIED).when(new WithdrawApplication(PLACE, UUID.randomUUID()))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "no-pending-application");
    }

    // the agency's review

    @Test
    void grant_givesAThreeYearConvention() {
        given(REGISTERED, APPLIED).when(new GrantLabel(PLACE, "ANCT-1", LocalDate.parse("2027-01-01")))
                .then(GRANTED);
    }

    @Test
    void grant_isRejected_withoutAPendingApplication() {
        given(REGISTERED).when(new GrantLabel(PLACE, "ANCT-1", LocalDate.parse("2027-01-01")))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "no-pending-application");
    }

    @Test
    void grant_isRejected_afterRefusal() {
        given(REGISTERED, APPLIED, new LabelRefused(PLACE, APPLICATION, "incomplete", NOW))
                .when(new GrantLabel(PLACE, "ANCT-1", LocalDate.parse("2027-01-01")))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "no-pending-application");
    }

    @Test
    void refuse_recordsTheReason() {
        given(REGISTERED, APPLIED).when(new RefuseLabel(PLACE, "incomplete"))
                .then(new LabelRefused(PLACE, APPLICATION, "incomplete", NOW));
    }

    @Test
    void refuse_isRejected_withoutAPendingApplication() {
        given(REGISTERED, APPLIED, GRANTED).when(new RefuseLabel(PLACE, "x"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "no-pending-application");
    }

    @Test
    void renew_startsTheNewConventionTheDayAfterTheOldEnds() {
        given(REGISTERED, APPLIED, GRANTED).when(new RenewLabel(PLACE, "ANCT-2"))
                .then(new LabelRenewed(PLACE, "ANCT-2", LocalDate.parse("2030-01-01"), LocalDate.parse("2032-12-31"), NOW));
    }

    @Test
    void renew_twice_chainsTheConventions() {
        LabelRenewed first = new LabelRenewed(PLACE, "ANCT-2", LocalDate.parse("2030-01-01"),
                LocalDate.parse("2032-12-31"), NOW);
        given(REGISTERED, APPLIED, GRANTED, first).when(new RenewLabel(PLACE, "ANCT-3"))
                .then(new LabelRenewed(PLACE, "ANCT-3", LocalDate.parse("2033-01-01"), LocalDate.parse("2035-12-31"), NOW));
    }

    @Test
    void renew_isRejected_whenExpired() {
        given(REGISTERED, APPLIED, GRANTED, EXPIRED).when(new RenewLabel(PLACE, "ANCT-2"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-expired");
    }

    @Test
    void renew_isRejected_pastTheLastDay_evenBeforeTheExpiryIsRecorded() {
        DeciderSpec.given(deciderAt("2030-01-01T12:00:00Z"), REGISTERED, APPLIED, GRANTED)
                .when(new RenewLabel(PLACE, "ANCT-2")).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-expired");
    }

    @Test
    void renew_isRejected_whenSuspended() {
        given(REGISTERED, APPLIED, GRANTED, SUSPENDED).when(new RenewLabel(PLACE, "ANCT-2"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-suspended");
    }

    @Test
    void renew_isRejected_whenNeverGranted() {
        given(REGISTERED, APPLIED).when(new RenewLabel(PLACE, "ANCT-2")).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-not-granted");
    }

    @Test
    void suspend_isEffectiveAtOnce() {
        given(REGISTERED, APPLIED, GRANTED).when(new SuspendLabel(PLACE, "quality check")).then(SUSPENDED);
    }

    @Test
    void suspend_isRejected_whenAlreadySuspended() {
        given(REGISTERED, APPLIED, GRANTED, SUSPENDED).when(new SuspendLabel(PLACE, "again"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-already-suspended");
    }

    @Test
    void suspend_isRejected_whenRevoked() {
        given(REGISTERED, APPLIED, GRANTED, REVOKED).when(new SuspendLabel(PLACE, "x"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-revoked");
    }

    @Test
    void suspend_isRejected_whenExpired() {
        given(REGISTERED, APPLIED, GRANTED, EXPIRED).when(new SuspendLabel(PLACE, "x"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-expired");
    }

    @Test
    void suspend_isRejected_whenNeverGranted() {
        given(REGISTERED).when(new SuspendLabel(PLACE, "x")).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-not-granted");
    }

    @Test
    void reinstate_liftsTheSuspension() {
        given(REGISTERED, APPLIED, GRANTED, SUSPENDED).when(new ReinstateLabel(PLACE))
                .then(new LabelReinstated(PLACE, NOW));
    }

    @Test
    void reinstate_isRejected_whenNotSuspended() {
        given(REGISTERED, APPLIED, GRANTED).when(new ReinstateLabel(PLACE)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-not-suspended");
    }

    @Test
    void reinstate_isRejected_whenRevoked() {
        given(REGISTERED, APPLIED, GRANTED, SUSPENDED, REVOKED).when(new ReinstateLabel(PLACE))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-revoked");
    }

    @Test
    void revoke_isFinal() {
        given(REGISTERED, APPLIED, GRANTED, SUSPENDED).when(new RevokeLabel(PLACE, "fraud")).then(REVOKED);
        given(REGISTERED, APPLIED, GRANTED, REVOKED).when(new RevokeLabel(PLACE, "again"))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-revoked");
    }

    @Test
    void revoke_isRejected_whenNeverGranted() {
        given(REGISTERED, APPLIED).when(new RevokeLabel(PLACE, "x")).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-not-granted");
    }

    @Test
    void expire_recordsTheLastDay_onceItIsOver() {
        DeciderSpec.given(deciderAt("2030-01-01T00:30:00Z"), REGISTERED, APPLIED, GRANTED)
                .when(new ExpireLabel(PLACE))
                .then(new LabelExpired(PLACE, LocalDate.parse("2029-12-31"), Instant.parse("2030-01-01T00:30:00Z")));
    }

    @Test
    void expire_isRejected_onTheLastDayItself() {
        // 22:30 UTC is 23:30 in Paris: still the last day
        DeciderSpec.given(deciderAt("2029-12-31T22:30:00Z"), REGISTERED, APPLIED, GRANTED)
                .when(new ExpireLabel(PLACE)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-not-due");
    }

    @Test
    void expire_isRejected_afterARenewal() {
        LabelRenewed renewed = new LabelRenewed(PLACE, "ANCT-2", LocalDate.parse("2030-01-01"),
                LocalDate.parse("2032-12-31"), NOW);
        DeciderSpec.given(deciderAt("2030-06-01T00:00:00Z"), REGISTERED, APPLIED, GRANTED, renewed)
                .when(new ExpireLabel(PLACE)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-not-due");
    }

    @Test
    void expire_isRejected_whenRevoked() {
        DeciderSpec.given(deciderAt("2030-06-01T00:00:00Z"), REGISTERED, APPLIED, GRANTED, REVOKED)
                .when(new ExpireLabel(PLACE)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "label-revoked");
    }

    @Test
    void expire_appliesToASuspendedLabelToo() {
        assertThat(DeciderSpec.given(deciderAt("2030-06-01T00:00:00Z"), REGISTERED, APPLIED, GRANTED, SUSPENDED)
                .when(new ExpireLabel(PLACE)).decided()).singleElement().isInstanceOf(LabelExpired.class);
    }
}
