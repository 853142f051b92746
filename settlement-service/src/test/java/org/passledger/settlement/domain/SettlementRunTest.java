package org.passledger.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.SettlementRunOpened;
import org.passledger.events.SettlementEvent.SettlementRunOpenedV2;
import org.passledger.settlement.domain.SettlementRunCommand.OpenSettlementRun;

class SettlementRunTest {

    static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
    static final Instant MARCH = Instant.parse("2026-02-28T23:00:00Z");
    static final Instant APRIL = Instant.parse("2026-03-31T22:00:00Z");
    static final UUID RUN = UUID.randomUUID();

    final DeciderSpec<SettlementRunCommand, SettlementRunState, SettlementEvent> spec =
            DeciderSpec.of(new SettlementRun(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void open_recordsThePeriodAndWhenItWasOpened() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "2026-03", MARCH, APRIL, 0L))
                .then(new SettlementRunOpenedV2(RUN, "2026-03", MARCH, APRIL, NOW, true, 0L));
    }

    @Test
    void open_acceptsAPeriodEndingNow() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "today", MARCH, NOW, 0L))
                .then(new SettlementRunOpenedV2(RUN, "today", MARCH, NOW, NOW, true, 0L));
    }

    @Test
    void open_goesAhead_whileRedemptionsAreStillToBeApplied_andSaysSo() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "2026-03", MARCH, APRIL, 4L))
                .then(new SettlementRunOpenedV2(RUN, "2026-03", MARCH, APRIL, NOW, false, 4L));
    }

    @Test
    void open_isNotComplete_whenTheBacklogCouldNotBeTold() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "2026-03", MARCH, APRIL, null))
                .then(new SettlementRunOpenedV2(RUN, "2026-03", MARCH, APRIL, NOW, false, null));
    }

    @Test
    void open_isRejected_whenARunOpenedBeforeTheBacklogWasRecorded_isOpenedAgain() {
        spec.given(new SettlementRunOpened(RUN, "2026-03", MARCH, APRIL, NOW))
                .when(new OpenSettlementRun(RUN, "2026-03", MARCH, APRIL, 0L))
                .thenRejectedWith("run-already-opened");
    }

    @Test
    void open_isRejected_whenThePeriodIsNotOver() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "2026-04", APRIL, NOW.plusSeconds(1), 0L))
                .thenRejectedWith("period-in-future");
    }

    @Test
    void open_isRejected_whenThePeriodStartsAfterItEnds() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "backwards", APRIL, MARCH, 0L))
                .thenRejectedWith("invalid-period");
    }

    @Test
    void open_isRejected_whenThePeriodIsEmpty() {
        spec.given()
                .when(new OpenSettlementRun(RUN, "empty", MARCH, MARCH, 0L))
                .thenRejectedWith("invalid-period");
    }

    @Test
    void open_isRejected_whenTheRunIsAlreadyOpen() {
        spec.given(new SettlementRunOpened(RUN, "2026-03", MARCH, APRIL, NOW))
                .when(new OpenSettlementRun(RUN, "2026-03", MARCH, APRIL, 0L))
                .thenRejectedWith("run-already-opened");
    }

    @Test
    void statementNumbers_areTheYearAndASixDigitRank_inFrenchTime() {
        assertThat(StatementNumber.format(2026, 1)).isEqualTo("2026-000001");
        assertThat(StatementNumber.yearOf(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(2027);
        assertThat(StatementNumber.isValid("2026-000042")).isTrue();
        assertThat(StatementNumber.isValid("2026-42")).isFalse();
    }
}
