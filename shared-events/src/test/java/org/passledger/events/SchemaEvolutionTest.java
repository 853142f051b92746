package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Today's event schemas against the released ones (src/test/resources/released-schemas): additive changes pass,
 * a change that breaks a consumer or an old event fails, naming it. Such a change is a new type version instead.
 */
class SchemaEvolutionTest {

    static final String RELEASED = "released-schemas";

    @Test
    void currentSchemas_breakNoConsumerOfTheReleasedOnes() {
        Map<String, JsonNode> released = new LinkedHashMap<>();
        Contracts.typesInFolder(RELEASED).stream().filter(name -> !name.endsWith(".md"))
                .forEach(type -> released.put(type, Contracts.tree(RELEASED + "/" + type + ".json")));
        Map<String, JsonNode> current = new LinkedHashMap<>();
        EventCatalog.types().forEach(type -> current.put(type, Contracts.schema(type)));

        assertThat(released).isNotEmpty();
        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .as("breaking changes to released event schemas; publish a new type version (.v2) instead")
                .isEmpty();
    }
}
