package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.SqlTime;

/**
 * The operator's waivers of the holding period, per place: while a waiver stands, the place's redemptions are
 * payable as soon as their period is over. Waivers are never deleted: a revoked one stays on record.
 */
@ApplicationScoped
public class HoldingWaivers {

    /** A waiver, standing when revokedAt is null. */
    public record Waiver(UUID waiverId, UUID structureId, String reason, String waivedBy, Instant waivedAt,
                         String revokedBy, Instant revokedAt) {
    }

    private static final String COLUMNS = "cast(waiver_id as text), cast(structure_id as text), reason, waived_by, "
            + SqlTime.micros("waived_at") + ", revoked_by, " + SqlTime.micros("revoked_at");

    private final Clock clock;

    public HoldingWaivers(Clock clock) {
        this.clock = clock;
    }

    public Uni<Waiver> waive(Mutiny.Session session, UUID structureId, String reason, String actor) {
        Waiver waiver = new Waiver(UUID.randomUUID(), structureId, reason, actor, clock.instant(), null, null);
        return session.createNativeQuery("""
                        insert into holding_waivers (waiver_id, structure_id, reason, waived_by, waived_at)
                        values (cast(:id as uuid), cast(:structure as uuid), :reason, :actor, :at)
                        on conflict do nothing""")
                .setParameter("id", waiver.waiverId().toString())
                .setParameter("structure", structureId.toString())
                .setParameter("reason", reason)
                .setParameter("actor", actor)
                .setParameter("at", waiver.waivedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .map(inserted -> {
                    if (inserted == 0) {
                        throw Refusal.rule("holding-already-waived",
                                "The holding period is already waived for place " + structureId + ".");
                    }
                    return waiver;
                });
    }

    public Uni<Waiver> revoke(Mutiny.Session session, UUID structureId, String actor) {
        return session.createNativeQuery("""
                        select cast(waiver_id as text) from holding_waivers
                        where structure_id = cast(:structure as uuid) and revoked_at is null for update""",
                        String.class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        throw Refusal.notFound("holding-waiver", structureId);
                    }
                    String id = ids.get(0);
                    return session.createNativeQuery("""
                                    update holding_waivers set revoked_by = :actor, revoked_at = :at
                                    where waiver_id = cast(:id as uuid)""")
                            .setParameter("actor", actor)
                            .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                            .setParameter("id", id)
                            .executeUpdate()
                            .chain(() -> list(session, structureId))
                            .map(all -> all.stream().filter(w -> w.waiverId().toString().equals(id))
                                    .findFirst().orElseThrow());
                });
    }

    /** The place's waivers, latest first. */
    public Uni<List<Waiver>> list(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery("select " + COLUMNS + """
                         from holding_waivers where structure_id = cast(:structure as uuid)
                        order by waived_at desc, waiver_id""", Object[].class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Waiver(UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[1]), (String) row[2], (String) row[3],
                        SqlTime.fromMicros(row[4]), (String) row[5],
                        row[6] == null ? null : SqlTime.fromMicros(row[6]))).toList());
    }
}
