package org.passledger.kernel.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.events.EventEnvelope;
import org.passledger.events.MalformedEventException;
import org.passledger.events.UnknownEventTypeException;
import org.passledger.kernel.metrics.LedgerMetrics;
import org.passledger.kernel.store.SqlTime;

/**
 * Applies consumed events to projections exactly once in effect: each event id goes into the inbox in the
 * same transaction as the projection change, so a redelivered or replayed event changes nothing.
 *
 * <p>A poll batch is applied in one transaction (one commit, one fsync, for up to {@code max.poll.records}
 * events). A record that cannot be decoded goes to the dead-letter topic at once. If the batch fails, it is
 * tried again, then record by record, so that one bad record is retried on its own and dead-lettered alone
 * while the rest of its batch is applied. A failure of the database or the network is no fault of a record:
 * it is waited out, however long, and never dead-letters anything ({@link InfrastructureFailures}).
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    /**
     * Events prefetched, applied and flushed together; then the session lets go of their entities, so a large
     * batch or a rebuild does not grow it. Also the JDBC batch size of the flush.
     */
    private static final int CHUNK = 500;

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final ConsumerLag lag;
    private final Map<String, List<Counter>> appliedCounters = new ConcurrentHashMap<>();

    public ProjectionRunner(Mutiny.SessionFactory sessions, Clock clock, DeadLetters deadLetters, MeterRegistry meters,
                            ConsumerLag lag) {
        this.sessions = sessions;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.lag = lag;
    }

    /** Counts records applied to each projection of the channel, and tells the lag gauges how recent they were. */
    private void applied(String channel, List<Decoded> records, List<Projection> projections) {
        String key = channel + '\u0000' + projections.stream().map(Projection::name).collect(Collectors.joining(","));
        for (Counter counter : appliedCounters.computeIfAbsent(key, k -> projections.stream()
                .map(p -> Counter.builder(LedgerMetrics.PROJECTION_EVENTS_APPLIED)
                        .description("Consumed records applied to the projection (or found already applied)")
                        .tags("channel", channel, "projection", p.name()).register(meters))
                .toList())) {
            counter.increment(records.size());
        }
        lag.applied(channel, records.stream().mapToLong(d -> d.record().timestamp()).max().orElse(0));
    }

    /** Applies a poll batch of the channel to the projections; completes once every record is applied or dead-lettered. */
    public Uni<Void> consume(String channel, ConsumerRecords<String, String> records, Projection... projections) {
        List<Decoded> good = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                good.add(new Decoded(record, decode(record)));
            } catch (MalformedEventException e) {
                poison.add(deadLetter(channel, record, e));
            }
        }
        Uni<Void> dead = poison.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(poison).andFailFast().replaceWithVoid();
        return dead.chain(() -> applyAll(channel, good, List.of(projections)));
    }

    private Uni<Void> applyAll(String channel, List<Decoded> batch, List<Projection> projections) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<EventEnvelope> events = batch.stream().map(Decoded::event).toList();
        return waitingOutInfrastructure(channel, () -> sessions.withTransaction((session, tx) ->
                        applyBatch(session, events, projections)))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofMillis(500)).atMost(2)
                .invoke(() -> applied(channel, batch, projections))
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("batch of %d records failed (%s), applying them one by one", batch.size(), failure.toString());
                    return Multi.createFrom().iterable(batch)
                            .onItem().transformToUniAndConcatenate(one -> applyAlone(channel, one, projections))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> applyAlone(String channel, Decoded one, List<Projection> projections) {
        return waitingOutInfrastructure(channel, () -> sessions.withTransaction((session, tx) ->
                        applyBatch(session, List.of(one.event()), projections)))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .invoke(() -> applied(channel, List.of(one), projections))
                .onFailure().recoverWithUni(failure -> deadLetter(channel, one.record(), failure));
    }

    /**
     * Runs the work again for as long as it fails for the database or the network (an outage, a restart, a
     * deadlock), with a back-off of up to 5 s: those records are not at fault and are never dead-lettered for
     * it. The consumer applies nothing else meanwhile, so nothing is applied out of order.
     */
    private static Uni<Void> waitingOutInfrastructure(String channel, java.util.function.Supplier<Uni<Void>> work) {
        return Uni.createFrom().<Void>deferred(work::get)
                .onFailure(InfrastructureFailures::isTransient).invoke(failure -> LOG.warnf(
                        "channel %s waits for the database: %s", channel, failure.toString()))
                .onFailure(InfrastructureFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    private Uni<Void> deadLetter(String channel, ConsumerRecord<String, String> record, Throwable failure) {
        LOG.warnf("Record %s-%d@%d not applied, it goes to the dead-letter topic: %s",
                record.topic(), record.partition(), record.offset(), failure.getMessage());
        return deadLetters.send(channel, record, failure);
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

    /**
     * Applies events in order to the projections, each at most once per projection, in the caller's transaction.
     * First each projection's lock (serialising the live consumers and a rebuild); then chunk by chunk, per
     * projection one inbox insert for the chunk's events, which says which of them it has not seen yet.
     */
    Uni<Void> applyBatch(Mutiny.Session session, List<EventEnvelope> events, List<Projection> projections) {
        List<Projection> byName = projections.stream().sorted(Comparator.comparing(Projection::name)).toList();
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (Projection projection : byName) { // one lock order for every consumer: no deadlock between channels
            locked = locked.chain(() -> lock(session, projection));
        }
        boolean flushEachEvent = projections.stream()
                .anyMatch(p -> !(p instanceof SetBasedProjection) && !p.sessionOnly());
        session.setBatchSize(CHUNK);
        return locked.chain(() -> Multi.createFrom().range(0, (events.size() + CHUNK - 1) / CHUNK)
                .onItem().transformToUniAndConcatenate(chunk -> applyChunk(session,
                        events.subList(chunk * CHUNK, Math.min(events.size(), (chunk + 1) * CHUNK)),
                        projections, flushEachEvent))
                .collect().last()
                .replaceWithVoid());
    }

    /**
     * Records, prefetches, applies and flushes a chunk of events, then lets go of the entities it loaded. A
     * set-based projection takes its unseen events of the chunk at once; the others go event by event.
     */
    private Uni<Void> applyChunk(Mutiny.Session session, List<EventEnvelope> chunk, List<Projection> projections,
                                 boolean flushEachEvent) {
        Map<String, InboxClaim> unseen = new HashMap<>();
        List<Projection> eventByEvent = projections.stream().filter(p -> !(p instanceof SetBasedProjection)).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Projection projection : projections) {
            chain = chain.chain(() -> recordInInbox(session, projection, chunk)).chain(fresh -> {
                // what the projection applies of the chunk: its fresh events, each once (a copy within the chunk too)
                List<EventEnvelope> toApply = new InboxClaim(fresh).claimAll(chunk, EventEnvelope::id);
                if (projection instanceof SetBasedProjection setBased) {
                    return toApply.isEmpty() ? Uni.createFrom().voidItem() : setBased.applyChunk(session, toApply);
                }
                unseen.put(projection.name(), new InboxClaim(fresh)); // claimed event by event below
                return toApply.isEmpty() ? Uni.createFrom().voidItem() : projection.prefetch(session, toApply);
            });
        }
        if (eventByEvent.isEmpty()) {
            return chain;
        }
        return chain.chain(() -> Multi.createFrom().iterable(chunk)
                        .onItem().transformToUniAndConcatenate(event -> {
                            Uni<Void> applied = applyOne(session, event, eventByEvent, unseen);
                            return flushEachEvent ? applied.chain(session::flush) : applied;
                        })
                        .collect().last())
                .chain(session::flush)
                .invoke(session::clear)
                .replaceWithVoid();
    }

    private static Uni<Void> applyOne(Mutiny.Session session, EventEnvelope event, List<Projection> projections,
                                      Map<String, InboxClaim> unseen) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Projection projection : projections) {
            // claim: the same event twice in one batch is applied once
            if (unseen.get(projection.name()).claim(event.id())) {
                chain = chain.chain(() -> projection.apply(session, event));
            }
        }
        return chain;
    }

    /** Inserts the events' ids into the projection's inbox; returns those that were not there yet. */
    private Uni<Set<UUID>> recordInInbox(Mutiny.Session session, Projection projection, List<EventEnvelope> events) {
        String ids = InboxClaim.idsToRecord(events, EventEnvelope::id).stream().map(UUID::toString)
                .collect(Collectors.joining(","));
        return session.createNativeQuery("""
                        with fresh as (
                            insert into inbox (projection, event_id, processed_at)
                            select :projection, id, to_timestamp(cast(:micros as bigint) / 1000000.0)
                            from unnest(cast(string_to_array(:ids, ',') as uuid[])) as id
                            on conflict do nothing
                            returning event_id)
                        select cast(event_id as text) from fresh""", String.class)
                .setParameter("projection", projection.name())
                .setParameter("micros", SqlTime.toMicros(clock.instant()))
                .setParameter("ids", ids)
                .getResultList()
                .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toCollection(HashSet::new)));
    }

    static Uni<Void> lock(Mutiny.Session session, Projection projection) {
        return session.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:name)) as text)", String.class)
                .setParameter("name", "projection:" + projection.name())
                .getSingleResult()
                .replaceWithVoid();
    }

    private record Decoded(ConsumerRecord<String, String> record, EventEnvelope event) {
    }
}
