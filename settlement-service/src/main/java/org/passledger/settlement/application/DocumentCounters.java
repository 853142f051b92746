package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.settlement.domain.StatementNumber;

/**
 * Gap-free numbers per series and year for every document this service issues: statements ("2026-000001"),
 * invoices ("FAC-2026-000001"), credit notes ("AV-...") and debit notes ("ND-..."). The counter row stays locked
 * until the transaction ends, so numbering is serialised, and a rollback takes its numbers back.
 */
public final class DocumentCounters {

    public static final String STATEMENTS = "ST";
    public static final String INVOICES = "FAC";
    public static final String CREDIT_NOTES = "AV";
    public static final String DEBIT_NOTES = "ND";

    private DocumentCounters() {
    }

    public static int yearOf(Instant at) {
        return StatementNumber.yearOf(at);
    }

    /** A prefixed document number, e.g. "FAC-2026-000007"; statements are numbered by StatementNumber alone. */
    public static String format(String series, int year, long rank) {
        return series + "-" + StatementNumber.format(year, rank);
    }

    /** Locks the series' counter for the year and returns the last number issued. */
    public static Uni<Long> lock(Mutiny.Session session, String series, int year) {
        return session.createNativeQuery("""
                        insert into document_counters (series, year, last_number) values (:series, :year, 0)
                        on conflict do nothing""")
                .setParameter("series", series)
                .setParameter("year", year)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "select last_number from document_counters where series = :series and year = :year for update",
                                Long.class)
                        .setParameter("series", series)
                        .setParameter("year", year)
                        .getSingleResult());
    }

    /** Moves the locked counter on by the numbers the transaction issued. */
    public static Uni<Void> advance(Mutiny.Session session, String series, int year, long issued) {
        if (issued == 0) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        update document_counters set last_number = last_number + :issued
                        where series = :series and year = :year""")
                .setParameter("issued", issued)
                .setParameter("series", series)
                .setParameter("year", year)
                .executeUpdate()
                .replaceWithVoid();
    }
}
