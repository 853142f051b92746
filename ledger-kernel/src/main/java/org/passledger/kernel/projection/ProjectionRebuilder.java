package org.passledger.kernel.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;

/**
 * Rebuilds a projection from its topics: empties it and its inbox entries, then applies every event from
 * the start, all in one transaction that holds the projection's lock. The live consumer waits on that lock
 * meanwhile, and afterwards skips what the rebuild already applied, so nothing is lost or counted twice.
 * Events found on the service's dead-letter topics are left out, as the live consumers left them out.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Mutiny.SessionFactory sessions;
    private final ProjectionRunner runner;
    private final DeadLetters deadLetters;
    private final String bootstrapServers;
    private final Vertx vertx;

    public ProjectionRebuilder(Mutiny.SessionFactory sessions, ProjectionRunner runner, DeadLetters deadLetters,
                               Vertx vertx, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.sessions = sessions;
        this.runner = runner;
        this.deadLetters = deadLetters;
        this.bootstrapServers = bootstrapServers;
        this.vertx = vertx;
    }

    /** Returns how many events the rebuilt projection was fed. */
    public Uni<Integer> rebuild(Projection projection) {
        // reading Kafka blocks: done on a worker, then back on the caller's context for the reactive session
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    Set<UUID> dead = TopicReader.eventIds(bootstrapServers, deadLetters.topics(), READ_TIMEOUT);
                    return TopicReader.readAll(bootstrapServers, projection.topics(), READ_TIMEOUT).stream()
                            .filter(event -> !dead.contains(event.id())).toList();
                }))
                .chain(events -> sessions.withTransaction((session, tx) -> replay(session, projection, events)));
    }

    private Uni<Integer> replay(Mutiny.Session session, Projection projection, List<EventEnvelope> events) {
        return ProjectionRunner.lock(session, projection)
                .chain(() -> projection.reset(session))
                .chain(() -> session.createNativeQuery("delete from inbox where projection = :projection")
                        .setParameter("projection", projection.name())
                        .executeUpdate())
                .chain(() -> runner.applyBatch(session, events, List.of(projection))) // chunk by chunk
                .replaceWith(events.size());
    }
}
