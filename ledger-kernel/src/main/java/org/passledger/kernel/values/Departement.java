package org.passledger.kernel.values;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** A French département code: 01-95 without 20, Corsica's 2A and 2B, and the overseas 971-976. */
public record Departement(String code) {

    private static final Set<String> CODES = Stream.of(
                    IntStream.rangeClosed(1, 95).filter(n -> n != 20).mapToObj(n -> String.format("%02d", n)),
                    Stream.of("2A", "2B"),
                    IntStream.rangeClosed(971, 976).filter(n -> n != 975).mapToObj(String::valueOf))
            .flatMap(s -> s)
            .collect(Collectors.toUnmodifiableSet());

    public Departement {
        if (!isValid(code)) {
            throw org.passledger.kernel.domain.Refusal.invalid("invalid-departement",
                    "'" + code + "' is not a French département code.");
        }
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    /** Whether a postcode lies in this département (Corsica's postcodes start with 20, overseas with 97x). */
    public static boolean contains(String departement, String postcode) {
        if (postcode == null || !postcode.matches("\\d{5}") || !isValid(departement)) {
            return false;
        }
        if (departement.startsWith("2A") || departement.startsWith("2B")) {
            return postcode.startsWith("20");
        }
        return postcode.startsWith(departement);
    }
}
