package org.passledger.kernel.outbox;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pass of the outbox relay, apart from the database and the broker (docs/adr/0001): the committed outbox rows
 * it read, oldest first, are sent in that order; their rows may leave the outbox only once the broker acknowledged
 * every one of them, and then all of them; a pass that filled its batch is followed by another at once.
 * {@link OutboxRelay} runs it against PostgreSQL and Kafka, the kernel's simulation (src/test, package
 * {@code simulation}) against its models of them, and its deliberately broken relays override {@link #deletable()}.
 */
public class RelayPass {

    private final List<Long> positions;
    private final int batchSize;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet(); // acknowledgements come on the producer's threads

    /** {@code pending}: the outbox positions the pass read, in outbox order (at most {@code batchSize}). */
    public RelayPass(List<Long> pending, int batchSize) {
        for (int i = 1; i < pending.size(); i++) {
            if (pending.get(i - 1) >= pending.get(i)) {
                throw new IllegalArgumentException("outbox rows out of order: " + pending);
            }
        }
        this.positions = List.copyOf(pending);
        this.batchSize = batchSize;
    }

    /** What to send, in this order: the outbox order, so the events of one stream leave in version order. */
    public List<Long> sendOrder() {
        return positions;
    }

    /** The broker acknowledged the record of this outbox row. */
    public void acknowledged(long position) {
        if (!positions.contains(position)) {
            throw new IllegalArgumentException("position " + position + " is not in this pass");
        }
        acknowledged.add(position);
    }

    /** The outbox rows that may be deleted now: every row of the pass once all are acknowledged, none before. */
    public List<Long> deletable() {
        return acknowledged.size() == positions.size() ? positions : List.of();
    }

    /** Whether another pass should follow at once: this one took a full batch, so more rows may be waiting. */
    public boolean another() {
        return positions.size() >= batchSize;
    }
}
