package org.passledger.labelling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;

class LabelTimelineTest {

    static final UUID PLACE = UUID.randomUUID();
    static final Instant RECORDED = Instant.parse("2027-01-01T08:00:00Z");
    static final LabelGranted GRANTED = new LabelGranted(PLACE, "ANCT-1", LocalDate.parse("2027-01-15"),
            LocalDate.parse("2030-01-14"), "30", RECORDED);

    static LabelTimeline.DayAnswer on(String day, StructureEvent... events) {
        return LabelTimeline.of(List.of(events)).on(LocalDate.parse(day));
    }

    @Test
    void grantedLabel_coversItsConventionDaysInclusive() {
        assertThat(on("2027-01-14", GRANTED).labelled()).isFalse();
        assertThat(on("2027-01-15", GRANTED).labelledAllDay()).isTrue();
        assertThat(on("2030-01-14", GRANTED).labelledAllDay()).isTrue();
        assertThat(on("2030-01-15", GRANTED).labelled()).isFalse();
    }

    @Test
    void suspension_endsTheLabelFromItsInstant_untilReinstatement() {
        LabelSuspended suspended = new LabelSuspended(PLACE, "check", Instant.parse("2027-03-01T10:00:00Z"));
        LabelReinstated reinstated = new LabelReinstated(PLACE, Instant.parse("2027-03-05T08:00:00Z"));
        assertThat(on("2027-03-01", GRANTED, suspended, reinstated))
                .isEqualTo(new LabelTimeline.DayAnswer(LocalDate.parse("2027-03-01"), true, false));
        assertThat(on("2027-03-03", GRANTED, suspended, reinstated).labelled()).isFalse();
        assertThat(on("2027-03-05", GRANTED, suspended, reinstated))
                .isEqualTo(new LabelTimeline.DayAnswer(LocalDate.parse("2027-03-05"), true, false));
        assertThat(on("2027-03-06", GRANTED, suspended, reinstated).labelledAllDay()).isTrue();
        assertThat(on("2027-04-01", GRANTED, suspended).labelled()).isFalse();
    }

    @Test
    void renewal_continuesTheLabel_fromTheDayAfterTheOldConvention() {
        LabelRenewed renewed = new LabelRenewed(PLACE, "ANCT-2", LocalDate.parse("2030-01-15"),
                LocalDate.parse("2033-01-14"), RECORDED);
        assertThat(on("2030-01-15", GRANTED, renewed).labelledAllDay()).isTrue();
        assertThat(on("2033-01-15", GRANTED, renewed).labelled()).isFalse();
    }

    @Test
    void revocation_endsTheLabelForGood_fromItsInstant() {
        LabelRevoked revoked = new LabelRevoked(PLACE, "fraud", Instant.parse("2028-02-10T13:00:00Z"));
        assertThat(on("2028-02-10", GRANTED, revoked))
                .isEqualTo(new LabelTimeline.DayAnswer(LocalDate.parse("2028-02-10"), true, false));
        assertThat(on("2028-02-11", GRANTED, revoked).labelled()).isFalse();
        assertThat(on("2028-02-09", GRANTED, revoked).labelledAllDay()).isTrue();
    }

    @Test
    void expiry_keepsTheLastDay_andNothingAfter() {
        LabelExpired expired = new LabelExpired(PLACE, LocalDate.parse("2030-01-14"), Instant.parse("2030-01-15T00:05:00Z"));
        assertThat(on("2030-01-14", GRANTED, expired).labelledAllDay()).isTrue();
        assertThat(on("2030-01-15", GRANTED, expired).labelled()).isFalse();
    }
}
