package org.passledger.settlement.billing;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.settlement.domain.StatementNumber;

/**
 * Runs the credit notes once a month on its own: checked every hour against the injected Clock, the first check
 * of a month (Europe/Paris) claims the month in credit_note_months and runs, in one transaction; later checks
 * of the month find it claimed and do nothing.
 */
@ApplicationScoped
public class MonthlyCreditNotes {

    static final String ACTOR = "settlement-service:monthly-credit-notes";
    private static final Logger LOG = Logger.getLogger(MonthlyCreditNotes.class);

    private final Transactions transactions;
    private final CreditNotes notes;
    private final Clock clock;

    public MonthlyCreditNotes(Transactions transactions, CreditNotes notes, Clock clock) {
        this.transactions = transactions;
        this.notes = notes;
        this.clock = clock;
    }

    @Scheduled(identity = "monthly-credit-notes", every = "${ledger.billing.credit-notes.check-every:1h}",
            delayed = "${ledger.billing.credit-notes.first-check-after:1m}", // once messaging is up
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runMonth(YearMonth.from(clock.instant().atZone(StatementNumber.BOOKS_ZONE))).invoke(issued -> {
            if (issued != null && !issued.isEmpty()) {
                LOG.infof("Monthly run issued %d credit note(s)", issued.size());
            }
        }).replaceWithVoid();
    }

    /** Runs the credit notes for the month unless it was run already; null when it was. */
    public Uni<List<CreditNotes.Issued>> runMonth(YearMonth month) {
        return transactions.write(session -> session.createNativeQuery("""
                        insert into credit_note_months (month, ran_at, credit_notes) values (:month, :now, 0)
                        on conflict do nothing""")
                .setParameter("month", month.toString())
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .chain(claimed -> {
                    if (claimed == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    return notes.run(session, EventMetadata.system(ACTOR))
                            .call(issued -> session.createNativeQuery(
                                            "update credit_note_months set credit_notes = :count where month = :month")
                                    .setParameter("count", issued.size())
                                    .setParameter("month", month.toString())
                                    .executeUpdate());
                }));
    }
}
