package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventEnvelopeTest {

    private static final String TYPE = "voucher.redeemed.v1";
    private static final LedgerEvent REDEEMED = EventJson.read(TYPE, Contracts.goldenText(TYPE));
    private static final String VOUCHER_ID = "7e1d4b92-6c05-4a3f-8b27-9d0e5f3a1c64";

    private static EventEnvelope envelope(UUID causationId) {
        return EventEnvelope.of(REDEEMED,
                UUID.fromString("0b5e7d2a-4c91-4f3e-8a6d-2e9c1b7f5a30"),
                "/redemption-service",
                Instant.parse("2026-03-14T09:30:12.482913Z"),
                3,
                UUID.fromString("9c2f6a1e-8b3d-4e75-a0f4-6d1b3e8c2a97"),
                causationId,
                "structure:3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13/c.martin");
    }

    private static EventEnvelope envelope() {
        return envelope(UUID.fromString("e2a4c6f8-1b3d-4f5a-9c7e-8d0b2f4a6c13"));
    }

    @Test
    void kafkaRecord_roundTripsToAnEqualEnvelope() {
        EventEnvelope sent = envelope();

        EventEnvelope received = EventEnvelope.fromKafka(sent.toKafkaHeaders(), sent.kafkaKey(), sent.kafkaValue());

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void kafkaRecord_roundTripsWithoutACause_andThenHasNoCausationHeader() {
        EventEnvelope sent = envelope(null);

        EventEnvelope received = EventEnvelope.fromKafka(sent.toKafkaHeaders(), sent.kafkaKey(), sent.kafkaValue());

        assertThat(sent.toKafkaHeaders()).doesNotContainKey(CloudEvents.CAUSATION_ID);
        assertThat(received).isEqualTo(sent);
        assertThat(received.causationId()).isNull();
    }

    @Test
    void kafkaHeaders_carryEveryCloudEventsAttributeInBinaryMode() {
        assertThat(envelope().toKafkaHeaders()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "0b5e7d2a-4c91-4f3e-8a6d-2e9c1b7f5a30"),
                Map.entry("ce_source", "/redemption-service"),
                Map.entry("ce_type", TYPE),
                Map.entry("ce_subject", VOUCHER_ID),
                Map.entry("ce_time", "2026-03-14T09:30:12.482913Z"),
                Map.entry("content-type", "application/json"),
                Map.entry("ce_dataschema", "https://pass-ledger.org/schemas/voucher.redeemed.v1.json"),
                Map.entry("ce_streamversion", "3"),
                Map.entry("ce_correlationid", "9c2f6a1e-8b3d-4e75-a0f4-6d1b3e8c2a97"),
                Map.entry("ce_causationid", "e2a4c6f8-1b3d-4f5a-9c7e-8d0b2f4a6c13"),
                Map.entry("ce_actor", "structure:3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13/c.martin")));
    }

    @Test
    void kafkaKey_isTheSubject_andTheValueIsTheEventJson() {
        assertThat(envelope().kafkaKey()).isEqualTo(VOUCHER_ID);
        assertThat(envelope().kafkaValue()).isEqualTo(EventJson.write(REDEEMED));
    }

    @Test
    void fromKafka_acceptsJsonWithACharsetParameter() {
        Map<String, String> headers = new HashMap<>(envelope().toKafkaHeaders());
        headers.put(CloudEvents.CONTENT_TYPE, "application/json; charset=utf-8");

        assertThat(EventEnvelope.fromKafka(headers, VOUCHER_ID, envelope().kafkaValue())).isEqualTo(envelope());
    }

    static Stream<String> requiredHeaders() {
        return envelope().toKafkaHeaders().keySet().stream().filter(name -> !name.equals(CloudEvents.CAUSATION_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredHeaders")
    void fromKafka_rejectsARecordMissingAHeader_namingIt(String header) {
        Map<String, String> headers = new HashMap<>(envelope().toKafkaHeaders());
        headers.remove(header);

        assertThatThrownBy(() -> EventEnvelope.fromKafka(headers, VOUCHER_ID, envelope().kafkaValue()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageEndingWith("missing header " + header);
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                bad(CloudEvents.SPEC_VERSION, "0.3", "unsupported ce_specversion '0.3'"),
                bad(CloudEvents.CONTENT_TYPE, "application/avro", "unsupported content-type 'application/avro'"),
                bad(CloudEvents.ID, "42", "header ce_id is not a UUID: '42'"),
                bad(CloudEvents.TYPE, "voucher.redeemed.v9", "unknown event type 'voucher.redeemed.v9'"),
                bad(CloudEvents.DATA_SCHEMA, "https://pass-ledger.org/schemas/voucher.issued.v1.json",
                        "header ce_dataschema 'https://pass-ledger.org/schemas/voucher.issued.v1.json'"
                                + " is not the schema of voucher.redeemed.v1"),
                bad(CloudEvents.SUBJECT, "2a9c6e13-4b7d-4f08-9e52-6c3b1d8a0f97", "does not match the record key"),
                bad(CloudEvents.TIME, "14/03/2026 09:30", "header ce_time is not an RFC 3339 timestamp"),
                bad(CloudEvents.STREAM_VERSION, "0", "header ce_streamversion is not a stream version"),
                bad(CloudEvents.STREAM_VERSION, "three", "header ce_streamversion is not a stream version"),
                bad(CloudEvents.CORRELATION_ID, "req-17", "header ce_correlationid is not a UUID"),
                bad(CloudEvents.CAUSATION_ID, "", "header ce_causationid"),
                bad(CloudEvents.ACTOR, "  ", "missing header ce_actor"));
    }

    private static Arguments bad(String header, String value, String problem) {
        Consumer<Map<String, String>> change = headers -> headers.put(header, value);
        return Arguments.of(header + " = '" + value + "'", change, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void fromKafka_rejectsABadHeader_namingTheProblem(String description, Consumer<Map<String, String>> change,
                                                       String problem) {
        Map<String, String> headers = new HashMap<>(envelope().toKafkaHeaders());
        change.accept(headers);

        assertThatThrownBy(() -> EventEnvelope.fromKafka(headers, VOUCHER_ID, envelope().kafkaValue()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void fromKafka_reportsAnUnknownType_withTheCatalogueError_asCause() {
        Map<String, String> headers = new HashMap<>(envelope().toKafkaHeaders());
        headers.put(CloudEvents.TYPE, "voucher.redeemed.v9");

        assertThatThrownBy(() -> EventEnvelope.fromKafka(headers, VOUCHER_ID, envelope().kafkaValue()))
                .isInstanceOf(MalformedEventException.class)
                .hasCauseInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void fromKafka_rejectsARecordWithoutKey() {
        assertThatThrownBy(() -> EventEnvelope.fromKafka(envelope().toKafkaHeaders(), null, envelope().kafkaValue()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("missing record key");
    }

    @Test
    void fromKafka_rejectsAKeyThatIsNotTheSubject() {
        String otherVoucher = "2a9c6e13-4b7d-4f08-9e52-6c3b1d8a0f97";

        Map<String, String> headers = envelope().toKafkaHeaders();

        assertThatThrownBy(() -> EventEnvelope.fromKafka(headers, otherVoucher, envelope().kafkaValue()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("header ce_subject '" + VOUCHER_ID + "' does not match the record key '"
                        + otherVoucher + "'");
    }

    @Test
    void fromKafka_rejectsATombstone() {
        assertThatThrownBy(() -> EventEnvelope.fromKafka(envelope().toKafkaHeaders(), VOUCHER_ID, null))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("missing record value");
    }

    @Test
    void fromKafka_rejectsAValueThatIsNotJson() {
        assertThatThrownBy(() -> EventEnvelope.fromKafka(envelope().toKafkaHeaders(), VOUCHER_ID, "<redeemed/>"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void fromKafka_rejectsAPayloadAboutAnotherAggregateThanKeyAndSubject() {
        String otherVoucher = "2a9c6e13-4b7d-4f08-9e52-6c3b1d8a0f97";
        Map<String, String> headers = new HashMap<>(envelope().toKafkaHeaders());
        headers.put(CloudEvents.SUBJECT, otherVoucher);

        assertThatThrownBy(() -> EventEnvelope.fromKafka(headers, otherVoucher, envelope().kafkaValue()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("does not match the payload's subject '" + VOUCHER_ID + "'");
    }

    @Test
    void anEnvelope_cannotDisagreeWithItsEvent() {
        EventEnvelope good = envelope();

        assertThatThrownBy(() -> new EventEnvelope(good.id(), good.source(), "voucher.issued.v1", good.subject(),
                good.time(), 3, good.correlationId(), null, good.actor(), REDEEMED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> new EventEnvelope(good.id(), good.source(), TYPE, UUID.randomUUID().toString(),
                good.time(), 3, good.correlationId(), null, good.actor(), REDEEMED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> new EventEnvelope(good.id(), good.source(), TYPE, good.subject(),
                good.time(), 0, good.correlationId(), null, good.actor(), REDEEMED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streamVersion");
    }
}
