package org.passledger.kernel.projection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The inbox's decision for one projection and one chunk of consumed events, apart from the database: the inbox
 * insert answered which of the chunk's event ids it had not seen ({@code fresh}); each of those is applied once,
 * in the chunk's order, and everything else (an event applied before, a second copy within the chunk) is skipped.
 * {@link ProjectionRunner} runs it after its {@code insert ... on conflict do nothing returning}, the kernel's
 * simulation (src/test, package {@code simulation}) after its model of that insert.
 */
public final class InboxClaim {

    private final Set<UUID> unapplied;

    public InboxClaim(Set<UUID> fresh) {
        this.unapplied = new HashSet<>(fresh);
    }

    /** The ids to record in the inbox for a chunk: each id once, in the chunk's order. */
    public static <E> List<UUID> idsToRecord(List<E> chunk, Function<E, UUID> id) {
        return chunk.stream().map(id).distinct().toList();
    }

    /** True the first time a fresh event is offered (apply it), false for a seen event or another copy (skip it). */
    public boolean claim(UUID eventId) {
        return unapplied.remove(eventId);
    }

    /** The chunk's events to apply, in order, each once: those {@link #claim} accepts. */
    public <E> List<E> claimAll(List<E> chunk, Function<E, UUID> id) {
        return chunk.stream().filter(e -> claim(id.apply(e))).toList();
    }
}
