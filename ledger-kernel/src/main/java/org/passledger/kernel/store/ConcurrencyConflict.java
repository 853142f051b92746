package org.passledger.kernel.store;

import org.passledger.kernel.domain.Refusal;

/** Someone else appended to the stream since it was read: reload and decide again, or tell the caller. */
public class ConcurrencyConflict extends Refusal {

    public ConcurrencyConflict(String streamId, long expectedVersion) {
        super(Kind.CONFLICT_WITH_STATE, "concurrent-modification", "Concurrent modification",
                "The resource was changed by another request (stream " + streamId + " is no longer at version "
                        + expectedVersion + "). Read it again and retry.");
    }
}
