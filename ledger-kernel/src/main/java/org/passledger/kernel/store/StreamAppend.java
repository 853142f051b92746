package org.passledger.kernel.store;

import java.util.List;
import org.passledger.events.LedgerEvent;

/**
 * Events to append to one stream after {@code expectedVersion} (0 for a new stream), as part of a batch.
 * {@code metadata} is the request that caused them when the batch carries many requests (group commit), or null
 * to take the batch's.
 */
public record StreamAppend(String streamId, long expectedVersion, List<? extends LedgerEvent> events,
                           EventMetadata metadata) {

    public StreamAppend {
        events = List.copyOf(events);
    }

    public StreamAppend(String streamId, long expectedVersion, List<? extends LedgerEvent> events) {
        this(streamId, expectedVersion, events, null);
    }
}
