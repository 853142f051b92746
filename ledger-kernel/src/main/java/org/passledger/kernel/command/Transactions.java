package org.passledger.kernel.command;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.outbox.OutboxRelay;

/** Runs work in one PostgreSQL transaction; after a commit the outbox relay is woken to publish at once. */
@ApplicationScoped
public class Transactions {

    private final Mutiny.SessionFactory sessions;
    private final OutboxRelay relay;

    public Transactions(Mutiny.SessionFactory sessions, OutboxRelay relay) {
        this.sessions = sessions;
        this.relay = relay;
    }

    public <T> Uni<T> write(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.withTransaction((session, tx) -> work.apply(session)).invoke(relay::wakeUp);
    }

    /** Like {@link #write}, but decides again on fresh state when another writer got in first. */
    public <T> Uni<T> writeRetryingConflicts(int attempts, Function<Mutiny.Session, Uni<T>> work) {
        return ConflictRetry.retrying(attempts, () -> write(work));
    }

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.withSession(work);
    }
}
