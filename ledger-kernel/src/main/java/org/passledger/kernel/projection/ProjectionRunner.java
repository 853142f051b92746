package org.passledger.kernel.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.events.EventEnvelope;
import org.passledger.events.MalformedEventException;
import org.passledger.events.UnknownEventTypeException;
import org.passledger.kernel.store.SqlTime;

/**
 * Applies consumed events to projections exactly once in effect: the event id goes into the inbox in the
 * same transaction as the projection change, so a redelivered or replayed event changes nothing.
 * A record that cannot be decoded fails at once (the channel's dead-letter strategy takes it with the
 * reason); other failures are retried a few times first.
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;

    public ProjectionRunner(Mutiny.SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public Uni<Void> consume(ConsumerRecord<String, String> record, Projection... projections) {
        return Uni.createFrom().item(() -> decode(record))
                .chain(event -> sessions.withTransaction((session, tx) -> applyAll(session, event, List.of(projections)))
                        .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5))
                .onFailure().invoke(failure -> LOG.warnf("Record %s-%d@%d not applied, it goes to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), failure.getMessage()));
    }

    /** Decodes a Kafka record into an envelope; a record that is not a valid event is poison. */
    public static EventEnvelope decode(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        try {
            return EventEnvelope.fromKafka(headers, record.key(), record.value());
        } catch (UnknownEventTypeException e) {
            throw new MalformedEventException(e.getMessage());
        }
    }

    Uni<Void> applyAll(Mutiny.Session session, EventEnvelope event, List<Projection> projections) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Projection projection : projections) {
            chain = chain.chain(() -> applyOnce(session, projection, event));
        }
        return chain;
    }

    /** Serialises appliers of one projection (live consumer and rebuild), then applies unless already seen. */
    Uni<Void> applyOnce(Mutiny.Session session, Projection projection, EventEnvelope event) {
        return lock(session, projection)
                .chain(() -> session.createNativeQuery("""
                                insert into inbox (projection, event_id, processed_at)
                                values (:projection, cast(:eventId as uuid), to_timestamp(cast(:micros as bigint) / 1000000.0))
                                on conflict do nothing""")
                        .setParameter("projection", projection.name())
                        .setParameter("eventId", event.id().toString())
                        .setParameter("micros", SqlTime.toMicros(clock.instant()))
                        .executeUpdate())
                .chain(inserted -> inserted == 1 ? projection.apply(session, event) : Uni.createFrom().voidItem());
    }

    static Uni<Void> lock(Mutiny.Session session, Projection projection) {
        return session.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:name)) as text)", String.class)
                .setParameter("name", "projection:" + projection.name())
                .getSingleResult()
                .replaceWithVoid();
    }
}
