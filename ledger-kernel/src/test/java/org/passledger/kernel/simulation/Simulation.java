package org.passledger.kernel.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.passledger.kernel.simulation.SimulatedStore.Event;

/**
 * One seeded run of the kernel's delivery pipeline: commands appending events with their outbox rows, the outbox
 * relay publishing to a broker and deleting on acknowledgement, two consumers applying with the inbox. Every choice
 * (which actor moves next, which fault strikes) comes from one {@link Random} of the seed, so a seed replays the same
 * run. The faults a seed enables, and how often, are drawn from the seed too (swarm testing: a run with only relay
 * crashes finds what a run with every fault at once hides). After the run, with no more faults, everything is let
 * settle; then the invariants are checked.
 */
final class Simulation {

    static final int STREAMS = 6;
    static final int PARTITIONS = 3;
    static final int BATCH = 4;
    private static final int SETTLE_STEPS = 5_000;

    /** How often each fault strikes in this run, per chance it has (0 = never). */
    record Faults(double relayCrash, double lostSend, double brokerRestart, double duplicateDelivery,
                  double crashBeforeCommit, double crashAfterCommit, double rewind, double rollback) {

        static Faults drawn(Random random) {
            return new Faults(rate(random), rate(random), rate(random) / 4, rate(random), rate(random), rate(random),
                    rate(random) / 4, rate(random));
        }

        private static double rate(Random random) {
            return random.nextBoolean() ? random.nextDouble() * 0.2 : 0;
        }
    }

    /** What a run did and what it found; {@code violations} is empty when every invariant held. */
    record Result(long seed, RelayVariant relay, Faults faults, int events, long records, long republished,
                  long relayCrashes, long consumerCrashes, long skipped, List<String> violations) {

        boolean ok() {
            return violations.isEmpty();
        }
    }

    private final long seed;
    private final Random random;
    private final Faults faults;
    private final SimulatedStore store;
    private final SimulatedBroker broker = new SimulatedBroker(PARTITIONS);
    private final SimulatedRelay relay;
    private final List<SimulatedConsumer> consumers;
    private final RelayVariant variant;

    private Simulation(long seed, RelayVariant variant) {
        this.seed = seed;
        this.variant = variant;
        this.random = new Random(seed);
        this.faults = Faults.drawn(random);
        this.store = new SimulatedStore(seed);
        this.relay = new SimulatedRelay(store, broker, variant, BATCH);
        this.consumers = List.of(new SimulatedConsumer("projection-a", broker),
                new SimulatedConsumer("projection-b", broker));
    }

    static Result run(long seed, RelayVariant variant) {
        return new Simulation(seed, variant).run();
    }

    private Result run() {
        int steps = 200 + random.nextInt(400);
        int maxEvents = 10 + random.nextInt(50);
        for (int i = 0; i < steps; i++) {
            step(maxEvents);
        }
        while (!store.open().isEmpty()) {
            store.commit(store.open().get(0));
        }
        for (int i = 0; i < SETTLE_STEPS && !settled(); i++) {
            relay.step();
            broker.step(false).forEach(relay::outcome);
            consumers.forEach(c -> c.step(random.nextInt(PARTITIONS), 1 + random.nextInt(BATCH), false, false, false));
        }
        List<Event> committed = store.committed();
        long republished = broker.records() - committed.stream().filter(e -> onTopic(e.id())).count();
        return new Result(seed, variant, faults, committed.size(), broker.records(), republished, relay.crashes,
                consumers.stream().mapToLong(c -> c.crashes).sum(), consumers.stream().mapToLong(c -> c.skipped).sum(),
                violations(committed));
    }

