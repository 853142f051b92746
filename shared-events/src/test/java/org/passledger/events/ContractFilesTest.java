package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContractFilesTest {

    @Test
    void everyCataloguedType_hasASchemaFile() {
        assertThat(Contracts.typesInFolder(Contracts.SCHEMAS)).containsAll(EventCatalog.types());
    }

    @Test
    void everyCataloguedType_hasAGoldenSample() {
        assertThat(Contracts.typesInFolder(Contracts.GOLDEN)).containsAll(EventCatalog.types());
    }

    @Test
    void everySchemaFile_namesACataloguedType() {
        assertThat(Contracts.typesInFolder(Contracts.SCHEMAS)).isNotEmpty().isSubsetOf(EventCatalog.types());
    }

    @Test
    void everyGoldenSample_namesACataloguedType() {
        assertThat(Contracts.typesInFolder(Contracts.GOLDEN)).isNotEmpty().isSubsetOf(EventCatalog.types());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void everySchema_isAValidDraft2020_12Schema(String type) {
        assertThat(Contracts.metaSchema().validate(Contracts.schema(type))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void everySchema_isIdentifiedByItsDataSchemaUri_andAllowsAdditiveChanges(String type) {
        JsonNode schema = Contracts.schema(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(EventCatalog.dataSchemaOf(type));
        assertThat(schema.path("title").asText()).isEqualTo(type);
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(false)).isTrue();
        assertThat(schema.path("description").asText()).contains(EventCatalog.topicOf(EventCatalog.classOf(type)));
    }
}
