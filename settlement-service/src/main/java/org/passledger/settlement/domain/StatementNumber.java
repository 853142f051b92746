package org.passledger.settlement.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** A statement's number: the year it was issued and its rank in that year, e.g. "2026-000042". */
public final class StatementNumber {

    /** Statements are numbered by the calendar year of the operator's books, kept in French time. */
    public static final ZoneId BOOKS_ZONE = ZoneId.of("Europe/Paris");
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{6,}");

    private StatementNumber() {
    }

    public static int yearOf(Instant issuedAt) {
        return issuedAt.atZone(BOOKS_ZONE).getYear();
    }

    public static String format(int year, long rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("a statement's rank starts at 1, was " + rank);
        }
        return String.format("%04d-%06d", year, rank);
    }

    public static boolean isValid(String number) {
        return number != null && FORMAT.matcher(number).matches();
    }
}
