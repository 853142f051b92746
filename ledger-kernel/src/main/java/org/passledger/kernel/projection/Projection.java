package org.passledger.kernel.projection;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;

/**
 * A read model fed by events. {@link ProjectionRunner} calls {@code apply} at most once per event id, in
 * the transaction that records the event in the inbox; {@code reset} empties it before a rebuild.
 */
public interface Projection {

    /** Stable name, used as the inbox key and in the rebuild endpoint. */
    String name();

    /** The topics the projection is built from, read again from the start by a rebuild. */
    List<String> topics();

    /** Applies one event; events the projection does not use are ignored. */
    Uni<Void> apply(Mutiny.Session session, EventEnvelope event);

    /**
     * Loads, in one query, what {@code apply} will look up for these events (say, the rows they update), so a
     * batch of events costs one read instead of one per event. Optional: by default nothing is loaded ahead.
     */
    default Uni<Void> prefetch(Mutiny.Session session, List<EventEnvelope> events) {
        return Uni.createFrom().voidItem();
    }

    /**
     * True when {@code apply} reads and writes its rows only through the session (find, persist, changed fields),
     * never with a query, so it needs no flush between two events: the runner then flushes once per chunk of
     * events and the inserts and updates go out batched. False (the default) flushes after every event.
     */
    default boolean sessionOnly() {
        return false;
    }

    /** Deletes every row of the read model. */
    Uni<Void> reset(Mutiny.Session session);
}
