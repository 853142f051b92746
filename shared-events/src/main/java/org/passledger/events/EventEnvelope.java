package org.passledger.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its CloudEvents attributes, as it travels on Kafka. {@code type} and {@code subject} always
 * agree with {@code data}; the constructor refuses an envelope where they do not.
 *
 * @param id            the event id, unique across the ledger (CloudEvents {@code id})
 * @param source        the producing service, e.g. {@code /pass-ledger/issuance-service}
 * @param streamVersion the event's version in its event-store stream, from 1
 * @param causationId   nullable: the id of the event or command that caused this one, when there is one
 * @param actor         who acted: a user id or a named system job
 */
public record EventEnvelope(
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        long streamVersion,
        UUID correlationId,
        UUID causationId,
        String actor,
        LedgerEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(correlationId, "correlationId");
        requireText(actor, "actor");
        Objects.requireNonNull(data, "data");
        if (streamVersion < 1) {
            throw new IllegalArgumentException("streamVersion must be >= 1, was " + streamVersion);
        }
        if (!type.equals(EventCatalog.typeOf(data))) {
            throw new IllegalArgumentException("type '" + type + "' does not match data of type "
                    + EventCatalog.typeOf(data));
        }
        if (!subject.equals(data.subject())) {
            throw new IllegalArgumentException("subject '" + subject + "' does not match data subject "
                    + data.subject());
        }
    }

    /** An envelope whose type and subject are taken from the event. */
    public static EventEnvelope of(LedgerEvent data, UUID id, String source, Instant time, long streamVersion,
                                   UUID correlationId, UUID causationId, String actor) {
        Objects.requireNonNull(data, "data");
        return new EventEnvelope(id, source, EventCatalog.typeOf(data), data.subject(), time, streamVersion,
                correlationId, causationId, actor, data);
    }

    /**
     * Decodes a Kafka record written in CloudEvents binary mode.
     *
     * @throws MalformedEventException naming what is wrong: a missing or invalid header, an unknown type, bad
     *                                 JSON, or a subject that disagrees with the key or the payload
     */
    public static EventEnvelope fromKafka(Map<String, String> headers, String key, String value) {
        return KafkaBinding.decode(headers, key, value);
    }

    /** Every CloudEvents header of this event; {@link CloudEvents#CAUSATION_ID} only when there is a cause. */
    public Map<String, String> toKafkaHeaders() {
        return KafkaBinding.headers(this);
    }

    /** The Kafka record key: the subject, so the events of one aggregate stay in one partition, in order. */
    public String kafkaKey() {
        return subject;
    }

    /** The Kafka record value: the event's JSON. */
    public String kafkaValue() {
        return EventJson.write(data);
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
