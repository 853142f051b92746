package org.passledger.labelling.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.passledger.labelling.domain.InvalidFields;

/** Reads query parameters with a 400 that names the parameter. */
final class QueryParams {

    static final int MAX_PAGE_SIZE = 500;

    private QueryParams() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidFields.of("validation-failed", name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidFields.of("validation-failed", name, "must be a date YYYY-MM-DD");
        }
    }

    static int page(Integer page) {
        if (page != null && page < 1) {
            throw InvalidFields.of("validation-failed", "page", "must be 1 or more");
        }
        return page == null ? 1 : page;
    }

    static int size(Integer size, int fallback) {
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            throw InvalidFields.of("validation-failed", "size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size == null ? fallback : size;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
