package org.passledger.kernel.store;

import java.util.Objects;
import java.util.UUID;

/** Who caused an event and in answer to what: travels with every event to Kafka as CloudEvents extensions. */
public record EventMetadata(UUID correlationId, UUID causationId, String actor) {

    public EventMetadata {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(actor, "actor");
    }

    /** Metadata for work that no request started, such as a scheduler. */
    public static EventMetadata system(String actor) {
        return new EventMetadata(UUID.randomUUID(), null, actor);
    }
}
