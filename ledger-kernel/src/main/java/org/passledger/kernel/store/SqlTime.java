package org.passledger.kernel.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Moves instants in and out of SQL as epoch microseconds (PostgreSQL's own precision), which avoids
 * time-zone dependent text forms and ":" characters that native-query parameter parsing would misread.
 */
public final class SqlTime {

    /** SQL expression giving a timestamptz column as epoch microseconds. */
    public static String micros(String column) {
        return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
    }

    private SqlTime() {
    }

    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant fromMicros(Object micros) {
        long value = ((Number) micros).longValue();
        return Instant.EPOCH.plus(value, ChronoUnit.MICROS);
    }
}
