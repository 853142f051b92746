package org.passledger.labelling.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.labelling.domain.LocalStructureEvent.ApplicationSubmitted;
import org.passledger.labelling.domain.LocalStructureEvent.ApplicationWithdrawn;
import org.passledger.labelling.domain.LocalStructureEvent.LabelRefused;
import org.passledger.labelling.domain.LocalStructureEvent.ProfileChanged;
import org.passledger.labelling.domain.StructureProfile;

/**
 * Keeps {@code structure_profile} and {@code label_applications} in step with the events a command just
 * decided, in the command's own transaction (the local events never reach the topic the projections read).
 */
@ApplicationScoped
public class LocalReadModels {

    public Uni<Void> apply(Mutiny.Session session, List<Object> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> applyOne(session, event, events))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Integer> applyOne(Mutiny.Session session, Object event, List<Object> sameCommand) {
        if (event instanceof ProfileChanged changed) {
            StructureProfile profile = changed.profile();
            return session.createNativeQuery("""
                            insert into structure_profile (structure_id, opening_hours, contact, sites, catalogue,
                                                           service_codes, updated_at)
                            values (cast(:id as uuid), cast(cast(:hours as text) as jsonb),
                                    cast(cast(:contact as text) as jsonb), cast(cast(:sites as text) as jsonb),
                                    cast(cast(:catalogue as text) as jsonb), :codes, cast(:at as timestamptz))
                            on conflict (structure_id) do update set opening_hours = excluded.opening_hours,
                                contact = excluded.contact, sites = excluded.sites, catalogue = excluded.catalogue,
                                service_codes = excluded.service_codes, updated_at = excluded.updated_at""")
                    .setParameter("id", changed.structureId().toString())
                    .setParameter("hours", Json.write(profile.openingHours()))
                    .setParameter("contact", profile.contact() == null ? null : Json.write(profile.contact()))
                    .setParameter("sites", Json.write(profile.sites()))
                    .setParameter("catalogue", Json.write(profile.catalogue()))
                    .setParameter("codes", String.join("|", profile.serviceCodes()))
                    .setParameter("at", utc(changed.changedAt()))
                    .executeUpdate();
        }
        if (event instanceof ApplicationSubmitted submitted) {
            List<String> services = sameCommand.stream().filter(LabelApplied.class::isInstance)
                    .map(LabelApplied.class::cast).findFirst().map(LabelApplied::services).orElse(List.of());
            return session.createNativeQuery("""
                            insert into label_applications (application_id, structure_id, status, services, answers,
                                                            charter_accepted, submitted_at)
                            values (cast(:application as uuid), cast(:id as uuid), 'PENDING', :services,
                                    cast(cast(:answers as text) as jsonb), :charter, cast(:at as timestamptz))""")
                    .setParameter("application", submitted.applicationId().toString())
                    .setParameter("id", submitted.structureId().toString())
                    .setParameter("services", String.join("|", services))
                    .setParameter("answers", Json.write(submitted.answers()))
                    .setParameter("charter", submitted.charterAccepted())
                    .setParameter("at", utc(submitted.submittedAt()))
                    .executeUpdate();
        }
        if (event instanceof ApplicationWithdrawn withdrawn) {
            return decide(session, withdrawn.structureId().toString(), "WITHDRAWN", null, withdrawn.withdrawnAt());
        }
        if (event instanceof LabelRefused refused) {
            return decide(session, refused.structureId().toString(), "REFUSED", refused.reason(), refused.refusedAt());
        }
        if (event instanceof LabelGranted granted) {
            return decide(session, granted.structureId().toString(), "GRANTED", null, granted.grantedAt());
        }
        return Uni.createFrom().item(0);
    }

    private static Uni<Integer> decide(Mutiny.Session session, String structureId, String status, String reason,
                                       Instant at) {
        return session.createNativeQuery("""
                        update label_applications set status = :status, reason = :reason,
                               decided_at = cast(:at as timestamptz)
                        where structure_id = cast(:id as uuid) and status = 'PENDING'""")
                .setParameter("status", status)
                .setParameter("reason", reason)
                .setParameter("at", utc(at))
                .setParameter("id", structureId)
                .executeUpdate();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
