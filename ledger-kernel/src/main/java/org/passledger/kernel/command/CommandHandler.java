package org.passledger.kernel.command;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.LedgerEvent;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.RecordedEvent;

/** Load a stream, fold it, decide, append at the version that was read: the one write path of every service. */
@ApplicationScoped
public class CommandHandler {

    private final EventStore store;

    public CommandHandler(EventStore store) {
        this.store = store;
    }

    public <C, S, E extends LedgerEvent> Uni<Decision<S, E>> handle(Mutiny.Session session, String streamId,
                                                                   Decider<C, S, E> decider, Class<E> eventType,
                                                                   C command, EventMetadata metadata) {
        return store.load(session, streamId).chain(history -> {
            List<E> past = history.stream().map(RecordedEvent::data).map(eventType::cast).toList();
            S state = decider.fold(past);
            List<E> decided = decider.decide(command, state);
            S next = state;
            for (E event : decided) {
                next = decider.evolve(next, event);
            }
            S finalState = next;
            if (decided.isEmpty()) {
                return Uni.createFrom().item(new Decision<>(streamId, decided, finalState, (long) past.size()));
            }
            return store.append(session, streamId, past.size(), decided, metadata)
                    .map(version -> new Decision<>(streamId, decided, finalState, version));
        });
    }

    /** Reads a stream's current state without changing it. */
    public <C, S, E extends LedgerEvent> Uni<S> state(Mutiny.Session session, String streamId,
                                                     Decider<C, S, E> decider, Class<E> eventType) {
        return store.load(session, streamId)
                .map(history -> decider.fold(history.stream().map(RecordedEvent::data).map(eventType::cast).toList()));
    }
}
