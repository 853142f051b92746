package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparator behind SchemaEvolutionTest, on schema pairs built here: what passes and what breaks. */
class SchemaCompatibilityTest {

    private static final String RELEASED = """
            {
              "type": "object",
              "required": ["voucherId", "faceValueCents", "channel"],
              "properties": {
                "voucherId": {"type": "string", "format": "uuid"},
                "faceValueCents": {"type": "integer", "minimum": 0},
                "channel": {"type": "string", "enum": ["counter", "online"]},
                "staffMember": {"type": ["string", "null"]},
                "sessions": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["day"],
                    "properties": {"day": {"type": "string", "format": "date"}}
                  }
                }
              },
              "additionalProperties": true
            }""";

    @Test
    void theSameSchema_isCompatible() {
        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), schema(RELEASED))).isEmpty();
    }

    @Test
    void aNewOptionalProperty_andNewWording_areAdditive_andPass() {
        ObjectNode current = schema(RELEASED);
        current.withObject("/properties").putObject("sessionReference").put("type", "string");
        current.withObject("/properties/sessions/items/properties").putObject("room").putArray("type")
                .add("string").add("null");
        current.put("description", "Reworded.");
        current.withObject("/properties/voucherId").put("description", "The voucher.");

        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), current)).isEmpty();
    }

    @Test
    void aNewEventType_isAdditive_andPasses() {
        Map<String, JsonNode> released = Map.of("voucher.redeemed.v1", schema(RELEASED));
        Map<String, JsonNode> current = Map.of("voucher.redeemed.v1", schema(RELEASED),
                "voucher.redeemed.v2", schema(RELEASED));

        assertThat(SchemaCompatibility.breakingChanges(released, current)).isEmpty();
    }

    @Test
    void aRemovedProperty_breaks() {
        ObjectNode current = schema(RELEASED);
        current.withObject("/properties").remove("staffMember");

        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), current))
                .containsExactly("staffMember was removed");
    }

    @Test
    void aRetypedProperty_breaks_nullabilityIncluded() {
        ObjectNode current = schema(RELEASED);
        current.withObject("/properties/faceValueCents").put("type", "string");
        current.withObject("/properties/voucherId").putArray("type").add("string").add("null");

        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), current)).containsExactlyInAnyOrder(
                "faceValueCents retyped from [integer] to [string]",
                "voucherId retyped from [string] to [null, string]");
    }

    @Test
    void aNewRequiredProperty_breaks_andSoDoesAnOptionalOneBecomingRequired() {
        ObjectNode current = schema(RELEASED);
        current.withObject("/properties").putObject("departement").put("type", "string");
        ((ArrayNode) current.get("required")).add("departement").add("staffMember");

        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), current)).containsExactlyInAnyOrder(
                "departement is newly required", "staffMember is newly required");
    }

    @Test
    void aNarrowedEnum_breaks_andAWidenedOneToo() {
        ObjectNode narrowed = schema(RELEASED);
        narrowed.withObject("/properties/channel").putArray("enum").add("counter");
        ObjectNode widened = schema(RELEASED);
        ((ArrayNode) widened.withObject("/properties/channel").get("enum")).add("kiosk");

        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), narrowed)).containsExactly(
                "channel: enum narrowed, [online] no longer allowed (stored events hold them)");
        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), widened)).containsExactly(
                "channel: enum widened with [kiosk] (unknown to the released schema's consumers)");
    }

    @Test
    void aChangedConstraintOrFormat_breaks_alsoInsideArrays() {
        ObjectNode current = schema(RELEASED);
        current.withObject("/properties/faceValueCents").put("minimum", 1);
        current.withObject("/properties/sessions/items/properties/day").put("format", "date-time");

        assertThat(SchemaCompatibility.breakingChanges(schema(RELEASED), current)).containsExactlyInAnyOrder(
                "faceValueCents: 'minimum' changed from 0 to 1",
                "sessions[].day: 'format' changed from \"date\" to \"date-time\"");
    }

    @Test
    void aRemovedEventType_breaks() {
        Map<String, JsonNode> released = Map.of("voucher.redeemed.v1", schema(RELEASED));
        Map<String, JsonNode> current = Map.of("voucher.redeemed.v2", schema(RELEASED));

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .containsExactly("voucher.redeemed.v1: the released event type was removed");
    }

    @Test
    void onARealSchema_aDeliberatelyBreakingChangeFails_andAnAdditiveOnePasses() {
        String type = "voucher.redeemed.v1";
        JsonNode released = Contracts.tree(SchemaEvolutionTest.RELEASED + "/" + type + ".json");
        ObjectNode breaking = Contracts.schema(type).deepCopy();
        breaking.withObject("/properties").remove("faceValueCents");
        ObjectNode additive = Contracts.schema(type).deepCopy();
        additive.withObject("/properties").putObject("channel").put("description", "Where it was scanned.")
                .putArray("type").add("string").add("null");

        assertThat(SchemaCompatibility.breakingChanges(Map.of(type, released), Map.of(type, breaking)))
                .containsExactly(type + ": faceValueCents was removed");
        assertThat(SchemaCompatibility.breakingChanges(Map.of(type, released), Map.of(type, additive))).isEmpty();
    }

    private static ObjectNode schema(String json) {
        try {
            return (ObjectNode) Contracts.TREES.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
