package org.passledger.settlement.recovery;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.EventMetadata;

/** Issues the debit notes that fall due, on the injected clock (POST /debit-note-runs does the same on demand). */
@ApplicationScoped
public class DebitNoteJob {

    public static final String ACTOR = "system:debit-notes";
    private static final Logger LOG = Logger.getLogger(DebitNoteJob.class);

    private final Transactions transactions;
    private final DebitNotes notes;

    public DebitNoteJob(Transactions transactions, DebitNotes notes) {
        this.transactions = transactions;
        this.notes = notes;
    }

    @Scheduled(identity = "debit-notes", every = "${ledger.settlement.debit-notes.every:1h}",
            delayed = "${ledger.settlement.debit-notes.delayed:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return transactions.write(session -> notes.run(session, EventMetadata.system(ACTOR)))
                .invoke(issued -> {
                    if (!issued.isEmpty()) {
                        LOG.infof("Issued %d debit note(s)", issued.size());
                    }
                })
                .replaceWithVoid();
    }
}
