package org.passledger.kernel.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passledger.kernel.projection.InboxClaim;
import org.passledger.kernel.simulation.SimulatedStore.Event;

/**
 * A consumer group with one projection, as {@code ProjectionRunner} runs it: a poll batch of a partition is applied
 * in one transaction that records its event ids in the inbox and applies what the kernel's {@link InboxClaim} lets
 * through; the offset is committed after the transaction. Crashes before and after the commit, duplicate delivery
 * within a batch and a seek back to an older offset are the faults it meets.
 */
final class SimulatedConsumer {

    final String name;
    private final SimulatedBroker broker;
    private final long[] committedOffsets;
    private final long[] positions;
    private final Set<UUID> inbox = new HashSet<>();
    /** The projection: how often each event was applied, and each stream's versions in the order applied. */
    final Map<UUID, Integer> applied = new HashMap<>();
    final Map<String, List<Long>> appliedVersions = new HashMap<>();
    long skipped;
    long crashes;

    SimulatedConsumer(String name, SimulatedBroker broker) {
        this.name = name;
        this.broker = broker;
        this.committedOffsets = new long[broker.partitions()];
        this.positions = new long[broker.partitions()];
    }

    boolean caughtUp() {
        for (int p = 0; p < positions.length; p++) {
            if (positions[p] < broker.log(p).size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Polls a batch of up to {@code max} records of the first partition with records from {@code start} on, and
     * applies it; {@code duplicate} delivers one of its records twice; {@code crashBefore} and {@code crashAfter}
     * kill the consumer before or after the transaction commits (it then starts again from its committed offsets).
     */
    void step(int start, int max, boolean duplicate, boolean crashBefore, boolean crashAfter) {
        for (int i = 0; i < positions.length; i++) {
            int p = (start + i) % positions.length;
            List<Event> log = broker.log(p);
            if (positions[p] < log.size()) {
                int end = (int) Math.min(log.size(), positions[p] + max);
                List<Event> batch = new ArrayList<>(log.subList((int) positions[p], end));
                if (duplicate) {
                    batch.add(batch.size() / 2, batch.get(0));
                }
                apply(p, batch, end, crashBefore, crashAfter);
                return;
            }
        }
    }

    private void apply(int partition, List<Event> batch, long next, boolean crashBefore, boolean crashAfter) {
        List<UUID> ids = InboxClaim.idsToRecord(batch, Event::id);
        Set<UUID> fresh = new HashSet<>();
        for (UUID id : ids) {
            if (!inbox.contains(id)) { // insert ... on conflict do nothing returning event_id
                fresh.add(id);
            }
        }
        List<Event> toApply = new InboxClaim(fresh).claimAll(batch, Event::id);
        if (crashBefore) {
            restart();
            return;
        }
        inbox.addAll(fresh); // commit: the inbox rows and the projection's change together
        skipped += batch.size() - toApply.size();
        for (Event event : toApply) {
            applied.merge(event.id(), 1, Integer::sum);
            appliedVersions.computeIfAbsent(event.stream(), s -> new ArrayList<>()).add(event.version());
        }
        if (crashAfter) {
            restart();
            return;
        }
        committedOffsets[partition] = next;
        positions[partition] = next;
    }

    /** A restart: it polls again from its committed offsets. */
    void restart() {
        crashes++;
        System.arraycopy(committedOffsets, 0, positions, 0, positions.length);
    }

    /** The group is reset to an older offset of a partition (an operator's seek, a rebalance): redelivery. */
    void rewind(int partition, double fraction) {
        committedOffsets[partition] = (long) Math.floor(committedOffsets[partition] * fraction);
        positions[partition] = committedOffsets[partition];
    }
}
