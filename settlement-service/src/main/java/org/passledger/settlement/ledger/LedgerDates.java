package org.passledger.settlement.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.passledger.kernel.domain.Refusal;

/**
 * Reads the ledger's date bounds: a day ("2026-03-31", whole days in Europe/Paris, the books' time zone) or an
 * instant ("2026-03-31T22:00:00Z"). Entries count by the time of their source event.
 */
public final class LedgerDates {

    public static final ZoneId BOOKS_ZONE = ZoneId.of("Europe/Paris");

    private LedgerDates() {
    }

    /** The exclusive end a bound names: the start of the next day for a day, the instant itself otherwise. */
    public static Instant endOf(String bound, String field) {
        if (bound == null || bound.isBlank()) {
            return null;
        }
        LocalDate day = day(bound);
        return day != null ? day.plusDays(1).atStartOfDay(BOOKS_ZONE).toInstant() : instant(bound, field);
    }

    /** The inclusive start a bound names: the start of the day for a day, the instant itself otherwise. */
    public static Instant startOf(String bound, String field) {
        if (bound == null || bound.isBlank()) {
            return null;
        }
        LocalDate day = day(bound);
        return day != null ? day.atStartOfDay(BOOKS_ZONE).toInstant() : instant(bound, field);
    }

    private static LocalDate day(String bound) {
        if (bound.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(bound);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String bound, String field) {
        try {
            return Instant.parse(bound);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-date", "'" + field + "' must be a day (2026-03-31) or an instant "
                    + "(2026-03-31T22:00:00Z), was '" + bound + "'.");
        }
    }
}
