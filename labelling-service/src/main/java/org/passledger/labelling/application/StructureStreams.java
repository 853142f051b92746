package org.passledger.labelling.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventJson;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.RecordedEvent;
import org.passledger.kernel.store.SqlTime;
import org.passledger.labelling.domain.LocalStructureEvent;

/** Reads a place's shared stream (the kernel's event store) and its local stream, and appends local events. */
@ApplicationScoped
public class StructureStreams {

    private static final String LOAD_LOCAL = """
            select after_version, type, cast(payload as text), actor, """ + SqlTime.micros("recorded_at") + """
            from structure_local_events where structure_id = cast(:id as uuid) order by after_version, position""";

    private final EventStore store;
    private final Clock clock;

    public StructureStreams(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Serialises every command on one place, so the two streams are appended in one order. */
    public Uni<Void> lock(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:key)) as text)", String.class)
                .setParameter("key", "structure:" + structureId)
                .getSingleResult()
                .replaceWithVoid();
    }

    public Uni<StructureHistory> load(Mutiny.Session session, UUID structureId) {
        return store.load(session, structureId.toString()).chain(shared -> session
                .createNativeQuery(LOAD_LOCAL, Object[].class)
                .setParameter("id", structureId.toString())
                .getResultList()
                .map(local -> merge(shared, local)));
    }

    private static StructureHistory merge(List<RecordedEvent> shared, List<Object[]> local) {
        List<StructureHistory.Entry> entries = new ArrayList<>();
        int next = 0;
        for (long version = 0; version <= shared.size(); version++) {
            if (version > 0) {
                RecordedEvent event = shared.get((int) version - 1);
                entries.add(new StructureHistory.Entry(event.data(), event.type(), event.version(),
                        event.recordedAt(), event.metadata().actor()));
            }
            while (next < local.size() && ((Number) local.get(next)[0]).longValue() == version) {
                entries.add(toEntry(local.get(next++)));
            }
        }
        while (next < local.size()) {
            entries.add(toEntry(local.get(next++)));
        }
        return new StructureHistory(entries, shared.size());
    }

    private static StructureHistory.Entry toEntry(Object[] row) {
        String type = (String) row[1];
        try {
            Object event = EventJson.mapper().readValue((String) row[2], LocalStructureEvent.classOf(type));
            return new StructureHistory.Entry(event, type, null, SqlTime.fromMicros(row[4]), (String) row[3]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable local event of type " + type, e);
        }
    }

    /** Appends local events after the shared stream's {@code sharedVersion}; the caller holds the lock. */
    public Uni<Void> appendLocal(Mutiny.Session session, UUID structureId, long sharedVersion,
                                 List<LocalStructureEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> session.createNativeQuery("""
                                insert into structure_local_events (structure_id, after_version, event_id, type, payload,
                                                                    correlation_id, actor, recorded_at)
                                values (cast(:id as uuid), :after, cast(:eventId as uuid), :type,
                                        cast(cast(:payload as text) as jsonb), cast(:correlationId as uuid), :actor,
                                        cast(:recordedAt as timestamptz))""")
                        .setParameter("id", structureId.toString())
                        .setParameter("after", sharedVersion)
                        .setParameter("eventId", UUID.randomUUID().toString())
                        .setParameter("type", event.type())
                        .setParameter("payload", Json.write(event))
                        .setParameter("correlationId", metadata.correlationId().toString())
                        .setParameter("actor", metadata.actor())
                        .setParameter("recordedAt", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .collect().last()
                .replaceWithVoid();
    }
}
