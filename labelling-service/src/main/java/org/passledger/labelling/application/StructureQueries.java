package org.passledger.labelling.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passledger.events.StructureEvent;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.RecordedEvent;
import org.passledger.labelling.domain.LabelTimeline;

/** Questions answered from a place's events themselves rather than from a read model. */
@ApplicationScoped
public class StructureQueries {

    private final Transactions transactions;
    private final EventStore store;

    public StructureQueries(Transactions transactions, EventStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /** Every event of the place's stream, oldest first, exactly as published on the labelling topic. */
    public Uni<List<RecordedEvent>> history(UUID structureId) {
        return transactions.read(session -> store.load(session, structureId.toString())).invoke(history -> {
            if (history.isEmpty()) {
                throw Refusal.notFound("structure", structureId);
            }
        });
    }

    /** Was the place labelled on that day, from the labelling topic's events alone. */
    public Uni<LabelTimeline.DayAnswer> labelledOn(UUID structureId, LocalDate date) {
        return history(structureId).map(history -> LabelTimeline.of(history.stream()
                .map(event -> (StructureEvent) event.data()).toList()).on(date));
    }
}
