package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/**
 * Keeps {@link StructureLabel} and its label history up to date from the labelling topic. The history's
 * rules (what each event does to the periods and suspensions) are the domain's
 * {@link org.passledger.redemption.domain.LabelHistory}; this class only stores the result.
 */
@ApplicationScoped
public class StructureLabelProjection implements Projection {

    public static final String NAME = "redemption.structure-label";

    private final StructureLabels labels;

    public StructureLabelProjection(StructureLabels labels) {
        this.labels = labels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.STRUCTURES);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        if (!(envelope.data() instanceof StructureEvent event)) {
            return Uni.createFrom().voidItem();
        }
        UUID id = event.structureId();
        return session.find(StructureLabel.class, id)
                .chain(found -> {
                    StructureLabel place = found;
                    if (place == null) {
                        // a label event before the registration (or without it) still counts: the place is created
                        place = new StructureLabel();
                        place.structureId = id;
                    }
                    if (event instanceof StructureRegistered registered) {
                        place.departement = registered.address().departement();
                    } else if (event instanceof LabelGranted granted) {
                        place.departement = granted.departement();
                    }
                    place.eventsApplied++;
                    place.updatedAt = envelope.time();
                    return found == null ? session.persist(place) : Uni.createFrom().voidItem();
                })
                .chain(() -> labels.history(session, id))
                .chain(history -> {
                    var next = history.apply(event);
                    return next.equals(history) ? Uni.createFrom().voidItem() : labels.save(session, id, next);
                });
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return labels.reset(session);
    }
}
