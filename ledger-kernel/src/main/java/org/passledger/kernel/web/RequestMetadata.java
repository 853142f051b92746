package org.passledger.kernel.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.store.EventMetadata;

/** Event metadata for the current HTTP request: its correlation id (taken from the caller when given) and actor. */
@RequestScoped
public class RequestMetadata {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final HttpServerRequest request;
    private final Caller caller;

    public RequestMetadata(HttpServerRequest request, Caller caller) {
        this.request = request;
        this.caller = caller;
    }

    public EventMetadata events() {
        return new EventMetadata(correlationId(), null, caller.actor());
    }

    private UUID correlationId() {
        String given = request.getHeader(CORRELATION_HEADER);
        if (given != null) {
            try {
                return UUID.fromString(given);
            } catch (IllegalArgumentException ignored) {
                // a caller's malformed correlation id is not worth refusing the request for
            }
        }
        return UUID.randomUUID();
    }
}
