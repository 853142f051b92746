package org.passledger.events.values;

import java.util.Objects;

/**
 * One opening slot of a place on one day of the week: {@code day} is an ISO day name ("MONDAY".."SUNDAY"),
 * {@code opens} and {@code closes} local times "HH:mm" (Europe/Paris).
 */
public record OpeningHours(String day, String opens, String closes) {

    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }
}
