package org.passledger.kernel.store;

import org.passledger.kernel.problem.ProblemException;

/** Someone else appended to the stream since it was read: reload and decide again, or tell the caller. */
public class ConcurrencyConflict extends ProblemException {

    public ConcurrencyConflict(String streamId, long expectedVersion) {
        super(409, "concurrent-modification", "Concurrent modification",
                "The resource was changed by another request (stream " + streamId + " is no longer at version "
                        + expectedVersion + "). Read it again and retry.");
    }
}
