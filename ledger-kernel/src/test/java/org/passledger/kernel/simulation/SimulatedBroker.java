package org.passledger.kernel.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.passledger.kernel.simulation.SimulatedStore.Event;

/**
 * A topic of a few partitions, keyed by stream, with sends in flight. What reaches a partition's log stays there
 * (acks=all). A send may be lost before it is appended; with the idempotent producer the kernel configures, the
 * sends after it to the same partition from the same pass are then refused too (never appended out of order), and
 * every lost send fails at the relay (the producer's delivery timeout).
 */
final class SimulatedBroker {

    /** A record the relay sent, waiting to be appended and acknowledged. */
    record Send(long pass, long position, Event event) {
    }

    /** What became of a send: appended (acknowledged) or lost (failed). */
    record Outcome(Send send, boolean appended) {
    }

    private final List<List<Event>> logs = new ArrayList<>();
    private final Deque<Send> inFlight = new ArrayDeque<>();

    SimulatedBroker(int partitions) {
        for (int i = 0; i < partitions; i++) {
            logs.add(new ArrayList<>());
        }
    }

    int partitionOf(String stream) {
        return Math.floorMod(stream.hashCode(), logs.size());
    }

    void send(long pass, long position, Event event) {
        inFlight.add(new Send(pass, position, event));
    }

    boolean idle() {
        return inFlight.isEmpty();
    }

    /** Handles the oldest send in flight: appends it, or loses it (and what follows it on its partition). */
    List<Outcome> step(boolean lose) {
        Send send = inFlight.poll();
        if (send == null) {
            return List.of();
        }
        if (!lose) {
            logs.get(partitionOf(send.event().stream())).add(send.event());
            return List.of(new Outcome(send, true));
        }
        List<Outcome> lost = new ArrayList<>();
        lost.add(new Outcome(send, false));
        int partition = partitionOf(send.event().stream());
        for (Iterator<Send> it = inFlight.iterator(); it.hasNext(); ) {
            Send later = it.next();
            if (later.pass() == send.pass() && partitionOf(later.event().stream()) == partition) {
                it.remove();
                lost.add(new Outcome(later, false));
            }
        }
        return lost;
    }

    /** A broker restart: every send not appended yet is lost. */
    List<Outcome> crash() {
        List<Outcome> lost = inFlight.stream().map(s -> new Outcome(s, false)).toList();
        inFlight.clear();
        return lost;
    }

    /**
     * The relay died with sends of this pass in flight: the first {@code onTheWire} of them still reach the broker,
     * the rest, still in the dead producer's buffer, never do.
     */
    void relayDied(long pass, int onTheWire) {
        int[] kept = {0};
        inFlight.removeIf(s -> s.pass() == pass && kept[0]++ >= onTheWire);
    }

    int inFlight(long pass) {
        return (int) inFlight.stream().filter(s -> s.pass() == pass).count();
    }

    int partitions() {
        return logs.size();
    }

    List<Event> log(int partition) {
        return logs.get(partition);
    }

    long records() {
        return logs.stream().mapToLong(List::size).sum();
    }
}
