package org.passledger.kernel.simulation;

import java.util.List;
import org.passledger.kernel.outbox.RelayPass;

/**
 * The outbox relay's loop around the kernel's {@link RelayPass}, step by step so that anything can happen in
 * between: read the committed outbox rows oldest first, delete what the pass allows before sending (the kernel's:
 * nothing), send in the pass's order, wait for every acknowledgement (a failed send rolls the pass back), delete
 * what the pass allows then, commit. A crash may come at any step: between send and acknowledgement, between
 * acknowledgement and delete.
 */
final class SimulatedRelay {

    private enum Phase { IDLE, AWAITING, ACKNOWLEDGED }

    private final SimulatedStore store;
    private final SimulatedBroker broker;
    private final RelayVariant variant;
    private final int batchSize;
    private Phase phase = Phase.IDLE;
    private RelayPass pass;
    private long passId;
    private int acknowledged;
    private long cursor;
    long passes;
    long crashes;

    SimulatedRelay(SimulatedStore store, SimulatedBroker broker, RelayVariant variant, int batchSize) {
        this.store = store;
        this.broker = broker;
        this.variant = variant;
        this.batchSize = batchSize;
    }

    void step() {
        if (phase == Phase.IDLE) {
            List<Long> pending = store.pending(batchSize, variant.keepsACursor() ? cursor : 0);
            if (pending.isEmpty()) {
                return;
            }
            passes++;
            passId++;
            pass = variant.pass(pending, batchSize);
            store.delete(pass.deletable()); // the kernel's pass allows nothing yet
            acknowledged = 0;
            pass.sendOrder().forEach(position -> broker.send(passId, position, store.event(position)));
            phase = Phase.AWAITING;
        } else if (phase == Phase.ACKNOWLEDGED) {
            store.delete(pass.deletable());
            if (variant.keepsACursor()) {
                cursor = pass.sendOrder().get(pass.sendOrder().size() - 1);
            }
            phase = Phase.IDLE;
        }
    }

    void outcome(SimulatedBroker.Outcome outcome) {
        if (phase != Phase.AWAITING || outcome.send().pass() != passId) {
            return; // an acknowledgement for a pass that died: the record is on the topic all the same
        }
        if (!outcome.appended()) {
            phase = Phase.IDLE; // the send failed: the pass's transaction rolls back, its rows stay
            return;
        }
        pass.acknowledged(outcome.send().position());
        if (++acknowledged == pass.sendOrder().size()) {
            phase = Phase.ACKNOWLEDGED;
        }
    }

    /** Killed: its transaction rolls back; of its sends in flight, those already on the wire may still land. */
    void crash(int onTheWire) {
        crashes++;
        if (phase == Phase.AWAITING) {
            broker.relayDied(passId, onTheWire);
        }
        phase = Phase.IDLE;
        pass = null;
    }

    long passId() {
        return passId;
    }

    boolean idle() {
        return phase == Phase.IDLE;
    }
}
