package org.passledger.settlement.recovery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.settlement.application.PayoutClawbacks;
import org.passledger.settlement.recovery.IncidentCommand.ApplyClawback;

/**
 * Recovers validated incidents from a place's payouts, oldest validation first, up to what the statement is
 * owed. The incidents' rows are locked while planning, so two payouts cannot plan the same cents; the planned
 * amount is reserved until the payment is confirmed (ClawbackApplied on the incident's stream) or rejected.
 */
@ApplicationScoped
public class IncidentClawbacks implements PayoutClawbacks {

    private record Planned(UUID clawbackId, UUID incidentId, long amountCents) {
    }

    private final CommandHandler handler;
    private final Incident incidents;
    private final Clock clock;

    public IncidentClawbacks(CommandHandler handler, Clock clock) {
        this.handler = handler;
        this.incidents = new Incident(clock);
        this.clock = clock;
    }

    @Override
    public Uni<Long> plan(Mutiny.Session session, UUID statementId, UUID structureId, long owedCents) {
        return session.createNativeQuery("""
                        select cast(incident_id as text),
                               amount_cents - recovered_cents - debit_noted_cents - reserved_cents
                        from incidents
                        where structure_id = cast(:structure as uuid) and status = 'VALIDATED'
                          and amount_cents - recovered_cents - debit_noted_cents - reserved_cents > 0
                        order by validated_at, incident_id
                        for update""", Object[].class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .chain(rows -> {
                    long left = owedCents;
                    List<Planned> planned = new ArrayList<>();
                    for (Object[] row : rows) {
                        long take = Math.min(left, ((Number) row[1]).longValue());
                        if (take <= 0) {
                            break;
                        }
                        planned.add(new Planned(UUID.randomUUID(), UUID.fromString((String) row[0]), take));
                        left -= take;
                    }
                    return reserve(session, statementId, structureId, planned, 0)
                            .replaceWith(planned.stream().mapToLong(Planned::amountCents).sum());
                });
    }

    private Uni<Void> reserve(Mutiny.Session session, UUID statementId, UUID structureId, List<Planned> planned,
                              int index) {
        if (index == planned.size()) {
            return Uni.createFrom().voidItem();
        }
        Planned p = planned.get(index);
        return session.createNativeQuery("""
                        insert into clawbacks (clawback_id, incident_id, statement_id, structure_id, amount_cents,
                                               planned_at)
                        values (cast(:id as uuid), cast(:incident as uuid), cast(:statement as uuid),
                                cast(:structure as uuid), :amount, :at)""")
                .setParameter("id", p.clawbackId().toString())
                .setParameter("incident", p.incidentId().toString())
                .setParameter("statement", statementId.toString())
                .setParameter("structure", structureId.toString())
                .setParameter("amount", p.amountCents())
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .chain(() -> adjust(session, p.incidentId(), p.amountCents(), 0))
                .chain(() -> reserve(session, statementId, structureId, planned, index + 1));
    }

    @Override
    public Uni<Long> planned(Mutiny.Session session, UUID statementId) {
        return pending(session, statementId)
                .map(planned -> planned.stream().mapToLong(Planned::amountCents).sum());
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, UUID statementId, UUID structureId, Instant paidAt,
                           EventMetadata metadata) {
        return pending(session, statementId)
                .chain(planned -> applyEach(session, statementId, planned, 0, paidAt, metadata))
                .chain(() -> session.createNativeQuery("""
                                insert into place_payouts (structure_id, last_paid_at)
                                values (cast(:structure as uuid), :at)
                                on conflict (structure_id) do update set last_paid_at = greatest(
                                    place_payouts.last_paid_at, excluded.last_paid_at)""")
                        .setParameter("structure", structureId.toString())
                        .setParameter("at", paidAt.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> applyEach(Mutiny.Session session, UUID statementId, List<Planned> planned, int index,
                                Instant paidAt, EventMetadata metadata) {
        if (index == planned.size()) {
            return Uni.createFrom().voidItem();
        }
        Planned p = planned.get(index);
        var command = new ApplyClawback(p.incidentId(), statementId, p.amountCents());
        return handler.handle(session, p.incidentId().toString(), incidents, SettlementEvent.class, command, metadata)
                .chain(() -> session.createNativeQuery(
                                "update clawbacks set applied_at = :at where clawback_id = cast(:id as uuid)")
                        .setParameter("at", paidAt.atOffset(ZoneOffset.UTC))
                        .setParameter("id", p.clawbackId().toString())
                        .executeUpdate())
                .chain(() -> adjust(session, p.incidentId(), -p.amountCents(), p.amountCents()))
                .chain(() -> applyEach(session, statementId, planned, index + 1, paidAt, metadata));
    }

    @Override
    public Uni<Void> release(Mutiny.Session session, UUID statementId) {
        return pending(session, statementId).chain(planned -> releaseEach(session, planned, 0));
    }

    private Uni<Void> releaseEach(Mutiny.Session session, List<Planned> planned, int index) {
        if (index == planned.size()) {
            return Uni.createFrom().voidItem();
        }
        Planned p = planned.get(index);
        return session.createNativeQuery("delete from clawbacks where clawback_id = cast(:id as uuid)")
                .setParameter("id", p.clawbackId().toString())
                .executeUpdate()
                .chain(() -> adjust(session, p.incidentId(), -p.amountCents(), 0))
                .chain(() -> releaseEach(session, planned, index + 1));
    }

    private Uni<List<Planned>> pending(Mutiny.Session session, UUID statementId) {
        return session.createNativeQuery("""
                        select cast(clawback_id as text), cast(incident_id as text), amount_cents from clawbacks
                        where statement_id = cast(:statement as uuid) and applied_at is null
                        order by planned_at, clawback_id""", Object[].class)
                .setParameter("statement", statementId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Planned(UUID.fromString((String) r[0]),
                        UUID.fromString((String) r[1]), ((Number) r[2]).longValue())).toList());
    }

    private static Uni<Void> adjust(Mutiny.Session session, UUID incidentId, long reserved, long recovered) {
        return session.createNativeQuery("""
                        update incidents set reserved_cents = reserved_cents + :reserved,
                                             recovered_cents = recovered_cents + :recovered
                        where incident_id = cast(:id as uuid)""")
                .setParameter("reserved", reserved)
                .setParameter("recovered", recovered)
                .setParameter("id", incidentId.toString())
                .executeUpdate()
                .replaceWithVoid();
    }
}
