package org.passledger.events.values;

import java.util.Objects;

/** A postal address in France; {@code departement} is the INSEE code ("30", "2A", "971"). */
public record Address(String street, String postcode, String commune, String departement) {

    public Address {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(departement, "departement");
    }
}
