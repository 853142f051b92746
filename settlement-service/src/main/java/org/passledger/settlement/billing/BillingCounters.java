package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.settlement.domain.StatementNumber;

/**
 * Gap-free numbers per series and year ("FAC-2026-000001"): the counter row stays locked until the transaction
 * ends, so numbering is serialised, and a rollback takes its numbers back.
 */
final class BillingCounters {

    static final String INVOICES = "FAC";
    static final String CREDIT_NOTES = "AV";

    private BillingCounters() {
    }

    static int yearOf(Instant at) {
        return StatementNumber.yearOf(at);
    }

    static String format(String series, int year, long rank) {
        return series + "-" + StatementNumber.format(year, rank);
    }

    /** Locks the series' counter for the year and returns the last number issued. */
    static Uni<Long> lock(Mutiny.Session session, String series, int year) {
        return session.createNativeQuery("""
                        insert into billing_counters (series, year, last_number) values (:series, :year, 0)
                        on conflict do nothing""")
                .setParameter("series", series)
                .setParameter("year", year)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "select last_number from billing_counters where series = :series and year = :year for update",
                                Long.class)
                        .setParameter("series", series)
                        .setParameter("year", year)
                        .getSingleResult());
    }

    static Uni<Void> advance(Mutiny.Session session, String series, int year, long issued) {
        if (issued == 0) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        update billing_counters set last_number = last_number + :issued
                        where series = :series and year = :year""")
                .setParameter("issued", issued)
                .setParameter("series", series)
                .setParameter("year", year)
                .executeUpdate()
                .replaceWithVoid();
    }
}
