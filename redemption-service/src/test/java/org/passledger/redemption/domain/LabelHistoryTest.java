package org.passledger.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.values.Address;

class LabelHistoryTest {

    static final UUID PLACE = UUID.randomUUID();
    static final Instant RECORDED = Instant.parse("2026-11-20T10:00:00Z");

    static LabelHistory granted() {
        return LabelHistory.NONE.apply(new LabelGranted(PLACE, "ANCT-2026-030-0001", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2029-11-30"), "30", RECORDED));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aRegisteredPlaceWithoutGrant_isNotLabelled() {
        LabelHistory history = LabelHistory.NONE.apply(new StructureRegistered(PLACE, "Connect & vous",
                "73282932000074", "association", new Address("1 place de la Mairie", "30600", "Vauvert", "30"),
                null, RECORDED));
        assertThat(history).isEqualTo(LabelHistory.NONE);
        assertThat(history.inForceAt(at("2027-01-01T10:00:00Z"))).isFalse();
    }

    @Test
    void theConventionIsInForce_fromItsFirstToItsLastDayInParis_inclusive() {
        LabelHistory history = granted();
        assertThat(history.inForceAt(at("2026-11-30T22:59:59Z"))).as("30 Nov 23:59 Paris").isFalse();
        assertThat(history.inForceAt(at("2026-11-30T23:00:00Z"))).as("1 Dec 00:00 Paris").isTrue();
        assertThat(history.inForceAt(at("2029-11-30T22:59:59Z"))).as("30 Nov 2029 23:59 Paris").isTrue();
        assertThat(history.inForceAt(at("2029-11-30T23:00:00Z"))).as("1 Dec 2029 00:00 Paris").isFalse();
    }

    @Test
    void aSuspension_holdsFromItsEffectiveInstantUntilReinstatement() {
        LabelHistory suspended = granted().apply(new LabelSuspended(PLACE, "quality check", at("2027-03-01T08:00:00Z")));
        assertThat(suspended.inForceAt(at("2027-03-01T07:59:59Z"))).isTrue();
        assertThat(suspended.inForceAt(at("2027-03-01T08:00:00Z"))).isFalse();
        assertThat(suspended.inForceAt(at("2027-06-01T08:00:00Z"))).as("open while not reinstated").isFalse();

        LabelHistory reinstated = suspended.apply(new LabelReinstated(PLACE, at("2027-04-01T08:00:00Z")));
        assertThat(reinstated.inForceAt(at("2027-03-15T08:00:00Z"))).as("still suspended then").isFalse();
        assertThat(reinstated.inForceAt(at("2027-04-01T08:00:00Z"))).isTrue();
        assertThat(reinstated.inForceAt(at("2027-02-15T08:00:00Z"))).as("before the suspension").isTrue();
    }

    @Test
    void aSecondSuspension_whileSuspended_keepsTheFirstStart() {
        LabelHistory history = granted()
                .apply(new LabelSuspended(PLACE, "first", at("2027-03-01T08:00:00Z")))
                .apply(new LabelSuspended(PLACE, "second", at("2027-03-05T08:00:00Z")))
                .apply(new LabelReinstated(PLACE, at("2027-04-01T08:00:00Z")));
        assertThat(history.suspensions()).hasSize(1);
        assertThat(history.inForceAt(at("2027-03-02T08:00:00Z"))).isFalse();
        assertThat(history.inForceAt(at("2027-04-02T08:00:00Z"))).isTrue();
    }

    @Test
    void aRevocation_endsTheLabelFromItsEffectiveInstant_butNotBefore() {
        LabelHistory revoked = granted().apply(new LabelRevoked(PLACE, "charter breached", at("2027-05-10T12:00:00Z")));
        assertThat(revoked.inForceAt(at("2027-05-10T11:59:59Z"))).isTrue();
        assertThat(revoked.inForceAt(at("2027-05-10T12:00:00Z"))).isFalse();
        assertThat(revoked.inForceAt(at("2028-01-10T12:00:00Z"))).isFalse();
    }

    @Test
    void anExpiry_endsTheLabelAfterItsLastDay() {
        LabelHistory expired = granted().apply(new LabelExpired(PLACE, LocalDate.parse("2028-06-30"), RECORDED));
        assertThat(expired.inForceAt(at("2028-06-30T21:00:00Z"))).as("30 June 23:00 Paris").isTrue();
        assertThat(expired.inForceAt(at("2028-06-30T22:00:00Z"))).as("1 July 00:00 Paris").isFalse();
    }

    @Test
    void aRenewal_extendsTheLabelBeyondTheFirstConvention() {
        LabelHistory renewed = granted().apply(new LabelRenewed(PLACE, "ANCT-2029-030-0001",
                LocalDate.parse("2029-12-01"), LocalDate.parse("2032-11-30"), RECORDED));
        assertThat(renewed.inForceAt(at("2029-12-01T10:00:00Z"))).isTrue();
        assertThat(renewed.inForceAt(at("2032-11-30T10:00:00Z"))).isTrue();
        assertThat(renewed.inForceAt(at("2032-12-01T10:00:00Z"))).isFalse();
    }

    @Test
    void aGrantAfterRevocation_opensANewPeriod() {
        LabelHistory history = granted()
                .apply(new LabelRevoked(PLACE, "charter breached", at("2027-05-10T12:00:00Z")))
                .apply(new LabelGranted(PLACE, "ANCT-2028-030-0009", LocalDate.parse("2028-01-01"),
                        LocalDate.parse("2030-12-31"), "30", RECORDED));
        assertThat(history.inForceAt(at("2027-10-01T10:00:00Z"))).isFalse();
        assertThat(history.inForceAt(at("2028-01-02T10:00:00Z"))).isTrue();
    }
}
