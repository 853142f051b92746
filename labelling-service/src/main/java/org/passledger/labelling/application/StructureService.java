package org.passledger.labelling.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.StructureEvent;
import org.passledger.kernel.command.Decision;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.labelling.domain.LocalStructureEvent;
import org.passledger.labelling.domain.Structure;
import org.passledger.labelling.domain.StructureCommand;
import org.passledger.labelling.domain.StructureCommand.RegisterStructure;
import org.passledger.labelling.domain.StructureState;

/**
 * Runs structure commands inside the caller's transaction: lock the place, load its two streams, decide,
 * append the shared events (published on the labelling topic) and the local ones, and update the tables
 * the local events feed. A refusal throws before anything is written.
 */
@ApplicationScoped
public class StructureService {

    private final EventStore store;
    private final StructureStreams streams;
    private final LocalReadModels readModels;
    private final Structure structure;

    public StructureService(EventStore store, StructureStreams streams, LocalReadModels readModels, Clock clock) {
        this.store = store;
        this.streams = streams;
        this.readModels = readModels;
        this.structure = new Structure(clock);
    }

    public Structure decider() {
        return structure;
    }

    public Uni<Decision<StructureState, Object>> handle(Mutiny.Session session, StructureCommand command,
                                                       EventMetadata metadata) {
        UUID id = command.structureId();
        Uni<Void> guard = command instanceof RegisterStructure register
                ? claimSiret(session, register)
                : Uni.createFrom().voidItem();
        return guard.chain(() -> streams.lock(session, id))
                .chain(() -> streams.load(session, id))
                .chain(history -> {
                    StructureState state = structure.fold(history.events());
                    List<Object> decided = structure.decide(command, state);
                    StructureState next = state;
                    for (Object event : decided) {
                        next = structure.evolve(next, event);
                    }
                    StructureState finalState = next;
                    List<StructureEvent> shared = decided.stream().filter(StructureEvent.class::isInstance)
                            .map(StructureEvent.class::cast).toList();
                    List<LocalStructureEvent> local = decided.stream().filter(LocalStructureEvent.class::isInstance)
                            .map(LocalStructureEvent.class::cast).toList();
                    Uni<Long> appended = shared.isEmpty()
                            ? Uni.createFrom().item(history.sharedVersion())
                            : store.append(session, id.toString(), history.sharedVersion(), shared, metadata);
                    return appended.chain(version -> streams.appendLocal(session, id, version, local, metadata)
                            .chain(() -> readModels.apply(session, decided))
                            .replaceWith(new Decision<>(id.toString(), decided, finalState, version)));
                });
    }

    /** The place's state now, from its events. */
    public Uni<StructureState> state(Mutiny.Session session, UUID structureId) {
        return streams.load(session, structureId).map(history -> structure.fold(history.events()));
    }

    /** One organisation per SIRET, enforced by a unique key written in the registration's transaction. */
    private Uni<Void> claimSiret(Mutiny.Session session, RegisterStructure register) {
        return session.createNativeQuery("""
                        insert into siret_claims (siret, structure_id) values (:siret, cast(:id as uuid))
                        on conflict do nothing""")
                .setParameter("siret", register.siret())
                .setParameter("id", register.structureId().toString())
                .executeUpdate()
                .invoke(claimed -> {
                    if (claimed == 0) {
                        throw ProblemException.rule("siret-already-registered",
                                "A place with this SIRET, or with this id, is already registered.");
                    }
                })
                .replaceWithVoid();
    }
}
