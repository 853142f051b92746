package org.passledger.events;

import java.util.Objects;
import java.util.regex.Pattern;

/** Value checks shared by the event records; each mirrors a minimum, maximum or pattern in the JSON Schemas. */
final class Require {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Require() {
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static int positive(int value, String field) {
        return between(value, 1, Integer.MAX_VALUE, field);
    }

    /** Rejects anything but a lowercase hex SHA-256, so a clear voucher code cannot slip into an event. */
    static String sha256Hex(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!SHA_256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be a lowercase hex SHA-256 (64 characters)");
        }
        return value;
    }
}
