package org.passledger.events.values;

import java.util.Objects;

/** A service a place offers, by code (e.g. "online-procedures"), with its label and duration in minutes. */
public record CatalogueService(String code, String label, int durationMinutes) {

    public CatalogueService {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be >= 1, was " + durationMinutes);
        }
    }
}
