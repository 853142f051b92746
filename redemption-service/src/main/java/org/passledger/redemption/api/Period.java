package org.passledger.redemption.api;

import java.time.Instant;
import java.time.LocalDate;
import org.passledger.kernel.domain.Refusal;
import org.passledger.redemption.domain.LabelHistory;

/** A period of Europe/Paris days, both ends inclusive and optional, as the instants [start, end). */
record Period(Instant start, Instant end) {

    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    static Period of(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw Refusal.invalid("invalid-period", "The period starts after it ends.");
        }
        return new Period(from == null ? BEGINNING : from.atStartOfDay(LabelHistory.PARIS).toInstant(),
                to == null ? FAR_FUTURE : to.plusDays(1).atStartOfDay(LabelHistory.PARIS).toInstant());
    }
}
