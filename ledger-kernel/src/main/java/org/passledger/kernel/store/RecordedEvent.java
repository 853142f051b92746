package org.passledger.kernel.store;

import java.time.Instant;
import java.util.UUID;
import org.passledger.events.LedgerEvent;

/** An event as the store holds it: its place in the stream and in the whole store, and its metadata. */
public record RecordedEvent(
        long position,
        String streamId,
        long version,
        UUID eventId,
        String type,
        LedgerEvent data,
        EventMetadata metadata,
        Instant recordedAt) {
}
