package org.passledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares an event schema with its released version, from both sides of a topic: a consumer written against the
 * released schema must read every event the current one allows, and the current schema must accept every event
 * already stored or on a topic. So a property may be added (optional, and nothing else changes); removing,
 * retyping, re-constraining or newly requiring one breaks somebody, and so does any change to an enum: a value
 * removed makes old events invalid, a value added is one a consumer's closed set does not know. A released type
 * may never disappear. A breaking change is a new type version ({@code .v2}) instead.
 */
final class SchemaCompatibility {

    /** Annotations: changing them changes no event's validity. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment");
    /** The keywords compared by their own rule below; any other keyword must not change at all. */
    private static final Set<String> STRUCTURE = Set.of("type", "enum", "required", "properties", "items");

    private SchemaCompatibility() {
    }

    /** Every breaking change between the released schemas and the current ones, both keyed by type name. */
    static List<String> breakingChanges(Map<String, JsonNode> released, Map<String, JsonNode> current) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : new TreeMap<>(released).entrySet()) {
            JsonNode now = current.get(type.getKey());
            if (now == null) {
                changes.add(type.getKey() + ": the released event type was removed");
            } else {
                breakingChanges(type.getValue(), now).forEach(change -> changes.add(type.getKey() + ": " + change));
            }
        }
        return changes;
    }

    /** Every breaking change between one released schema and its current version; empty when compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("", released, current, changes);
        return changes;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> changes) {
        String where = at.isEmpty() ? "the payload" : at;
        Set<String> releasedTypes = types(released);
        Set<String> currentTypes = types(current);
        if (!releasedTypes.equals(currentTypes)) {
            changes.add(where + " retyped from " + releasedTypes + " to " + currentTypes);
        }
        compareEnum(where, released, current, changes);
        for (String keyword : keywords(released, current)) {
            if (!ANNOTATIONS.contains(keyword) && !STRUCTURE.contains(keyword)
                    && !released.path(keyword).equals(current.path(keyword))) {
                changes.add(where + ": '" + keyword + "' changed from " + shown(released.path(keyword)) + " to "
                        + shown(current.path(keyword)));
            }
        }
        Set<String> releasedRequired = strings(released.path("required"));
        Set<String> currentRequired = strings(current.path("required"));
        for (String name : difference(currentRequired, releasedRequired)) {
            changes.add(child(at, name) + " is newly required");
        }
        for (String name : difference(releasedRequired, currentRequired)) {
            if (current.path("properties").has(name)) {
                changes.add(child(at, name) + " is no longer required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = released.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode now = current.path("properties").get(property.getKey());
            if (now == null) {
                changes.add(child(at, property.getKey()) + " was removed");
            } else {
                compare(child(at, property.getKey()), property.getValue(), now, changes);
            }
        }
        if (released.has("items") && current.has("items")) {
            compare(at + "[]", released.get("items"), current.get("items"), changes);
        } else if (released.has("items") != current.has("items")) {
            changes.add(where + ": 'items' " + (released.has("items") ? "removed" : "added"));
        }
    }

    private static void compareEnum(String where, JsonNode released, JsonNode current, List<String> changes) {
        if (!released.has("enum") && !current.has("enum")) {
            return;
        }
        if (!released.has("enum") || !current.has("enum")) {
            changes.add(where + ": enum " + (released.has("enum") ? "removed" : "added"));
            return;
        }
        Set<String> before = strings(released.get("enum"));
        Set<String> after = strings(current.get("enum"));
        Set<String> dropped = difference(before, after);
        Set<String> added = difference(after, before);
        if (!dropped.isEmpty()) {
            changes.add(where + ": enum narrowed, " + dropped + " no longer allowed (stored events hold them)");
        }
        if (!added.isEmpty()) {
            changes.add(where + ": enum widened with " + added + " (unknown to the released schema's consumers)");
        }
    }

    /** The JSON types a schema allows; a schema without "type" allows them all. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isMissingNode()) {
            return Set.of("any");
        }
        return type.isArray() ? strings(type) : Set.of(type.asText());
    }

    private static Set<String> keywords(JsonNode released, JsonNode current) {
        Set<String> keywords = new TreeSet<>();
        released.fieldNames().forEachRemaining(keywords::add);
        current.fieldNames().forEachRemaining(keywords::add);
        return keywords;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.isTextual() ? value.asText() : value.toString()));
        return values;
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> difference = new TreeSet<>(from);
        difference.removeAll(minus);
        return difference;
    }

    private static String child(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "(absent)" : value.toString();
    }
}
