package org.passledger.kernel.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The event store and its outbox, in memory, as the kernel's SQL uses them: an append takes its positions when it
 * inserts, but its events and outbox rows are seen only once its transaction commits, and transactions commit in
 * any order (so a late commit brings a lower position than rows already published). A stream with an open append
 * takes no other (in PostgreSQL the second would conflict on the version).
 */
final class SimulatedStore {

    /** One stored event: the unit everything downstream is checked on. */
    record Event(UUID id, String stream, long version, long position) {
    }

    /** An open transaction of a command, with the events it inserted. */
    static final class Append {
        final List<Event> events = new ArrayList<>();
    }

    private final TreeMap<Long, Event> committed = new TreeMap<>();
    private final TreeSet<Long> outbox = new TreeSet<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final List<Append> open = new ArrayList<>();
    private final long seed;
    private long nextPosition = 1;
    private long nextId = 1;

    SimulatedStore(long seed) {
        this.seed = seed;
    }

    boolean busy(String stream) {
        return open.stream().anyMatch(a -> a.events.stream().anyMatch(e -> e.stream().equals(stream)));
    }

    /** Inserts {@code count} events on each stream after its committed version; the transaction stays open. */
    Append begin(Map<String, Integer> counts) {
        Append append = new Append();
        counts.forEach((stream, count) -> {
            long version = versions.getOrDefault(stream, 0L);
            for (int i = 0; i < count; i++) {
                append.events.add(new Event(new UUID(seed, nextId++), stream, ++version, nextPosition++));
            }
        });
        open.add(append);
        return append;
    }

    List<Append> open() {
        return open;
    }

    void commit(Append append) {
        open.remove(append);
        for (Event event : append.events) {
            committed.put(event.position(), event);
            outbox.add(event.position());
            versions.put(event.stream(), event.version());
        }
    }

    /** Rolled back: its positions stay a gap, as a sequence's do. */
    void abort(Append append) {
        open.remove(append);
    }

    /** The committed outbox rows in position order, above {@code after}, at most {@code limit}. */
    List<Long> pending(int limit, long after) {
        return outbox.tailSet(after, false).stream().limit(limit).toList();
    }

    void delete(List<Long> positions) {
        positions.forEach(outbox::remove);
    }

    Event event(long position) {
        return committed.get(position);
    }

    /** Every committed event, in position order. */
    List<Event> committed() {
        return List.copyOf(committed.values());
    }

    int outboxSize() {
        return outbox.size();
    }
}
