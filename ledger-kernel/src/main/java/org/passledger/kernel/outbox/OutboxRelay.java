package org.passledger.kernel.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Publishes committed events from the outbox to Kafka, oldest first, and deletes their outbox rows only
 * after the broker acknowledged them. At-least-once: a crash between the acknowledgement and the commit
 * publishes the batch again, and consumers drop the duplicates by event id.
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so events of one stream are
 * sent in version order even when several instances of a service run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5041_5353_4c45_4447L; // "PASSLEDG"
    static final int MAX_BATCH = 1000;

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final OutboxRecords records;
    private final Duration interval;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();
    private final Counter published;
    private volatile long timerId = -1;

    public OutboxRelay(Mutiny.SessionFactory sessions,
                       @Channel(OutboxRecords.CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * MAX_BATCH)
                       MutinyEmitter<String> emitter,
                       Vertx vertx,
                       OutboxRecords records,
                       @ConfigProperty(name = "ledger.outbox.interval", defaultValue = "PT0.2S") Duration interval,
                       @ConfigProperty(name = "ledger.outbox.batch-size", defaultValue = "500") int batchSize,
                       MeterRegistry meters) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.vertx = vertx;
        this.records = records;
        this.interval = interval;
        this.batchSize = Math.min(batchSize, MAX_BATCH);
        this.published = Counter.builder("ledger.outbox.published")
                .description("Events the relay published to Kafka and removed from the outbox").register(meters);
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(interval.toMillis(), id -> wakeUp());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timerId);
    }

    /** Asks for a drain now; if one is running, it runs once more when it ends, so nothing waits a tick. */
    public void wakeUp() {
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining.set(true);
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true); // a context of its own: the session is not shared
        context.runOnContext(ignored ->
                drain().subscribe().with(published -> finished(), failure -> {
                    LOG.warnf("Outbox relay will retry: %s", failure.toString());
                    finished();
                }));
    }

    private void finished() {
        draining.set(false);
        if (wokenWhileDraining.getAndSet(false)) {
            wakeUp();
        }
    }

    private Uni<Void> drain() {
        return publishBatch().chain(another -> another ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes up to one batch in one transaction; answers whether another pass should follow at once. */
    Uni<Boolean> publishBatch() {
        return sessions.withTransaction((session, tx) -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> locked ? publishPending(session) : Uni.createFrom().item(false)));
    }

    /** One {@link RelayPass}: send in its order, then delete what it allows once every send is acknowledged. */
    private Uni<Boolean> publishPending(Mutiny.Session session) {
        return records.pending(session, batchSize).chain(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            RelayPass pass = new RelayPass(pending.stream().map(OutboxRecords.Pending::position).toList(), batchSize);
            // Subscribed in list order, so the producer sends in outbox order; idempotence keeps it on retries.
            List<Uni<Void>> sends = pending.stream().map(p -> emitter.sendMessage(p.toMessage())
                    .invoke(() -> pass.acknowledged(p.position()))).toList();
            return Uni.join().all(sends).andFailFast()
                    .chain(acked -> session.createNativeQuery(
                                    "delete from outbox where position = any(cast(:positions as bigint[]))")
                            .setParameter("positions", pass.deletable().toArray(Long[]::new))
                            .executeUpdate())
                    .invoke(() -> published.increment(pending.size()))
                    .replaceWith(pass::another);
        });
    }
}
