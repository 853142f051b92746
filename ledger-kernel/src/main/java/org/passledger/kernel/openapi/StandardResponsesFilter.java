package org.passledger.kernel.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.problem.Problem;

/**
 * What every operation of every service documents, said once here rather than on each resource: a secured
 * operation (one with a security requirement, which Quarkus adds to every {@code @RolesAllowed} method) answers
 * 401 and 403, an operation taking an Idempotency-Key answers 422 when the key was used for another request, and
 * every error answer is a problem document. A resource declares only what is particular to it: its success
 * bodies, its 4xx with their own wording (no content needed), a 403 whose reason it explains.
 * Runs at build time, so the stored document the API clients are generated from has it too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class StandardResponsesFilter implements OASFilter {

    public static final String UNAUTHENTICATED = "No valid bearer token";
    public static final String FORBIDDEN = "Role or party not allowed";
    public static final String KEY_REUSED = "The Idempotency-Key was used for another request (idempotency-key-reused)";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** What Quarkus writes for a {@code @RolesAllowed} method that declares no 403 of its own. */
    private static final String QUARKUS_FORBIDDEN = "Not Allowed";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                complete(operation);
            }
        }
    }

    private static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().description(UNAUTHENTICATED));
            APIResponse forbidden = responses.getAPIResponse("403");
            if (forbidden == null || QUARKUS_FORBIDDEN.equals(forbidden.getDescription())) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse().description(FORBIDDEN));
            }
        }
        if (takesIdempotencyKey(operation) && !responses.hasAPIResponse("422")) {
            responses.addAPIResponse("422", OASFactory.createAPIResponse().description(KEY_REUSED));
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && isEmpty(response.getValue().getContent())) {
                response.getValue().setContent(problem());
            }
        }
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
