package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.openapi.StandardResponsesFilter;
import org.passledger.kernel.problem.Problem;

/** What the filter adds to an operation, and what it leaves as the resource declared it. */
class StandardResponsesFilterTest {

    private final StandardResponsesFilter filter = new StandardResponsesFilter();

    @Test
    void aSecuredOperation_answers401And403WithProblems() {
        Operation operation = secured(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The place"))));

        filter.filterOpenAPI(document(operation));

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("200", "401", "403");
        assertProblem(operation.getResponses().getAPIResponse("401"), StandardResponsesFilter.UNAUTHENTICATED);
        assertProblem(operation.getResponses().getAPIResponse("403"), StandardResponsesFilter.FORBIDDEN);
        assertThat(operation.getResponses().getAPIResponse("200").getContent()).isNull();
    }

    @Test
    void quarkusPlaceholder403_becomesTheStandardOne_aParticular403KeepsItsWords() {
        Operation placeholder = secured(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"))));
        Operation particular = secured(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("403", OASFactory.createAPIResponse().description("Not the operator"))));

        filter.filterOpenAPI(document(placeholder));
        filter.filterOpenAPI(document(particular));

        assertProblem(placeholder.getResponses().getAPIResponse("403"), StandardResponsesFilter.FORBIDDEN);
        assertProblem(particular.getResponses().getAPIResponse("403"), "Not the operator");
    }

    @Test
    void everyErrorWithoutContent_isAProblem_onlySecuredOperationsGet401() {
        Operation open = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("400", OASFactory.createAPIResponse().description("Invalid filter"))
                .addAPIResponse("409", OASFactory.createAPIResponse().description("voucher-already-redeemed")));

        filter.filterOpenAPI(document(open));

        assertThat(open.getResponses().getAPIResponses()).containsOnlyKeys("400", "409");
        assertProblem(open.getResponses().getAPIResponse("400"), "Invalid filter");
        assertProblem(open.getResponses().getAPIResponse("409"), "voucher-already-redeemed");
    }

    @Test
    void anOperationTakingAnIdempotencyKey_answers422() {
        Operation idempotent = OASFactory.createOperation().responses(OASFactory.createAPIResponses())
                .addParameter(OASFactory.createParameter().in(Parameter.In.HEADER).name("Idempotency-Key"));
        Operation query = OASFactory.createOperation().responses(OASFactory.createAPIResponses())
                .addParameter(OASFactory.createParameter().in(Parameter.In.QUERY).name("page"));

        filter.filterOpenAPI(document(idempotent));
        filter.filterOpenAPI(document(query));

        assertProblem(idempotent.getResponses().getAPIResponse("422"), StandardResponsesFilter.KEY_REUSED);
        assertThat(query.getResponses().getAPIResponses()).isEmpty();
    }

    @Test
    void anErrorWithItsOwnContent_isLeftAsDeclared() {
        var example = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(StandardResponsesFilter.PROBLEM_SCHEMA))
                .addExample("already redeemed", OASFactory.createExample().value("{}")));
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("409", OASFactory.createAPIResponse().description("Refused").content(example)));

        filter.filterOpenAPI(document(operation));

        assertThat(operation.getResponses().getAPIResponse("409").getContent()).isSameAs(example);
    }

    private static Operation secured(Operation operation) {
        return operation.security(List.of(OASFactory.createSecurityRequirement().addScheme("jwt")));
    }

    private static OpenAPI document(Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things", OASFactory.createPathItem().GET(operation)));
    }

    private static void assertProblem(APIResponse response, String description) {
        assertThat(response.getDescription()).isEqualTo(description);
        assertThat(response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                .isEqualTo(StandardResponsesFilter.PROBLEM_SCHEMA);
    }
}
