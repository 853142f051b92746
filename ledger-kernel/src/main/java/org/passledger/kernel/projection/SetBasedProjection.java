package org.passledger.kernel.projection;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;

/**
 * A projection that applies a chunk of events with a few set-based statements (folded in memory, written
 * with one insert or update for the whole chunk) instead of event by event through the session. The runner
 * hands it, in order, the events of each chunk it has not seen yet (at most 500), in the transaction that
 * records them in the inbox. It reads and writes only its own tables, so its order relative to the other
 * projections of the channel does not matter. A failure fails the chunk: the runner then isolates the event
 * at fault, which arrives alone.
 */
public interface SetBasedProjection extends Projection {

    Uni<Void> applyChunk(Mutiny.Session session, List<EventEnvelope> events);

    @Override
    default Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        return applyChunk(session, List.of(event));
    }
}
