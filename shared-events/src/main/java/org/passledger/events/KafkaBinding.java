package org.passledger.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** CloudEvents binary mode over Kafka, both ways. Decoding names the first thing wrong with a record. */
final class KafkaBinding {

    private KafkaBinding() {
    }

    static Map<String, String> headers(EventEnvelope envelope) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        headers.put(CloudEvents.ID, envelope.id().toString());
        headers.put(CloudEvents.SOURCE, envelope.source());
        headers.put(CloudEvents.TYPE, envelope.type());
        headers.put(CloudEvents.SUBJECT, envelope.subject());
        headers.put(CloudEvents.TIME, envelope.time().toString());
        headers.put(CloudEvents.CONTENT_TYPE, CloudEvents.APPLICATION_JSON);
        headers.put(CloudEvents.DATA_SCHEMA, EventCatalog.dataSchemaOf(envelope.type()));
        headers.put(CloudEvents.STREAM_VERSION, Long.toString(envelope.streamVersion()));
        headers.put(CloudEvents.CORRELATION_ID, envelope.correlationId().toString());
        if (envelope.causationId() != null) {
            headers.put(CloudEvents.CAUSATION_ID, envelope.causationId().toString());
        }
        headers.put(CloudEvents.ACTOR, envelope.actor());
        return Collections.unmodifiableMap(headers);
    }

    static EventEnvelope decode(Map<String, String> headers, String key, String value) {
        if (headers == null) {
            throw malformed("no headers");
        }
        String specVersion = required(headers, CloudEvents.SPEC_VERSION);
        if (!CloudEvents.SPEC_VERSION_1_0.equals(specVersion)) {
            throw malformed("unsupported " + CloudEvents.SPEC_VERSION + " '" + specVersion + "', expected "
                    + CloudEvents.SPEC_VERSION_1_0);
        }
        String contentType = required(headers, CloudEvents.CONTENT_TYPE);
        if (!CloudEvents.APPLICATION_JSON.equals(mediaType(contentType))) {
            throw malformed("unsupported " + CloudEvents.CONTENT_TYPE + " '" + contentType + "', expected "
                    + CloudEvents.APPLICATION_JSON);
        }
        UUID id = uuid(headers, CloudEvents.ID);
        String source = required(headers, CloudEvents.SOURCE);
        String type = required(headers, CloudEvents.TYPE);
        if (!EventCatalog.isKnown(type)) {
            String message = "unknown event type '" + type + "' in header " + CloudEvents.TYPE;
            throw new MalformedEventException(prefix(message), new UnknownEventTypeException(message));
        }
        String dataSchema = required(headers, CloudEvents.DATA_SCHEMA);
        if (!dataSchema.equals(EventCatalog.dataSchemaOf(type))) {
            throw malformed("header " + CloudEvents.DATA_SCHEMA + " '" + dataSchema + "' is not the schema of "
                    + type + " (" + EventCatalog.dataSchemaOf(type) + ")");
        }
        String subject = required(headers, CloudEvents.SUBJECT);
        if (key == null) {
            throw malformed("missing record key (it must equal header " + CloudEvents.SUBJECT + ")");
        }
        if (!subject.equals(key)) {
            throw malformed("header " + CloudEvents.SUBJECT + " '" + subject + "' does not match the record key '"
                    + key + "'");
        }
        Instant time = instant(headers, CloudEvents.TIME);
        long streamVersion = streamVersion(headers);
        UUID correlationId = uuid(headers, CloudEvents.CORRELATION_ID);
        UUID causationId = headers.containsKey(CloudEvents.CAUSATION_ID)
                ? uuid(headers, CloudEvents.CAUSATION_ID)
                : null;
        String actor = required(headers, CloudEvents.ACTOR);
        if (value == null) {
            throw malformed("missing record value (a tombstone is not an event)");
        }
        LedgerEvent data = EventJson.read(type, value);
        if (!subject.equals(data.subject())) {
            throw malformed("header " + CloudEvents.SUBJECT + " '" + subject
                    + "' does not match the payload's subject '" + data.subject() + "'");
        }
        return new EventEnvelope(id, source, type, subject, time, streamVersion, correlationId, causationId, actor,
                data);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw malformed("missing header " + name);
        }
        return value;
    }

    private static UUID uuid(Map<String, String> headers, String name) {
        String value = required(headers, name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw malformed("header " + name + " is not a UUID: '" + value + "'");
        }
    }

    private static Instant instant(Map<String, String> headers, String name) {
        String value = required(headers, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed("header " + name + " is not an RFC 3339 timestamp: '" + value + "'");
        }
    }

    private static long streamVersion(Map<String, String> headers) {
        String value = required(headers, CloudEvents.STREAM_VERSION);
        try {
            long version = Long.parseLong(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below, like a version below 1
        }
        throw malformed("header " + CloudEvents.STREAM_VERSION + " is not a stream version (an integer >= 1): '"
                + value + "'");
    }

    // "application/json; charset=utf-8" is still JSON.
    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static MalformedEventException malformed(String problem) {
        return new MalformedEventException(prefix(problem));
    }

    private static String prefix(String problem) {
        return "Malformed Kafka record: " + problem;
    }
}
