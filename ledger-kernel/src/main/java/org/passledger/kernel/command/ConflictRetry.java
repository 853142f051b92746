package org.passledger.kernel.command;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.passledger.kernel.store.ConcurrencyConflict;

/**
 * Runs a whole write transaction again when another writer appended to one of its streams first, so that
 * honest concurrent requests succeed on fresh state (or are refused by the rules on it). Each conflict means
 * that another transaction committed a change to the stream, so the attempts bound how many concurrent
 * changes one request can lose to before it answers 409 concurrent-modification.
 */
public final class ConflictRetry {

    /** Enough for every honest race seen in the tests (20 concurrent orders on one programme). */
    public static final int ATTEMPTS = 16;

    private ConflictRetry() {
    }

    public static <T> Uni<T> retrying(Supplier<Uni<? extends T>> transaction) {
        return retrying(ATTEMPTS, transaction);
    }

    public static <T> Uni<T> retrying(int attempts, Supplier<Uni<? extends T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction)
                .onFailure(ConflictRetry::isConflict).retry().atMost(attempts - 1L);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyConflict) {
                return true;
            }
        }
        return false;
    }
}