    private void step(int maxEvents) {
        int action = random.nextInt(7);
        switch (action) {
            case 0 -> append(maxEvents);
            case 1 -> {
                if (!store.open().isEmpty()) {
                    SimulatedStore.Append append = store.open().get(random.nextInt(store.open().size()));
                    if (chance(faults.rollback())) {
                        store.abort(append);
                    } else {
                        store.commit(append);
                    }
                }
            }
            case 2 -> {
                if (chance(faults.relayCrash())) {
                    relay.crash(random.nextInt(BATCH + 1));
                } else {
                    relay.step();
                }
            }
            case 3 -> {
                if (chance(faults.brokerRestart())) {
                    broker.crash().forEach(relay::outcome);
                } else {
                    broker.step(chance(faults.lostSend())).forEach(relay::outcome);
                }
            }
            default -> {
                SimulatedConsumer consumer = consumers.get(action == 4 ? 0 : 1);
                if (chance(faults.rewind())) {
                    consumer.rewind(random.nextInt(PARTITIONS), random.nextDouble());
                } else {
                    consumer.step(random.nextInt(PARTITIONS), 1 + random.nextInt(BATCH), chance(faults.duplicateDelivery()),
                            chance(faults.crashBeforeCommit()), chance(faults.crashAfterCommit()));
                }
            }
        }
    }

    /** A command's transaction: one to three events on one stream, sometimes on two streams at once (appendAll). */
    private void append(int maxEvents) {
        int stored = store.committed().size() + store.open().stream().mapToInt(a -> a.events.size()).sum();
        if (stored >= maxEvents || store.open().size() >= 3) {
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int streams = random.nextInt(4) == 0 ? 2 : 1;
        for (int i = 0; i < streams; i++) {
            String stream = "stream-" + random.nextInt(STREAMS);
            if (!store.busy(stream)) {
                counts.put(stream, 1 + random.nextInt(3));
            }
        }
        if (!counts.isEmpty()) {
            store.begin(counts);
        }
    }

    private boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private boolean settled() {
        return relay.idle() && store.outboxSize() == 0 && broker.idle()
                && consumers.stream().allMatch(SimulatedConsumer::caughtUp);
    }

    private boolean onTopic(UUID id) {
        for (int p = 0; p < PARTITIONS; p++) {
            if (broker.log(p).stream().anyMatch(e -> e.id().equals(id))) {
                return true;
            }
        }
        return false;
    }

    /** The invariants, in the order a reader would check them; the first few differences of each are named. */
    private List<String> violations(List<Event> committed) {
        List<String> violations = new ArrayList<>();
        Set<UUID> committedIds = new HashSet<>();
        committed.forEach(e -> committedIds.add(e.id()));
        Map<String, Long> firstSeen = new HashMap<>();
        Set<UUID> published = new HashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (Event event : broker.log(p)) {
                if (!committedIds.contains(event.id())) {
                    violations.add("published, never committed: " + describe(event));
                }
                if (published.add(event.id())) {
                    long before = firstSeen.getOrDefault(event.stream(), 0L);
                    if (event.version() != before + 1) {
                        violations.add("out of stream order on the topic: " + describe(event) + " first published after v"
                                + before);
                    }
                    firstSeen.put(event.stream(), event.version());
                }
            }
        }
        committed.stream().filter(e -> !published.contains(e.id())).limit(5)
                .forEach(e -> violations.add("committed, never published: " + describe(e)));
        for (SimulatedConsumer consumer : consumers) {
            committed.stream().filter(e -> consumer.applied.getOrDefault(e.id(), 0) != 1).limit(5)
                    .forEach(e -> violations.add(consumer.name + " applied " + describe(e) + " "
                            + consumer.applied.getOrDefault(e.id(), 0) + " times"));
            consumer.applied.keySet().stream().filter(id -> !committedIds.contains(id)).sorted().limit(5)
                    .forEach(id -> violations.add(consumer.name + " applied event " + id + ", never committed"));
            consumer.appliedVersions.forEach((stream, versions) -> {
                for (int i = 0; i < versions.size(); i++) {
                    if (versions.get(i) != i + 1) {
                        violations.add(consumer.name + " applied " + stream + " out of order: " + versions);
                        break;
                    }
                }
            });
        }
        if (store.outboxSize() > 0) {
            violations.add("the outbox does not drain: " + store.outboxSize() + " rows left after " + SETTLE_STEPS
                    + " steps without faults (" + relay.passes + " relay passes, " + broker.records() + " records for "
                    + committed.size() + " events)");
        }
        return violations;
    }

    private static String describe(Event event) {
        return event.stream() + " v" + event.version() + " (position " + event.position() + ")";
    }
}
