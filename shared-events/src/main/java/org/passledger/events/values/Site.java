package org.passledger.events.values;

import java.util.Objects;

/** Another address where a place runs its workshops; {@code location} is null when not geocoded. */
public record Site(String name, Address address, GeoPoint location) {

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
