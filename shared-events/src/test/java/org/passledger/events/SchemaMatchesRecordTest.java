package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A new record field must come with a schema update, and the schema cannot require what the record lacks. */
class SchemaMatchesRecordTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void schemaProperties_areExactlyTheRecordComponents_atEveryLevel(String type) {
        assertMatches(EventCatalog.classOf(type), Contracts.schema(type), type);
    }

    private static void assertMatches(Class<?> record, JsonNode schema, String where) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(names(schema.path("properties"))).as(where + " properties")
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(values(schema.path("required"))).as(where + " required").isSubsetOf(components);
        assertThat(schema.path("additionalProperties").asBoolean(false)).as(where + " additionalProperties").isTrue();

        for (RecordComponent component : record.getRecordComponents()) {
            String path = where + "." + component.getName();
            JsonNode property = schema.path("properties").path(component.getName());
            if (component.getType().isPrimitive()) {
                assertThat(values(schema.path("required"))).as(path + " is a primitive, so required")
                        .contains(component.getName());
            }
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode nestedSchema = component.getType() == List.class ? property.path("items") : property;
                assertMatches(nested, nestedSchema, path);
            }
        }
    }

    // A value record held directly (Address) or in a list (List<StatementLine>); null for anything else.
    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return element;
        }
        return null;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
