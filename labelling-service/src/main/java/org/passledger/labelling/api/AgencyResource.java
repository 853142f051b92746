package org.passledger.labelling.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Roles;
import org.passledger.labelling.application.StructureService;
import org.passledger.labelling.domain.InvalidFields;
import org.passledger.labelling.projection.ApplicationSummary;
import org.passledger.labelling.projection.LabelCount;
import org.passledger.labelling.projection.LabelQueries;
import org.passledger.labelling.projection.LabelSummary;
import org.passledger.labelling.projection.Page;

/** What the national agency watches: applications to review, labels by département and status, labels about to end. */
@Path("/agency")
@Tag(name = "Agency", description = "The national agency's view of the scheme's places")
@RolesAllowed({Roles.AGENCY, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid query parameter")
@APIResponse(responseCode = "403", description = "Only the agency and the operator")
public class AgencyResource {

    private static final Set<String> APPLICATION_STATUSES = Set.of("PENDING", "WITHDRAWN", "REFUSED", "GRANTED");
    private static final Set<String> LABEL_STATUSES =
            Set.of("NONE", "APPLIED", "GRANTED", "SUSPENDED", "REVOKED", "EXPIRED");

    private final LabelQueries labels;
    private final StructureService service;

    public AgencyResource(LabelQueries labels, StructureService service) {
        this.labels = labels;
        this.service = service;
    }

    @GET
    @Path("/label-applications")
    @Operation(operationId = "listLabelApplications", summary = "Label applications, pending ones by default, oldest first")
    @APIResponse(responseCode = "200", description = "A page of applications",
            content = @Content(schema = @Schema(implementation = ApplicationPage.class)))
    public Uni<Page<ApplicationSummary>> applications(
            @Parameter(example = "PENDING") @QueryParam("status") String status,
            @Parameter(example = "1") @QueryParam("page") Integer page,
            @Parameter(example = "50") @QueryParam("size") Integer size) {
        String wanted = status == null ? "PENDING" : status;
        if (!APPLICATION_STATUSES.contains(wanted)) {
            throw InvalidFields.of("validation-failed", "status", "must be one of " + APPLICATION_STATUSES);
        }
        return labels.applications(wanted, QueryParams.page(page), QueryParams.size(size, 50));
    }

    @GET
    @Path("/labels")
    @Operation(operationId = "listLabels", summary = "Places and their label, by département and status")
    @APIResponse(responseCode = "200", description = "A page of labels",
            content = @Content(schema = @Schema(implementation = LabelPage.class)))
    public Uni<Page<LabelSummary>> labels(
            @Parameter(example = "30") @QueryParam("departement") String departement,
            @Parameter(example = "GRANTED") @QueryParam("status") String status,
            @Parameter(example = "1") @QueryParam("page") Integer page,
            @Parameter(example = "50") @QueryParam("size") Integer size) {
        if (status != null && !LABEL_STATUSES.contains(status)) {
            throw InvalidFields.of("validation-failed", "status", "must be one of " + LABEL_STATUSES);
        }
        return labels.labels(QueryParams.blankToNull(departement), status, QueryParams.page(page),
                QueryParams.size(size, 50));
    }

    @GET
    @Path("/labels/counts")
    @Operation(operationId = "countLabels", summary = "How many places per département and label status")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = LabelCount.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<LabelCount>> counts() {
        return labels.counts();
    }

    @GET
    @Path("/labels/expiring")
    @Operation(operationId = "listExpiringLabels", summary = "Labels whose convention ends within the coming days (60 by default)")
    @APIResponse(responseCode = "200", description = "A page of labels, soonest end first",
            content = @Content(schema = @Schema(implementation = LabelPage.class)))
    public Uni<Page<LabelSummary>> expiring(
            @Parameter(example = "60") @QueryParam("withinDays") Integer withinDays,
            @Parameter(example = "1") @QueryParam("page") Integer page,
            @Parameter(example = "50") @QueryParam("size") Integer size) {
        int days = withinDays == null ? 60 : withinDays;
        if (days < 0 || days > 366) {
            throw InvalidFields.of("validation-failed", "withinDays", "must be between 0 and 366");
        }
        return labels.expiring(service.decider().today(), days, QueryParams.page(page), QueryParams.size(size, 50));
    }

    /** For the OpenAPI document: a page of applications. */
    @Schema(name = "LabelApplicationPage")
    public record ApplicationPage(int page, int size, long total, List<ApplicationSummary> items) {
    }

    /** For the OpenAPI document: a page of labels. */
    @Schema(name = "LabelPage")
    public record LabelPage(int page, int size, long total, List<LabelSummary> items) {
    }
}
