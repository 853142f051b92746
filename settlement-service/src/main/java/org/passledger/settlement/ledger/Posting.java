package org.passledger.settlement.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One balanced ledger entry, derived from one source event: its lines' debits equal their credits, each line
 * moves a positive amount on one side only, and the entry cites the event it comes from.
 */
public record Posting(UUID entryId, UUID sourceEventId, String sourceType, Instant bookedAt, String description,
                      List<Line> lines) {

    /** An amount on one side of one account. */
    public record Line(String account, long debitCents, long creditCents) {

        public Line {
            if (!Accounts.isValid(account)) {
                throw new IllegalArgumentException("not an account of the chart: " + account);
            }
            if (debitCents < 0 || creditCents < 0 || (debitCents == 0) == (creditCents == 0)) {
                throw new IllegalArgumentException("a line is a positive debit or a positive credit: " + account
                        + " " + debitCents + "/" + creditCents);
            }
        }

        public static Line debit(String account, long cents) {
            return new Line(account, cents, 0);
        }

        public static Line credit(String account, long cents) {
            return new Line(account, 0, cents);
        }

        /** Debit minus credit: positive on the debit side. */
        public long signedCents() {
            return debitCents - creditCents;
        }
    }

    public Posting {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an entry has lines");
        }
        long debits = lines.stream().mapToLong(Line::debitCents).sum();
        long credits = lines.stream().mapToLong(Line::creditCents).sum();
        if (debits != credits) {
            throw new IllegalArgumentException("unbalanced entry for event " + sourceEventId + ": debits " + debits
                    + " != credits " + credits);
        }
    }

    /** The entry's id is derived from its source event, so a rebuild books the same entry under the same id. */
    public static UUID entryIdOf(UUID sourceEventId) {
        return UUID.nameUUIDFromBytes(("ledger-entry:" + sourceEventId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public long totalDebitCents() {
        return lines.stream().mapToLong(Line::debitCents).sum();
    }
}
