package org.passledger.labelling.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.labelling.domain.StructureCommand.ExpireLabel;

/**
 * Records {@code structure.label-expired.v1} for every label whose last day is over and that was not renewed.
 * Candidates come from the read model; the place's own events decide, so a stale candidate is only skipped.
 */
@ApplicationScoped
public class LabelExpiryJob {

    public static final String ACTOR = "system:label-expiry";
    private static final Logger LOG = Logger.getLogger(LabelExpiryJob.class);

    private final Transactions transactions;
    private final StructureService service;

    public LabelExpiryJob(Transactions transactions, StructureService service) {
        this.transactions = transactions;
        this.service = service;
    }

    @Scheduled(identity = "label-expiry", every = "${labelling.label-expiry.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return expireDueLabels().invoke(expired -> {
            if (!expired.isEmpty()) {
                LOG.infof("Expired %d label(s)", expired.size());
            }
        }).replaceWithVoid();
    }

    /** Expires every label due today by the injected clock; answers the places it expired. */
    public Uni<List<UUID>> expireDueLabels() {
        java.time.LocalDate today = service.decider().today();
        return transactions.read(session -> session.createNativeQuery("""
                        select cast(structure_id as text) from structure_view
                        where label_status in ('GRANTED', 'SUSPENDED') and label_valid_until < cast(:today as date)
                        order by label_valid_until""", String.class)
                        .setParameter("today", today)
                        .getResultList())
                .chain(candidates -> Multi.createFrom().iterable(candidates)
                        .onItem().transformToUniAndConcatenate(this::expire)
                        .filter(id -> id != null)
                        .collect().asList());
    }

    private Uni<UUID> expire(String structureId) {
        UUID id = UUID.fromString(structureId);
        return transactions.write(session -> service.handle(session, new ExpireLabel(id), EventMetadata.system(ACTOR)))
                .replaceWith(id)
                .onFailure(Refusal.class).recoverWithNull();
    }
}
