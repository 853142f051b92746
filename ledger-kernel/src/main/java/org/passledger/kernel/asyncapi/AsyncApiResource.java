package org.passledger.kernel.asyncapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.passledger.events.EventCatalog;

/**
 * Serves the AsyncAPI 3.0 document of the system's topics (shared-events' {@link EventCatalog#ASYNCAPI_RESOURCE}) to
 * anyone, like the OpenAPI document at {@code /q/openapi}: it describes the contract, never data. Every service
 * serves the same document; its operations are tagged with the service that performs them. Kept out of the
 * OpenAPI document, which describes the service's own API.
 */
@Path("/asyncapi.yaml")
@PermitAll
public class AsyncApiResource {

    public static final String MEDIA_TYPE = "application/yaml";

    private final byte[] document = load();

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(hidden = true)
    public byte[] document() {
        return document;
    }

    private static byte[] load() {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(EventCatalog.ASYNCAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No class-path resource " + EventCatalog.ASYNCAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
