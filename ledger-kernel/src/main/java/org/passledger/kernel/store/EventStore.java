package org.passledger.kernel.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    // Many streams in one statement: each row is checked like APPEND (the stream holds its expected version, or
    // it is 0), and rows that lose the (stream, version) race are skipped; the caller compares the count and
    // aborts the transaction on any shortfall, so a batch is appended whole or not at all.
    private static final String APPEND_ALL = """
            with batch as (
                select * from unnest(cast(:streams as text[]), cast(:versions as bigint[]),
                                     cast(:expected as bigint[]), cast(:eventIds as text[]), cast(:types as text[]),
                                     cast(:topics as text[]), cast(:payloads as text[]),
                                     cast(:correlationIds as text[]), cast(:causationIds as text[]),
                                     cast(:actors as text[]))
                       with ordinality as b(stream_id, version, expected, event_id, type, topic, payload,
                                            correlation_id, causation_id, actor, ord)),
            appended as (
                insert into events (stream_id, version, event_id, type, topic, payload,
                                    correlation_id, causation_id, actor, recorded_at)
                select b.stream_id, b.version, cast(b.event_id as uuid), b.type, b.topic, cast(b.payload as jsonb),
                       cast(b.correlation_id as uuid), cast(b.causation_id as uuid), b.actor,
                       cast(:recordedAt as timestamptz)
                from batch b
                where b.expected = 0
                   or exists (select 1 from events e where e.stream_id = b.stream_id and e.version = b.expected)
                order by b.ord
                on conflict (stream_id, version) do nothing
                returning position)
            insert into outbox (position) select position from appended""";

    private static final String LOAD = """
            select position, version, cast(event_id as text), type, cast(payload as text),
                   cast(correlation_id as text), cast(causation_id as text), actor, """
            + SqlTime.micros("recorded_at") + """
            from events where stream_id = :stream order by version""";

    private static final String LOAD_ALL = """
            select position, version, cast(event_id as text), type, cast(payload as text),
                   cast(correlation_id as text), cast(causation_id as text), actor, """
            + SqlTime.micros("recorded_at")
            + ", stream_id from events where stream_id = any(cast(:streams as text[])) order by stream_id, version";

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

    /** Reads many streams in one statement; each stream asked for is in the answer, an unknown one empty. */
    public Uni<Map<String, List<RecordedEvent>>> loadAll(Mutiny.Session session, Collection<String> streamIds) {
        return session.createNativeQuery(LOAD_ALL, Object[].class)
                .setParameter("streams", streamIds.toArray(String[]::new))
                .getResultList()
                .map(rows -> {
                    Map<String, List<RecordedEvent>> streams = new HashMap<>();
                    streamIds.forEach(id -> streams.put(id, new ArrayList<>()));
                    for (Object[] row : rows) {
                        String streamId = (String) row[9];
                        streams.get(streamId).add(toRecorded(streamId, row));
                    }
                    return streams;
                });
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

    /**
     * Appends the events of many streams in one statement, each stream after its expected version, with their
     * outbox rows. Fails with {@link ConcurrencyConflict} when any stream is no longer at its expected version;
     * the caller's transaction must then be rolled back (as after any failed write), so no part of the batch
     * stays. Answers the number of events appended.
     */
    public Uni<Integer> appendAll(Mutiny.Session session, List<StreamAppend> appends, EventMetadata metadata) {
        int size = appends.stream().mapToInt(a -> a.events().size()).sum();
        if (size == 0) {
            return Uni.createFrom().item(0);
        }
        String[] streams = new String[size];
        Long[] versions = new Long[size];
        Long[] expected = new Long[size];
        String[] eventIds = new String[size];
        String[] types = new String[size];
        String[] topics = new String[size];
        String[] payloads = new String[size];
        String[] correlationIds = new String[size];
        String[] causationIds = new String[size];
        String[] actors = new String[size];
        int i = 0;
        for (StreamAppend append : appends) {
            long version = append.expectedVersion();
            EventMetadata cause = append.metadata() == null ? metadata : append.metadata();
            for (LedgerEvent event : append.events()) {
                if (!event.subject().equals(append.streamId())) {
                    throw new IllegalArgumentException("event of " + event.subject() + " appended to stream "
                            + append.streamId());
                }
                streams[i] = append.streamId();
                versions[i] = ++version;
                expected[i] = append.expectedVersion();
                eventIds[i] = UUID.randomUUID().toString();
                types[i] = EventCatalog.typeOf(event);
                topics[i] = EventCatalog.topicOf(event);
                payloads[i] = EventJson.write(event);
                correlationIds[i] = cause.correlationId().toString();
                causationIds[i] = cause.causationId() == null ? null : cause.causationId().toString();
                actors[i] = cause.actor();
                i++;
            }
        }
        return session.createNativeQuery(APPEND_ALL)
                .setParameter("streams", streams)
                .setParameter("versions", versions)
                .setParameter("expected", expected)
                .setParameter("eventIds", eventIds)
                .setParameter("types", types)
                .setParameter("topics", topics)
                .setParameter("payloads", payloads)
                .setParameter("correlationIds", correlationIds)
                .setParameter("causationIds", causationIds)
                .setParameter("actors", actors)
                .setParameter("recordedAt", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .chain(inserted -> inserted == size ? Uni.createFrom().item(size)
                        : firstBehind(session, appends, eventIds).map(behind -> {
                            throw new ConcurrencyConflict(behind.streamId(), behind.expectedVersion());
                        }))
                .invoke(() -> {
                    for (StreamAppend append : appends) {
                        append.events().forEach(event -> meters.counter("ledger.events.appended",
                                "type", EventCatalog.typeOf(event)).increment());
                    }
                });
    }

    /** After a short batch: the first stream none of whose events went in, to name it in the conflict. */
    private Uni<StreamAppend> firstBehind(Mutiny.Session session, List<StreamAppend> appends, String[] eventIds) {
        return session.createNativeQuery("""
                        select distinct stream_id from events
                        where event_id in (select cast(e as uuid) from unnest(cast(:ids as text[])) e)""", String.class)
                .setParameter("ids", eventIds)
                .getResultList()
                .map(inserted -> {
                    Set<String> in = new HashSet<>(inserted);
                    return appends.stream().filter(a -> !a.events().isEmpty() && !in.contains(a.streamId()))
                            .findFirst().orElse(appends.get(0));
                });
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
