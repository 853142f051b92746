package org.passledger.labelling.application;

import java.time.Instant;
import java.util.List;
import org.passledger.events.StructureEvent;

/** A place's shared and local streams merged into one ordered history. */
public record StructureHistory(List<Entry> entries, long sharedVersion) {

    /** One event with where it is stored: {@code sharedVersion} is null for a local event. */
    public record Entry(Object event, String type, Long sharedVersion, Instant recordedAt, String actor) {
    }

    public StructureHistory {
        entries = List.copyOf(entries);
    }

    public List<Object> events() {
        return entries.stream().map(Entry::event).toList();
    }

    /** Only what travelled on the labelling topic, as any other service sees it. */
    public List<StructureEvent> sharedEvents() {
        return entries.stream().map(Entry::event).filter(StructureEvent.class::isInstance)
                .map(StructureEvent.class::cast).toList();
    }
}
