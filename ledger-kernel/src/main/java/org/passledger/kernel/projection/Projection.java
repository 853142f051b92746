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

    /** Deletes every row of the read model. */
    Uni<Void> reset(Mutiny.Session session);
}
