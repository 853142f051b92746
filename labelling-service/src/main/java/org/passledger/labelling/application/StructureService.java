package org.passledger.labelling.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.StructureEvent;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.command.Decision;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.labelling.domain.Structure;
import org.passledger.labelling.domain.StructureCommand;
import org.passledger.labelling.domain.StructureCommand.RegisterStructure;
import org.passledger.labelling.domain.StructureState;

/**
 * Runs structure commands inside the caller's transaction through the kernel: load the place's stream, decide,
 * append at the version read (a concurrent command on the same place gets a 409 conflict). Every event lands
 * in the event store and, through the outbox, on the labelling topic. A refusal throws before anything is written.
 */
@ApplicationScoped
public class StructureService {

    private final CommandHandler handler;
    private final Structure structure;

    public StructureService(CommandHandler handler, Clock clock) {
        this.handler = handler;
        this.structure = new Structure(clock);
    }

    public Structure decider() {
        return structure;
    }

    public Uni<Decision<StructureState, StructureEvent>> handle(Mutiny.Session session, StructureCommand command,
                                                               EventMetadata metadata) {
        Uni<Void> guard = command instanceof RegisterStructure register
                ? claimSiret(session, register)
                : Uni.createFrom().voidItem();
        return guard.chain(() -> handler.handle(session, command.structureId().toString(), structure,
                StructureEvent.class, command, metadata));
    }

    /** The place's state now, from its events. */
    public Uni<StructureState> state(Mutiny.Session session, UUID structureId) {
        return handler.state(session, structureId.toString(), structure, StructureEvent.class);
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
                        throw Refusal.rule("siret-already-registered",
                                "A place with this SIRET, or with this id, is already registered.");
                    }
                })
                .replaceWithVoid();
    }
}
