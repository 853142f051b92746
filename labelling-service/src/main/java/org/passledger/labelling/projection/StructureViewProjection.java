package org.passledger.labelling.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.ApplicationWithdrawn;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.StructureEvent.LabelAppliedV2;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelRefused;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.events.StructureEvent.StructureDetailsChanged;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/**
 * Keeps {@link StructureView} up to date from the labelling topic: every event of a place counts in its
 * {@code events_applied}, and the label status shown to everyone is the one this projection folds.
 */
@ApplicationScoped
public class StructureViewProjection implements Projection {

    public static final String NAME = "labelling.structure-view";

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
        if (event instanceof StructureRegistered registered) {
            StructureView view = new StructureView();
            view.structureId = registered.structureId();
            view.name = registered.name();
            view.siret = registered.siret();
            view.legalForm = registered.legalForm();
            view.street = registered.address().street();
            view.postcode = registered.address().postcode();
            view.commune = registered.address().commune();
            view.departement = registered.address().departement();
            if (registered.location() != null) {
                view.latitude = registered.location().latitude();
                view.longitude = registered.location().longitude();
            }
            view.labelStatus = "NONE";
            view.eventsApplied = 1;
            view.updatedAt = envelope.time();
            return session.persist(view);
        }
        return session.find(StructureView.class, UUID.fromString(event.subject())).invoke(view -> {
            if (view == null) {
                throw new IllegalStateException("label event for unknown place " + event.subject());
            }
            applyLabel(view, event);
            view.eventsApplied++;
            view.updatedAt = envelope.time();
        }).replaceWithVoid();
    }

    private static void applyLabel(StructureView view, StructureEvent event) {
        if (event instanceof StructureDetailsChanged changed) {
            view.name = changed.name();
            view.legalForm = changed.legalForm();
            view.street = changed.address().street();
            view.postcode = changed.address().postcode();
            view.commune = changed.address().commune();
            view.departement = changed.address().departement();
            view.latitude = changed.location() == null ? null : changed.location().latitude();
            view.longitude = changed.location() == null ? null : changed.location().longitude();
        } else if (event instanceof LabelApplied applied) {
            view.labelStatus = "APPLIED";
            view.services = String.join("|", applied.services());
        } else if (event instanceof LabelAppliedV2 applied) {
            view.labelStatus = "APPLIED";
            view.services = String.join("|", applied.services());
        } else if (event instanceof ApplicationWithdrawn || event instanceof LabelRefused) {
            // back where the place was before applying: never labelled, or its former label expired
            view.labelStatus = view.labelValidUntil == null ? "NONE" : "EXPIRED";
        } else if (event instanceof LabelGranted granted) {
            view.labelStatus = "GRANTED";
            view.conventionReference = granted.conventionReference();
            view.labelValidFrom = granted.validFrom();
            view.labelValidUntil = granted.validUntil();
        } else if (event instanceof LabelRenewed renewed) {
            view.labelStatus = "GRANTED";
            view.conventionReference = renewed.conventionReference();
            view.labelValidUntil = renewed.validUntil();
        } else if (event instanceof LabelSuspended) {
            view.labelStatus = "SUSPENDED";
        } else if (event instanceof LabelReinstated) {
            view.labelStatus = "GRANTED";
        } else if (event instanceof LabelRevoked) {
            view.labelStatus = "REVOKED";
        } else if (event instanceof LabelExpired) {
            view.labelStatus = "EXPIRED";
        }
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from structure_view").executeUpdate().replaceWithVoid();
    }
}
