package org.passledger.settlement.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.store.SqlTime;

/** Reads of the ledger: balances per account and an account's entries, both as of a time. */
@ApplicationScoped
public class LedgerQueries {

    /** Bounds standing for "no bound": the ledger holds nothing outside them. */
    private static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    /** An account's totals. */
    public record AccountTotals(String account, long debitCents, long creditCents) {

        public long balanceCents() {
            return debitCents - creditCents;
        }
    }

    /** One entry's line on an account. */
    public record AccountLine(UUID entryId, UUID sourceEventId, String sourceType, Instant bookedAt,
                              String description, long debitCents, long creditCents) {
    }

    /** Every account with entries booked before {@code before} (all of them when null), by name. */
    public Uni<List<AccountTotals>> trialBalance(Mutiny.Session session, Instant before) {
        return session.createNativeQuery("""
                        select l.account, sum(l.debit_cents), sum(l.credit_cents)
                        from ledger_lines l join ledger_entries e on e.entry_id = l.entry_id
                        where e.booked_at < :before
                        group by l.account order by l.account""", Object[].class)
                .setParameter("before", or(before, END).atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.stream().map(row -> new AccountTotals((String) row[0],
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList());
    }

    /** The account's totals over entries booked before {@code before}. */
    public Uni<AccountTotals> totals(Mutiny.Session session, String account, Instant before) {
        return session.createNativeQuery("""
                        select coalesce(sum(l.debit_cents), 0), coalesce(sum(l.credit_cents), 0)
                        from ledger_lines l join ledger_entries e on e.entry_id = l.entry_id
                        where l.account = :account and e.booked_at < :before""", Object[].class)
                .setParameter("account", account)
                .setParameter("before", or(before, END).atOffset(ZoneOffset.UTC))
                .getSingleResult()
                .map(row -> new AccountTotals(account, ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** The account's lines booked in [from, before), in booking order. */
    public Uni<List<AccountLine>> lines(Mutiny.Session session, String account, Instant from, Instant before) {
        return session.createNativeQuery("""
                        select cast(e.entry_id as text), cast(e.source_event_id as text), e.source_type, """
                        + SqlTime.micros("e.booked_at") + """
                        , e.description, l.debit_cents, l.credit_cents
                        from ledger_lines l join ledger_entries e on e.entry_id = l.entry_id
                        where l.account = :account and e.booked_at >= :from and e.booked_at < :before
                        order by e.booked_at, e.source_event_id, l.line_no""", Object[].class)
                .setParameter("account", account)
                .setParameter("from", or(from, BEGINNING).atOffset(ZoneOffset.UTC))
                .setParameter("before", or(before, END).atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> {
                    List<AccountLine> lines = new ArrayList<>();
                    for (Object[] row : rows) {
                        lines.add(new AccountLine(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                                (String) row[2], SqlTime.fromMicros(row[3]), (String) row[4],
                                ((Number) row[5]).longValue(), ((Number) row[6]).longValue()));
                    }
                    return lines;
                });
    }

    private static Instant or(Instant value, Instant otherwise) {
        return value == null ? otherwise : value;
    }
}
