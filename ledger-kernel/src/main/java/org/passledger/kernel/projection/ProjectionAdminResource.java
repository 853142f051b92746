package org.passledger.kernel.projection;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.domain.Refusal;

/** Lets the operator rebuild a read model from the events, e.g. after a projection bug was fixed. */
@Path("/admin/projections")
@Tag(name = "Administration")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {

    private final Instance<Projection> projections;
    private final ProjectionRebuilder rebuilder;

    public ProjectionAdminResource(Instance<Projection> projections, ProjectionRebuilder rebuilder) {
        this.projections = projections;
        this.rebuilder = rebuilder;
    }

    /** The outcome of a rebuild. */
    public record RebuildReport(@Schema(example = "labelling.structure-view") String projection,
                                @Schema(example = "1842") int eventsApplied) {
    }

    @POST
    @Path("/{name}/rebuild")
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a read model from its topics")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    @APIResponse(responseCode = "403", description = "Not the operator")
    @APIResponse(responseCode = "404", description = "No projection of that name")
    public Uni<RebuildReport> rebuild(
            @Parameter(description = "The projection's name", example = "labelling.structure-view")
            @PathParam("name") String name) {
        Projection projection = projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("projection", name));
        return rebuilder.rebuild(projection).map(count -> new RebuildReport(name, count));
    }

    @GET
    @Operation(operationId = "listProjections", summary = "Names of the read models this service keeps")
    @APIResponse(responseCode = "200", description = "The names",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = String.class,
                    example = "[\"labelling.structure-view\"]")))
    @APIResponse(responseCode = "403", description = "Not the operator")
    public List<String> names() {
        return projections.stream().map(Projection::name).sorted().toList();
    }
}
