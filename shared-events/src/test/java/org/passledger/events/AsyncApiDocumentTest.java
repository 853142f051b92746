package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed AsyncAPI document is the one generated from what the system runs on, and a valid AsyncAPI 3.0.0
 * document. After a change to the events, schemas, samples or the services' messaging configuration, rewrite it:
 * {@code ./mvnw -o -q -pl shared-events test -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true}.
 */
class AsyncApiDocumentTest {

    private static final String OFFICIAL_SCHEMA = "asyncapi-spec/asyncapi-3.0.0-without-id.json";

    @Test
    void committedDocument_isTheOneGeneratedFromTheCatalogSchemasSamplesAndServiceConfiguration() throws IOException {
        String generated = AsyncApiGenerator.yaml(new AsyncApiGenerator(MessagingConfig.ofRepository()).document());
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.createDirectories(AsyncApiGenerator.COMMITTED.getParent());
            Files.writeString(AsyncApiGenerator.COMMITTED, generated, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(AsyncApiGenerator.COMMITTED, StandardCharsets.UTF_8))
                .as("%s is stale: rewrite it with -Dasyncapi.write=true (see this test's comment)",
                        AsyncApiGenerator.COMMITTED)
                .isEqualTo(generated);
    }

    @Test
    void committedDocument_validatesAgainstTheOfficialAsyncApi300Schema() throws IOException {
        JsonSchema official = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Contracts.tree(OFFICIAL_SCHEMA), SchemaValidatorsConfig.builder()
                        .formatAssertionsEnabled(true).build());
        JsonNode document = AsyncApiGenerator.read(Files.readAllBytes(AsyncApiGenerator.COMMITTED));

        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(official.validate(document)).extracting(ValidationMessage::getMessage).isEmpty();
    }

    @Test
    void officialSchema_rejectsABrokenDocument_soTheValidationAboveCanFail() throws IOException {
        JsonSchema official = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Contracts.tree(OFFICIAL_SCHEMA));
        JsonNode document = AsyncApiGenerator.read(Files.readAllBytes(AsyncApiGenerator.COMMITTED));
        ObjectNode broken = document.deepCopy();
        broken.withObject("/operations").withObject("/labelling-service.send.labelling.structure-events.v1")
                .put("action", "publish");

        assertThat(official.validate(broken)).isNotEmpty();
    }
}
