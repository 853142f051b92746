package org.passledger.labelling.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent.ProfileChanged;
import org.passledger.events.Topics;
import org.passledger.events.values.CatalogueService;
import org.passledger.kernel.projection.Projection;
import org.passledger.labelling.application.Json;

/** Keeps {@code structure_profile} (hours, contact, sites, catalogue) from {@code structure.profile-changed.v1}. */
@ApplicationScoped
public class StructureProfileProjection implements Projection {

    public static final String NAME = "labelling.structure-profile";

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
        if (!(envelope.data() instanceof ProfileChanged changed)) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        insert into structure_profile (structure_id, opening_hours, contact, sites, catalogue,
                                                       service_codes, updated_at, events_applied)
                        values (cast(:id as uuid), cast(cast(:hours as text) as jsonb),
                                cast(cast(:contact as text) as jsonb), cast(cast(:sites as text) as jsonb),
                                cast(cast(:catalogue as text) as jsonb), :codes, cast(:at as timestamptz), 1)
                        on conflict (structure_id) do update set opening_hours = excluded.opening_hours,
                            contact = excluded.contact, sites = excluded.sites, catalogue = excluded.catalogue,
                            service_codes = excluded.service_codes, updated_at = excluded.updated_at,
                            events_applied = structure_profile.events_applied + 1""")
                .setParameter("id", changed.structureId().toString())
                .setParameter("hours", Json.write(changed.openingHours()))
                .setParameter("contact", changed.contact() == null ? null : Json.write(changed.contact()))
                .setParameter("sites", Json.write(changed.sites()))
                .setParameter("catalogue", Json.write(changed.catalogue()))
                .setParameter("codes", String.join("|", changed.catalogue().stream().map(CatalogueService::code).toList()))
                .setParameter("at", changed.changedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from structure_profile").executeUpdate().replaceWithVoid();
    }
}
