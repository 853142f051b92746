package org.passledger.settlement.reporting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.domain.SettlementPeriods;

/**
 * Totals per département and month (Europe/Paris) from the reconciliation facts: redemptions by the month they
 * were made (whether reversed since or not), reversals by the month they were made, reimbursements by the month
 * they were paid; the département is the one voucher.redeemed.v1 names for the redemption.
 */
@ApplicationScoped
public class AgencyTotals {

    /** One département's month. */
    @Schema(name = "AgencyTotalsRow")
    public record Row(String departement, String month, long redeemedCount, long redeemedCents, long reversedCount,
                      long reimbursedCount, long reimbursedCents) {
    }

    static final int MAX_MONTHS = 120;

    private static final String TOTALS = """
            select departement, month, sum(redeemed), sum(redeemed_cents), sum(reversed), sum(reimbursed),
                   sum(reimbursed_cents)
            from (
                select departement, to_char(redeemed_at at time zone 'Europe/Paris', 'YYYY-MM') as month,
                       1 as redeemed, face_value_cents as redeemed_cents, 0 as reversed, 0 as reimbursed,
                       0 as reimbursed_cents
                from recon_redemption
                where redeemed_at >= cast(:start as timestamptz) and redeemed_at < cast(:end as timestamptz)
                union all
                select departement, to_char(reversed_at at time zone 'Europe/Paris', 'YYYY-MM'), 0, 0, 1, 0, 0
                from recon_redemption
                where reversed_at >= cast(:start as timestamptz) and reversed_at < cast(:end as timestamptz)
                union all
                select coalesce(r.departement, 'unknown'),
                       to_char(m.reimbursed_at at time zone 'Europe/Paris', 'YYYY-MM'), 0, 0, 0, 1, m.amount_cents
                from recon_reimbursement m left join recon_redemption r on r.redemption_id = m.redemption_id
                where m.reimbursed_at >= cast(:start as timestamptz) and m.reimbursed_at < cast(:end as timestamptz)
            ) facts
            group by departement, month
            order by departement, month""";

    /** The rows for the months from..to, both included ("2026-03"). */
    public Uni<List<Row>> totals(Mutiny.Session session, String from, String to) {
        YearMonth first = month(from, "from");
        YearMonth last = month(to, "to");
        if (last.isBefore(first)) {
            throw Refusal.invalid("invalid-period", "'to' (" + to + ") is before 'from' (" + from + ").");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
            throw Refusal.invalid("invalid-period", "At most " + MAX_MONTHS + " months at once.");
        }
        return session.createNativeQuery(TOTALS, Object[].class)
                .setParameter("start", SettlementPeriods.month(first).start().atOffset(ZoneOffset.UTC))
                .setParameter("end", SettlementPeriods.month(last).end().atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Row((String) r[0], (String) r[1], number(r[2]), number(r[3]),
                        number(r[4]), number(r[5]), number(r[6]))).toList());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static YearMonth month(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("invalid-month", "'" + name + "' is required, as YYYY-MM.");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-month", "'" + name + "' must be a month as YYYY-MM, not '"
                    + value + "'.");
        }
    }
}
