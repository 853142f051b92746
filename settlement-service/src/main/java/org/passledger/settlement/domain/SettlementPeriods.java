package org.passledger.settlement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * Periods and holding, in the operator's books' time: a month runs from midnight Europe/Paris on its first day
 * to midnight Europe/Paris on the first day of the next, whatever the daylight-saving offset; the bounds are
 * stored as UTC instants.
 */
public final class SettlementPeriods {

    /** A half-open period [start, end). */
    public record Period(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    private SettlementPeriods() {
    }

    public static Period month(YearMonth month) {
        return new Period(midnightOn(month), midnightOn(month.plusMonths(1)));
    }

    /** The calendar month before the one now falls in, in Paris time. */
    public static Period previousMonth(Instant now) {
        ZonedDateTime local = now.atZone(StatementNumber.BOOKS_ZONE);
        return month(YearMonth.from(local).minusMonths(1));
    }

    /** The latest redemption time that is payable at {@code now}: anything after it is still held. */
    public static Instant payableUntil(Instant now, Duration holdingPeriod) {
        return now.minus(holdingPeriod);
    }

    public static boolean isHeld(Instant redeemedAt, Instant now, Duration holdingPeriod) {
        return redeemedAt.isAfter(payableUntil(now, holdingPeriod));
    }

    private static Instant midnightOn(YearMonth month) {
        return month.atDay(1).atStartOfDay(StatementNumber.BOOKS_ZONE).toInstant();
    }
}
