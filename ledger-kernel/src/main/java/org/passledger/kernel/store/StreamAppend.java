package org.passledger.kernel.store;

import java.util.List;
import org.passledger.events.LedgerEvent;

/** Events to append to one stream after {@code expectedVersion} (0 for a new stream), as part of a batch. */
public record StreamAppend(String streamId, long expectedVersion, List<? extends LedgerEvent> events) {

    public StreamAppend {
        events = List.copyOf(events);
    }
}
