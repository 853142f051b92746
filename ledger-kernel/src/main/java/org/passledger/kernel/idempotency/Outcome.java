package org.passledger.kernel.idempotency;

import java.net.URI;

/** The answer to a value-moving request, kept so that a retry with the same key gets it again. */
public record Outcome(int status, Object body, URI location) {

    public static Outcome created(Object body, URI location) {
        return new Outcome(201, body, location);
    }

    public static Outcome ok(Object body) {
        return new Outcome(200, body, null);
    }
}
