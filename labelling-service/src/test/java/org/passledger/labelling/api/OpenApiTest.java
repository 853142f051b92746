package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passledger.testkit.LedgerTestResources;

/**
 * Every operation of the published document is named, summarised, exemplified and lists its errors; a secured one
 * documents 401 and 403, one taking an Idempotency-Key 422, and every error is a problem document.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class OpenApiTest {

    @SuppressWarnings("unchecked")
    @Test
    void everyOperation_hasOperationIdSummaryErrorResponsesAndExamples() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!(method.getValue() instanceof Map<?, ?> raw) || method.getKey().equals("parameters")) {
                    continue;
                }
                Map<String, Object> operation = (Map<String, Object>) raw;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                if (isBlank(operation.get("operationId"))) {
                    defects.add(name + ": no operationId");
                }
                if (isBlank(operation.get("summary"))) {
                    defects.add(name + ": no summary");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                    defects.add(name + ": no error response");
                } else {
                    defects.addAll(errorDefects(name, operation, responses));
                }
                if (!hasExample(operation, schemas)) {
                    defects.add(name + ": no example");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(18);
        assertThat(schemas).containsKey("Problem");
        assertThat(defects).isEmpty();
    }

    /** A secured operation without 401 or 403, an idempotent one without 422, an error that is not a problem. */
    @SuppressWarnings("unchecked")
    private static List<String> errorDefects(String name, Map<String, Object> operation,
                                             Map<String, Object> responses) {
        List<String> defects = new ArrayList<>();
        if (operation.get("security") != null && !(responses.containsKey("401") && responses.containsKey("403"))) {
            defects.add(name + ": secured without 401 and 403");
        }
        boolean idempotent = String.valueOf(operation.get("parameters")).contains("name=Idempotency-Key");
        if (idempotent && !responses.containsKey("422")) {
            defects.add(name + ": takes an Idempotency-Key without 422");
        }
        for (var response : responses.entrySet()) {
            Object content = ((Map<String, Object>) response.getValue()).get("content");
            Object problem = content == null ? null : ((Map<String, Object>) content).get("application/problem+json");
            if (response.getKey().startsWith("4")
                    && !String.valueOf(problem).contains("$ref=#/components/schemas/Problem")) {
                defects.add(name + ": " + response.getKey() + " is not a problem document");
            }
        }
        return defects;
    }

    /** An example on a parameter, on the request body's schema, or on the success response's schema. */
    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> operation, Map<String, Map<String, Object>> schemas) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.get("parameters");
        if (parameters != null && parameters.stream().anyMatch(p -> p.get("example") != null
                || (p.get("schema") instanceof Map<?, ?> s && s.get("example") != null))) {
            return true;
        }
        String text = String.valueOf(operation.get("requestBody")) + operation.get("responses");
        if (text.contains("example")) {
            return true;
        }
        for (var schema : schemas.entrySet()) {
            if (text.contains("#/components/schemas/" + schema.getKey() + "}")
                    && String.valueOf(schema.getValue()).contains("example")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
