package org.passledger.kernel.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventEnvelope;
import org.passledger.events.EventJson;
import org.passledger.kernel.store.SqlTime;

/** Reads the outbox in publication order and turns each row into a Kafka record with CloudEvents headers. */
@ApplicationScoped
public class OutboxRecords {

    /** The outgoing channel every service publishes its events through. */
    public static final String CHANNEL = "ledger-outbox";

    private static final String PENDING = """
            select e.position, e.stream_id, e.version, cast(e.event_id as text), e.type, e.topic,
                   cast(e.payload as text), cast(e.correlation_id as text), cast(e.causation_id as text), e.actor, """
            + SqlTime.micros("e.recorded_at") + """
            , encode(e.chain_hash, 'hex')
            from outbox o join events e on e.position = o.position
            order by o.position
            limit :limit""";

    private final String source;

    public OutboxRecords(@ConfigProperty(name = "ledger.service-name") String serviceName) {
        this.source = "/pass-ledger/" + serviceName;
    }

    /** One event waiting in the outbox, with everything its Kafka record needs. */
    public record Pending(long position, String topic, EventEnvelope envelope, String payload, String chainHash) {

        Message<String> toMessage() {
            RecordHeaders headers = new RecordHeaders();
            envelope.toKafkaHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            headers.add(CloudEvents.CHAIN_HASH, chainHash.getBytes(StandardCharsets.UTF_8));
            return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topic)
                    .withKey(envelope.subject())
                    .withHeaders(headers)
                    .build());
        }
    }

    Uni<List<Pending>> pending(Mutiny.Session session, int limit) {
        return session.createNativeQuery(PENDING, Object[].class)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(this::toPending).toList());
    }

    private Pending toPending(Object[] row) {
        String type = (String) row[4];
        String payload = (String) row[6];
        Instant recordedAt = SqlTime.fromMicros(row[10]);
        EventEnvelope envelope = new EventEnvelope(
                UUID.fromString((String) row[3]),
                source,
                type,
                (String) row[1],
                recordedAt,
                ((Number) row[2]).longValue(),
                UUID.fromString((String) row[7]),
                row[8] == null ? null : UUID.fromString((String) row[8]),
                (String) row[9],
                EventJson.read(type, payload));
        return new Pending(((Number) row[0]).longValue(), (String) row[5], envelope, payload, (String) row[11]);
    }
}
