package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON form of events, as the JSON Schemas in {@code schemas/} describe it: record component names as
 * properties, instants and dates as ISO-8601 strings, nulls written out, unknown properties ignored.
 */
public final class EventJson {

    // read/write use their own instance, so a caller reconfiguring mapper() cannot change the wire format.
    private static final ObjectMapper WIRE = newMapper();
    private static final ObjectMapper SHARED = newMapper();
    // Advice on Jackson settings, meaningless to whoever reads the message.
    private static final Pattern JACKSON_HINT =
            Pattern.compile(" \\((but could if|but might if|set DeserializationConfig)[^)]*\\)");

    private EventJson() {
    }

    /**
     * A mapper configured like the wire format, for code that embeds events in its own JSON. It is shared:
     * use {@code mapper().copy()} before changing any setting.
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    public static String write(LedgerEvent event) {
        String type = EventCatalog.typeOf(event);
        try {
            return WIRE.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // Records of this jar always serialise; reaching this is a bug, not bad input.
            throw new IllegalStateException("Cannot serialise " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws UnknownEventTypeException when the type is not catalogued
     * @throws MalformedEventException when the JSON is invalid or a mandatory field is missing or out of range
     */
    public static LedgerEvent read(String type, String json) {
        Class<? extends LedgerEvent> eventClass = EventCatalog.classOf(type);
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Malformed " + type + ": empty payload");
        }
        LedgerEvent event;
        try {
            event = WIRE.readValue(json, eventClass);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Malformed " + type + ": " + describe(e), e);
        }
        if (event == null) {
            throw new MalformedEventException("Malformed " + type + ": payload is JSON null");
        }
        return event;
    }

    private static String describe(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "not valid JSON: " + e.getOriginalMessage();
        }
        String at = path(mapping);
        if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
            Throwable cause = mapping.getCause();
            String where = at.isEmpty() ? "" : " in '" + at + "'";
            if (cause instanceof NullPointerException) {
                return cause.getMessage() == null
                        ? "a list holds a null element" + where
                        : "missing mandatory field '" + qualified(at, cause.getMessage()) + "'";
            }
            return "invalid value" + where + ": " + cause.getMessage();
        }
        String problem = String.valueOf(mapping.getOriginalMessage());
        // A count or amount that is absent or null reaches here, not the records' null checks.
        if (problem.startsWith("Cannot map `null` into type")) {
            return "missing mandatory field '" + at + "'";
        }
        return (at.isEmpty() ? "" : "field '" + at + "': ") + JACKSON_HINT.matcher(problem).replaceAll("");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String qualified(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Consumers must tolerate additive changes: a newer producer may add optional properties.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing count or amount must not silently become 0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 10.5 cents is an error, not 10.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // The schemas type every property: "1000" is not an amount and 2026 is not a name.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // Optional fields are written as null, so every payload shows the same set of properties.
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .build();
    }
}
