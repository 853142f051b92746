package org.passledger.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.passledger.settlement.domain.SettlementPeriods.Period;

class SettlementPeriodsTest {

    /** An instant given in Paris wall-clock time. */
    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(StatementNumber.BOOKS_ZONE).toInstant();
    }

    @Test
    void previousMonth_runsFromMidnightToMidnightParisTime_acrossTheSpringDaylightSavingChange() {
        // summer time starts on 29 March 2026: March begins at UTC+1 and ends at UTC+2
        Period march = SettlementPeriods.previousMonth(Instant.parse("2026-04-15T10:00:00Z"));
        assertThat(march).isEqualTo(new Period(Instant.parse("2026-02-28T23:00:00Z"),
                Instant.parse("2026-03-31T22:00:00Z")));
        assertThat(march.contains(paris("2026-03-31T23:59:59"))).isTrue();
        assertThat(march.contains(paris("2026-04-01T00:00:00"))).isFalse();
        assertThat(march.contains(paris("2026-03-01T00:00:00"))).isTrue();
        assertThat(march.contains(paris("2026-02-28T23:59:59"))).isFalse();
        assertThat(SettlementPeriods.month(YearMonth.of(2026, 4)).contains(paris("2026-04-01T00:00:00"))).isTrue();
    }

    @Test
    void previousMonth_runsFromMidnightToMidnightParisTime_acrossTheAutumnDaylightSavingChange() {
        // summer time ends on 25 October 2026: October begins at UTC+2 and ends at UTC+1
        Period october = SettlementPeriods.previousMonth(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(october).isEqualTo(new Period(Instant.parse("2026-09-30T22:00:00Z"),
                Instant.parse("2026-10-31T23:00:00Z")));
        assertThat(october.contains(paris("2026-10-31T23:59:59"))).isTrue();
        assertThat(october.contains(Instant.parse("2026-10-31T22:59:59Z"))).isTrue();
        assertThat(october.contains(paris("2026-11-01T00:00:00"))).isFalse();
        assertThat(october.contains(paris("2026-10-01T00:00:00"))).isTrue();
        assertThat(october.contains(paris("2026-09-30T23:59:59"))).isFalse();
    }

    @Test
    void previousMonth_ofJanuary_isDecemberOfTheYearBefore_andMidnightItselfBelongsToTheNewMonth() {
        assertThat(SettlementPeriods.previousMonth(Instant.parse("2026-01-05T00:00:00Z")))
                .isEqualTo(new Period(Instant.parse("2025-11-30T23:00:00Z"), Instant.parse("2025-12-31T23:00:00Z")));
        // 1 April 2026 00:00 in Paris is 31 March 22:00 UTC: March is then the previous month
        assertThat(SettlementPeriods.previousMonth(paris("2026-04-01T00:00:00")).end())
                .isEqualTo(paris("2026-04-01T00:00:00"));
        assertThat(SettlementPeriods.previousMonth(paris("2026-03-31T23:59:59")).end())
                .isEqualTo(paris("2026-03-01T00:00:00"));
    }

    @Test
    void aRedemption_isHeldForTheHoldingPeriod_andPayableFromItsEnd() {
        Instant now = Instant.parse("2026-04-15T10:00:00Z");
        Duration fortnight = Duration.ofDays(14);
        assertThat(SettlementPeriods.isHeld(Instant.parse("2026-04-01T10:00:01Z"), now, fortnight)).isTrue();
        assertThat(SettlementPeriods.isHeld(Instant.parse("2026-04-01T10:00:00Z"), now, fortnight)).isFalse();
        assertThat(SettlementPeriods.isHeld(now, now, Duration.ZERO)).isFalse();
    }
}
