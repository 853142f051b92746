package org.passledger.labelling.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent.ApplicationWithdrawn;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.StructureEvent.LabelAppliedV2;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelRefused;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;
import org.passledger.labelling.application.Json;

/**
 * Keeps {@code label_applications} from the labelling topic: an application (v1 without questionnaire, v2 with
 * answers and charter acceptance) and the answer to it (withdrawn, refused, or granted).
 */
@ApplicationScoped
public class LabelApplicationsProjection implements Projection {

    public static final String NAME = "labelling.label-applications";

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
        Object event = envelope.data();
        if (event instanceof LabelAppliedV2 applied) {
            return insert(session, applied.applicationId(), applied.structureId(), applied.services(),
                    applied.answers(), applied.charterAcceptedAt(), applied.appliedAt());
        }
        if (event instanceof LabelApplied applied) {
            // v1 carried no questionnaire: answers empty, charter acceptance unknown
            return insert(session, applied.applicationId(), applied.structureId(), applied.services(), Map.of(),
                    null, applied.appliedAt());
        }
        if (event instanceof ApplicationWithdrawn withdrawn) {
            return decide(session, withdrawn.applicationId(), "WITHDRAWN", null, withdrawn.withdrawnAt());
        }
        if (event instanceof LabelRefused refused) {
            return decide(session, refused.applicationId(), "REFUSED", refused.reason(), refused.refusedAt());
        }
        if (event instanceof LabelGranted granted) {
            return session.createNativeQuery("""
                            update label_applications set status = 'GRANTED', decided_at = cast(:at as timestamptz),
                                   events_applied = events_applied + 1
                            where structure_id = cast(:id as uuid) and status = 'PENDING'""")
                    .setParameter("at", utc(granted.grantedAt()))
                    .setParameter("id", granted.structureId().toString())
                    .executeUpdate()
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> insert(Mutiny.Session session, UUID application, UUID structure, List<String> services,
                                    Map<String, String> answers, Instant charterAcceptedAt, Instant submittedAt) {
        return session.createNativeQuery("""
                        insert into label_applications (application_id, structure_id, status, services, answers,
                                                        charter_accepted, charter_accepted_at, submitted_at,
                                                        events_applied)
                        values (cast(:application as uuid), cast(:id as uuid), 'PENDING', :services,
                                cast(cast(:answers as text) as jsonb), cast(:charter as boolean), cast(:charterAt as timestamptz),
                                cast(:at as timestamptz), 1)""")
                .setParameter("application", application.toString())
                .setParameter("id", structure.toString())
                .setParameter("services", String.join("|", services))
                .setParameter("answers", Json.write(answers))
                .setParameter("charter", charterAcceptedAt == null ? null : Boolean.TRUE)
                .setParameter("charterAt", charterAcceptedAt == null ? null : utc(charterAcceptedAt))
                .setParameter("at", utc(submittedAt))
                .executeUpdate()
                .replaceWithVoid();
    }

    private static Uni<Void> decide(Mutiny.Session session, UUID application, String status, String reason,
                                    Instant at) {
        return session.createNativeQuery("""
                        update label_applications set status = :status, reason = :reason,
                               decided_at = cast(:at as timestamptz), events_applied = events_applied + 1
                        where application_id = cast(:application as uuid) and status = 'PENDING'""")
                .setParameter("status", status)
                .setParameter("reason", reason)
                .setParameter("at", utc(at))
                .setParameter("application", application.toString())
                .executeUpdate()
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from label_applications").executeUpdate().replaceWithVoid();
    }
}
