package org.passledger.kernel.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventJson;
import org.passledger.events.LedgerEvent;

/**
 * Appends events to streams with optimistic concurrency and reads streams back, inside the caller's
 * transaction. Each appended event gets its outbox row in the same statement, so an event is stored and
 * scheduled for publication atomically (no dual write).
 */
@ApplicationScoped
public class EventStore {

    // One statement per event: the insert is skipped when the version is taken or the stream is not at the
    // version before it, and then no outbox row is written either, so the caller sees 0 and reports a
    // conflict without aborting the transaction.
    private static final String APPEND = """
            with appended as (
                insert into events (stream_id, version, event_id, type, topic, payload,
                                    correlation_id, causation_id, actor, recorded_at)
                select :stream, :version, cast(:eventId as uuid), :type, :topic, cast(cast(:payload as text) as jsonb),
                       cast(:correlationId as uuid), cast(:causationId as uuid), :actor, cast(:recordedAt as timestamptz)
                where :previous = 0 or exists (select 1 from events where stream_id = :stream and version = :previous)
                on conflict (stream_id, version) do nothing
                returning position)
            insert into outbox (position) select position from appended""";

    private static final String LOAD = """
            select position, version, cast(event_id as text), type, cast(payload as text),
                   cast(correlation_id as text), cast(causation_id as text), actor, """
            + SqlTime.micros("recorded_at") + """
            from events where stream_id = :stream order by version""";

    private final Clock clock;
    private final MeterRegistry meters;

    public EventStore(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    /** Reads a whole stream in order; an unknown stream is empty (version 0). */
    public Uni<List<RecordedEvent>> load(Mutiny.Session session, String streamId) {
        return session.createNativeQuery(LOAD, Object[].class)
                .setParameter("stream", streamId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> toRecorded(streamId, row)).toList());
    }

    /**
     * Appends events after {@code expectedVersion} (0 for a new stream) and returns the stream's new version.
     * Fails with {@link ConcurrencyConflict} when the stream is no longer at the expected version.
     */
    public Uni<Long> append(Mutiny.Session session, String streamId, long expectedVersion,
                            List<? extends LedgerEvent> events, EventMetadata metadata) {
        for (LedgerEvent event : events) {
            if (!event.subject().equals(streamId)) {
                // the stream id is the Kafka key: an event filed under another aggregate would break ordering
                throw new IllegalArgumentException("event of " + event.subject() + " appended to stream " + streamId);
            }
        }
        Instant now = clock.instant();
        return Multi.createFrom().range(0, events.size())
                .onItem().transformToUniAndConcatenate(i -> insert(session, streamId, expectedVersion + 1 + i,
                        events.get(i), metadata, now)
                        .invoke(inserted -> {
                            if (inserted == 0) {
                                throw new ConcurrencyConflict(streamId, expectedVersion);
                            }
                        }))
                .collect().last()
                .invoke(() -> events.forEach(event -> meters.counter("ledger.events.appended",
                        "type", EventCatalog.typeOf(event)).increment()))
                .replaceWith(expectedVersion + events.size());
    }

    private Uni<Integer> insert(Mutiny.Session session, String streamId, long version, LedgerEvent event,
                                EventMetadata metadata, Instant now) {
        return session.createNativeQuery(APPEND)
                .setParameter("stream", streamId)
                .setParameter("version", version)
                .setParameter("previous", version - 1)
                .setParameter("eventId", UUID.randomUUID().toString())
                .setParameter("type", EventCatalog.typeOf(event))
                .setParameter("topic", EventCatalog.topicOf(event))
                .setParameter("payload", EventJson.write(event))
                .setParameter("correlationId", metadata.correlationId().toString())
                .setParameter("causationId", metadata.causationId() == null ? null : metadata.causationId().toString())
                .setParameter("actor", metadata.actor())
                .setParameter("recordedAt", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    private static RecordedEvent toRecorded(String streamId, Object[] row) {
        String type = (String) row[3];
        return new RecordedEvent(
                ((Number) row[0]).longValue(),
                streamId,
                ((Number) row[1]).longValue(),
                UUID.fromString((String) row[2]),
                type,
                EventJson.read(type, (String) row[4]),
                new EventMetadata(UUID.fromString((String) row[5]),
                        row[6] == null ? null : UUID.fromString((String) row[6]), (String) row[7]),
                SqlTime.fromMicros(row[8]));
    }
}
