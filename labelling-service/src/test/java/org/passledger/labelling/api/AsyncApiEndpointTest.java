package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.passledger.testkit.AsyncApiDocument;
import org.passledger.testkit.LedgerTestResources;

/** The AsyncAPI document of the topics is public, is the committed one, and describes this service's consumers. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class AsyncApiEndpointTest {

    @Test
    void asyncApiDocument_isServedWithoutToken_andDescribesEveryConsumerAsItRuns() {
        String served = given().when().get("/asyncapi.yaml")
                .then().statusCode(200).contentType("application/yaml").extract().asString();

        assertThat(served).isEqualTo(AsyncApiDocument.committed());
        assertThat(AsyncApiDocument.disagreements(served, ConfigProvider.getConfig())).isEmpty();
    }
}
