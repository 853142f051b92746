package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Breaks each golden sample one property at a time (null, missing, out of range, wrong format) and checks that
 * the committed schema and the record give the same verdict, the one the schema promises. So a record that
 * stops checking a field, or a schema that stops requiring it, fails here.
 */
class SchemaAndRecordAgreeTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> NOT_IN_FORMAT = Map.of(
            "uuid", "not-a-uuid",
            "date-time", "14/03/2026 09:30",
            "date", "31/12/2026");

    private static final Map<String, JsonNode> WRONG_TYPE = Map.of(
            "string", NODES.numberNode(2026),
            "integer", NODES.textNode("1000"),
            "number", NODES.textNode("43.69"),
            "array", NODES.textNode("30"),
            "object", NODES.textNode("Vauvert"));

    /** A property of the sample, located by JSON pointer, with the schema that describes it. */
    private record Leaf(String pointer, String name, JsonNode schema, boolean required, boolean listItem) {
    }

    private record Mutation(String description, Leaf leaf, UnaryOperator<JsonNode> value, boolean accepted) {
    }

    @TestFactory
    Stream<DynamicTest> schemaAndRecord_giveTheSameVerdictOnEveryBrokenProperty() {
        return Contracts.types().flatMap(type -> mutations(type).stream()
                .map(mutation -> DynamicTest.dynamicTest(type + " " + mutation.description(),
                        () -> assertSameVerdict(type, mutation))));
    }

    private static void assertSameVerdict(String type, Mutation mutation) throws Exception {
        JsonNode sample = apply(Contracts.golden(type), mutation);
        String verdict = mutation.accepted() ? "accepted" : "rejected";

        String what = type + " with " + mutation.description();

        assertThat(Contracts.violations(type, sample).isEmpty()).as("schema should have %s %s", verdict, what)
                .isEqualTo(mutation.accepted());
        String recordProblem = problemReadingRecord(type, sample);
        assertThat(recordProblem == null).as("record should have %s %s, problem: %s", verdict, what, recordProblem)
                .isEqualTo(mutation.accepted());
        if (recordProblem != null && !mutation.leaf().listItem()) {
            assertThat(recordProblem).as("the message names the field").contains(mutation.leaf().name());
        }
    }

    private static String problemReadingRecord(String type, JsonNode sample) throws Exception {
        try {
            EventJson.read(type, Contracts.TREES.writeValueAsString(sample));
            return null;
        } catch (MalformedEventException e) {
            return e.getMessage();
        }
    }

    private static List<Mutation> mutations(String type) {
        List<Leaf> leaves = new ArrayList<>();
        collectLeaves(Contracts.schema(type), Contracts.golden(type), "", leaves);
        List<Mutation> mutations = new ArrayList<>();
        for (Leaf leaf : leaves) {
            mutations.add(new Mutation(leaf.pointer() + " = null", leaf, old -> NODES.nullNode(),
                    nullable(leaf.schema())));
            if (!leaf.listItem()) {
                mutations.add(new Mutation(leaf.pointer() + " missing", leaf, old -> null, !leaf.required()));
            }
            JsonNode schema = leaf.schema();
            if (schema.has("minimum")) {
                BigDecimal below = schema.get("minimum").decimalValue().subtract(BigDecimal.ONE);
                mutations.add(new Mutation(leaf.pointer() + " = " + below, leaf, old -> number(below), false));
            }
            if (schema.has("maximum")) {
                BigDecimal above = schema.get("maximum").decimalValue().add(BigDecimal.ONE);
                mutations.add(new Mutation(leaf.pointer() + " = " + above, leaf, old -> number(above), false));
            }
            if (schema.has("pattern")) {
                JsonNode clearCode = NODES.textNode("PN30-7K4M-2QXD");
                mutations.add(new Mutation(leaf.pointer() + " off pattern", leaf, old -> clearCode, false));
            }
            String format = schema.path("format").asText();
            if (NOT_IN_FORMAT.containsKey(format)) {
                String bad = NOT_IN_FORMAT.get(format);
                mutations.add(new Mutation(leaf.pointer() + " = '" + bad + "'", leaf, old -> NODES.textNode(bad),
                        false));
            }
            JsonNode wrongType = WRONG_TYPE.get(mainType(schema));
            // Left out for formatted strings: Jackson also reads an instant given as epoch seconds.
            if (wrongType != null && !schema.has("format")) {
                mutations.add(new Mutation(leaf.pointer() + " = " + wrongType, leaf, old -> wrongType, false));
            }
            if (mainType(schema).equals("integer")) {
                JsonNode fractional = NODES.numberNode(new BigDecimal("10.5"));
                mutations.add(new Mutation(leaf.pointer() + " = 10.5", leaf, old -> fractional, false));
            }
        }
        return mutations;
    }

    /** Every property present in the sample, nested objects and the first element of lists included. */
    private static void collectLeaves(JsonNode schema, JsonNode sample, String prefix, List<Leaf> leaves) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            JsonNode propertySchema = property.getValue();
            JsonNode value = sample.path(name);
            String pointer = prefix + "/" + name;
            leaves.add(new Leaf(pointer, name, propertySchema, required.contains(name), false));
            if (value.isObject()) {
                collectLeaves(propertySchema, value, pointer, leaves);
            }
            if (value.isArray() && !value.isEmpty()) {
                JsonNode items = propertySchema.path("items");
                leaves.add(new Leaf(pointer + "/0", name, items, true, true));
                if (value.get(0).isObject()) {
                    collectLeaves(items, value.get(0), pointer + "/0", leaves);
                }
            }
        });
    }

    private static JsonNode apply(JsonNode sample, Mutation mutation) {
        JsonPointer pointer = JsonPointer.compile(mutation.leaf().pointer());
        JsonNode parent = sample.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        JsonNode replacement = mutation.value().apply(parent.get(last));
        if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), replacement);
        } else if (replacement == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return sample;
    }

    // "string" for both "string" and ["string", "null"]
    private static String mainType(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.get(0).asText() : type.asText();
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (!type.isArray()) {
            return false;
        }
        for (JsonNode alternative : type) {
            if (alternative.asText().equals("null")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode number(BigDecimal value) {
        return value.scale() <= 0 ? NODES.numberNode(value.toBigInteger()) : new DecimalNode(value);
    }
}
