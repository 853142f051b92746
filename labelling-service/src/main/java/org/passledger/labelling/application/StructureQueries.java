package org.passledger.labelling.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.labelling.domain.LabelTimeline;

/** Questions answered from a place's events themselves rather than from a read model. */
@ApplicationScoped
public class StructureQueries {

    private final Transactions transactions;
    private final StructureStreams streams;

    public StructureQueries(Transactions transactions, StructureStreams streams) {
        this.transactions = transactions;
        this.streams = streams;
    }

    public Uni<StructureHistory> history(UUID structureId) {
        return transactions.read(session -> streams.load(session, structureId)).invoke(history -> {
            if (history.entries().isEmpty()) {
                throw ProblemException.notFound("structure", structureId);
            }
        });
    }

    /** Was the place labelled on that day, from the labelling topic's events alone. */
    public Uni<LabelTimeline.DayAnswer> labelledOn(UUID structureId, LocalDate date) {
        return history(structureId).map(history -> LabelTimeline.of(history.sharedEvents()).on(date));
    }
}
