package org.passledger.kernel.command;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.LedgerEvent;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.RecordedEvent;
import org.passledger.kernel.store.StreamAppend;

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

    /**
     * Decides many commands in one pass (group commit): their streams are read in one statement, each command is
     * decided in order on its stream's state (a later command of the group sees what an earlier one decided), and
     * every event is appended in one statement, each stream at the version that was read. A refusal by the rules
     * is the command's own answer and does not stop the others; a conflict with another transaction fails the
     * whole group (the caller rolls back and decides each command alone).
     */
    public <C, S, E extends LedgerEvent> Uni<List<Decided<S, E>>> handleAll(Mutiny.Session session,
                                                                           Decider<C, S, E> decider,
                                                                           Class<E> eventType,
                                                                           List<StreamCommand<C>> commands) {
        Set<String> streamIds = new LinkedHashSet<>();
        commands.forEach(command -> streamIds.add(command.streamId()));
        return store.loadAll(session, streamIds).chain(streams -> {
            Map<String, S> states = new HashMap<>();
            Map<String, Long> versions = new HashMap<>();
            streams.forEach((id, history) -> {
                states.put(id, decider.fold(history.stream().map(RecordedEvent::data).map(eventType::cast).toList()));
                versions.put(id, (long) history.size());
            });
            Set<String> appending = new HashSet<>();
            List<Decided<S, E>> results = new ArrayList<>();
            List<StreamAppend> appends = new ArrayList<>();
            for (StreamCommand<C> command : commands) {
                String id = command.streamId();
                S state = states.get(id);
                List<E> decided;
                try {
                    decided = decider.decide(command.command(), state);
                } catch (RuntimeException refusal) {
                    results.add(Decided.refused(refusal));
                    continue;
                }
                if (!decided.isEmpty() && !appending.add(id)) {
                    // one statement cannot check a version it writes itself: this one goes after the group
                    results.add(Decided.decideAlone());
                    continue;
                }
                S next = state;
                for (E event : decided) {
                    next = decider.evolve(next, event);
                }
                long before = versions.get(id);
                long after = before + decided.size();
                if (!decided.isEmpty()) {
                    appends.add(new StreamAppend(id, before, decided, command.metadata()));
                }
                states.put(id, next);
                versions.put(id, after);
                results.add(Decided.accepted(new Decision<>(id, decided, next, after)));
            }
            return store.appendAll(session, appends, EventMetadata.system("group-commit")).replaceWith(results);
        });
    }

    /** Reads a stream's current state without changing it. */
    public <C, S, E extends LedgerEvent> Uni<S> state(Mutiny.Session session, String streamId,
                                                     Decider<C, S, E> decider, Class<E> eventType) {
        return store.load(session, streamId)
                .map(history -> decider.fold(history.stream().map(RecordedEvent::data).map(eventType::cast).toList()));
    }
}
