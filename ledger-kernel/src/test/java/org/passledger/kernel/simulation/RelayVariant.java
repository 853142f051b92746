package org.passledger.kernel.simulation;

import java.util.List;
import org.passledger.kernel.outbox.RelayPass;

/** The relay the simulation runs: the kernel's, or one broken on purpose to show the simulation catches it. */
enum RelayVariant {

    /** The kernel's {@link RelayPass} as it is (docs/adr/0001). */
    DELETE_ON_PUBLISH,
    /** Never deletes an outbox row: publishes the same events again on every pass, and the outbox never drains. */
    SKIP_DELETE,
    /** Deletes (and commits) the rows it read before the broker acknowledged them: a crash or a lost send loses them. */
    DELETE_BEFORE_ACK,
    /** Deletes on publish but remembers the last position it published: a late commit below it is never read. */
    CURSOR;

    RelayPass pass(List<Long> pending, int batchSize) {
        switch (this) {
            case SKIP_DELETE:
                return new RelayPass(pending, batchSize) {
                    @Override
                    public List<Long> deletable() {
                        return List.of();
                    }
                };
            case DELETE_BEFORE_ACK:
                return new RelayPass(pending, batchSize) {
                    @Override
                    public List<Long> deletable() {
                        return sendOrder();
                    }
                };
            default:
                return new RelayPass(pending, batchSize);
        }
    }

    boolean keepsACursor() {
        return this == CURSOR;
    }
}
