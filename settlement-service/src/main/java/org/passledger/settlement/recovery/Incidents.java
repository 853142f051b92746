package org.passledger.settlement.recovery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.IncidentDismissed;
import org.passledger.events.SettlementEvent.IncidentOpened;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.SqlTime;
import org.passledger.settlement.domain.Reimbursement;
import org.passledger.settlement.domain.ReimbursementState;
import org.passledger.settlement.recovery.IncidentCommand.DismissIncident;
import org.passledger.settlement.recovery.IncidentCommand.OpenIncident;
import org.passledger.settlement.recovery.IncidentCommand.ValidateIncident;

/**
 * Opens, validates and dismisses incidents. Each step appends to the incident's stream and updates the
 * {@code incidents} row in the same transaction; whether a voucher was reimbursed to the place is read from the
 * voucher's own reimbursement stream, not from a read model.
 */
@ApplicationScoped
public class Incidents {

    /** A clawback on one of the place's payouts. */
    @Schema(name = "IncidentClawback")
    public record Clawback(UUID statementId, long amountCents, Instant plannedAt, Instant appliedAt) {
    }

    /** A debit note claiming what was left. */
    @Schema(name = "DebitNote")
    public record DebitNote(String debitNoteNumber, UUID incidentId, UUID structureId, long amountCents,
                            Instant issuedAt) {
    }

    /** An incident and how much of it is recovered. */
    @Schema(name = "Incident")
    public record View(UUID incidentId, UUID structureId, String kind, List<UUID> voucherIds, long amountCents,
                       String description, String status, String openedBy, Instant openedAt, Instant validatedAt,
                       Instant dismissedAt, String dismissalReason, long reservedCents, long recoveredCents,
                       long debitNotedCents, long outstandingCents, List<Clawback> clawbacks,
                       List<DebitNote> debitNotes) {
    }

    private static final String COLUMNS = """
            cast(incident_id as text), cast(structure_id as text), kind, voucher_ids, amount_cents, description,
            status, opened_by, """ + SqlTime.micros("opened_at") + ", " + SqlTime.micros("validated_at") + ", "
            + SqlTime.micros("dismissed_at") + """
            , dismissal_reason, reserved_cents, recovered_cents, debit_noted_cents""";

    private final CommandHandler handler;
    private final Incident incidents;
    private final Reimbursement reimbursements;

    public Incidents(CommandHandler handler, Clock clock) {
        this.handler = handler;
        this.incidents = new Incident(clock);
        this.reimbursements = new Reimbursement(clock);
    }

    /** Opens an incident against vouchers reimbursed to the place; the amount is at most what they were paid. */
    public Uni<View> open(Mutiny.Session session, UUID structureId, String kind, List<UUID> voucherIds,
                          long amountCents, String description, String actor, EventMetadata metadata) {
        UUID incidentId = UUID.randomUUID();
        return reimbursedTotal(session, structureId, voucherIds, 0, 0L)
                .chain(reimbursed -> handler.handle(session, incidentId.toString(), incidents,
                        SettlementEvent.class, new OpenIncident(incidentId, structureId, kind, voucherIds,
                                amountCents, description, reimbursed), metadata))
                .chain(decision -> {
                    IncidentOpened opened = (IncidentOpened) decision.events().get(0);
                    return session.createNativeQuery("""
                                    insert into incidents (incident_id, structure_id, kind, voucher_ids, amount_cents,
                                        description, status, opened_by, opened_at)
                                    values (cast(:id as uuid), cast(:structure as uuid), :kind, :vouchers, :amount,
                                        :description, 'OPEN', :actor, :at)""")
                            .setParameter("id", incidentId.toString())
                            .setParameter("structure", structureId.toString())
                            .setParameter("kind", kind)
                            .setParameter("vouchers", voucherIds.stream().map(UUID::toString)
                                    .collect(Collectors.joining(",")))
                            .setParameter("amount", amountCents)
                            .setParameter("description", description)
                            .setParameter("actor", actor)
                            .setParameter("at", opened.openedAt().atOffset(ZoneOffset.UTC))
                            .executeUpdate();
                })
                .chain(() -> find(session, incidentId));
    }

    private Uni<Long> reimbursedTotal(Mutiny.Session session, UUID structureId, List<UUID> voucherIds, int index,
                                      long total) {
        if (index == voucherIds.size()) {
            return Uni.createFrom().item(total);
        }
        UUID voucherId = voucherIds.get(index);
        return handler.state(session, voucherId.toString(), reimbursements, SettlementEvent.class)
                .chain(state -> {
                    if (!reimbursedTo(state, structureId)) {
                        throw Refusal.rule("voucher-not-reimbursed-to-place", "Voucher " + voucherId
                                + " was not reimbursed to place " + structureId + ".");
                    }
                    return reimbursedTotal(session, structureId, voucherIds, index + 1,
                            total + state.amountCents());
                });
    }

    private static boolean reimbursedTo(ReimbursementState state, UUID structureId) {
        return state.reimbursed() && structureId.equals(state.structureId());
    }

    /** The place owes the amount from now on. */
    public Uni<View> validate(Mutiny.Session session, UUID incidentId, EventMetadata metadata) {
        return handler.handle(session, incidentId.toString(), incidents, SettlementEvent.class,
                        new ValidateIncident(incidentId), metadata)
                .chain(decision -> {
                    IncidentValidated validated = (IncidentValidated) decision.events().get(0);
                    return session.createNativeQuery("""
                                    update incidents set status = 'VALIDATED', validated_at = :at
                                    where incident_id = cast(:id as uuid)""")
                            .setParameter("at", validated.validatedAt().atOffset(ZoneOffset.UTC))
                            .setParameter("id", incidentId.toString())
                            .executeUpdate();
                })
                .chain(() -> find(session, incidentId));
    }

    /** Nothing is owed. */
    public Uni<View> dismiss(Mutiny.Session session, UUID incidentId, String reason, EventMetadata metadata) {
        return handler.handle(session, incidentId.toString(), incidents, SettlementEvent.class,
                        new DismissIncident(incidentId, reason), metadata)
                .chain(decision -> {
                    IncidentDismissed dismissed = (IncidentDismissed) decision.events().get(0);
                    return session.createNativeQuery("""
                                    update incidents set status = 'DISMISSED', dismissed_at = :at,
                                        dismissal_reason = :reason
                                    where incident_id = cast(:id as uuid)""")
                            .setParameter("at", dismissed.dismissedAt().atOffset(ZoneOffset.UTC))
                            .setParameter("reason", reason)
                            .setParameter("id", incidentId.toString())
                            .executeUpdate();
                })
                .chain(() -> find(session, incidentId));
    }

    /** The incident with its clawbacks and debit notes, or null. */
    public Uni<View> find(Mutiny.Session session, UUID incidentId) {
        return session.createNativeQuery("select " + COLUMNS + " from incidents where incident_id = cast(:id as uuid)",
                        Object[].class)
                .setParameter("id", incidentId.toString())
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem() : detailed(session, rows.get(0)));
    }

    /** A place's incidents, oldest first. */
    public Uni<List<View>> ofPlace(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery("select " + COLUMNS + """
                         from incidents where structure_id = cast(:structure as uuid)
                        order by opened_at, incident_id""", Object[].class)
                .setParameter("structure", structureId.toString())
                .getResultList()
                .chain(rows -> {
                    Uni<List<View>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (Object[] row : rows) {
                        chain = chain.chain(views -> detailed(session, row).map(view -> {
                            views.add(view);
                            return views;
                        }));
                    }
                    return chain;
                });
    }

    private Uni<View> detailed(Mutiny.Session session, Object[] row) {
        UUID incidentId = UUID.fromString((String) row[0]);
        return session.createNativeQuery("select cast(statement_id as text), amount_cents, "
                        + SqlTime.micros("planned_at") + ", " + SqlTime.micros("applied_at") + """
                         from clawbacks where incident_id = cast(:id as uuid) order by planned_at, clawback_id""",
                        Object[].class)
                .setParameter("id", incidentId.toString())
                .getResultList()
                .chain(clawbacks -> session.createNativeQuery("select debit_note_number, amount_cents, "
                                + SqlTime.micros("issued_at") + """
                                 from debit_notes where incident_id = cast(:id as uuid) order by debit_note_number""",
                                Object[].class)
                        .setParameter("id", incidentId.toString())
                        .getResultList()
                        .map(notes -> view(row,
                                clawbacks.stream().map(c -> new Clawback(UUID.fromString((String) c[0]),
                                        ((Number) c[1]).longValue(), SqlTime.fromMicros(c[2]),
                                        c[3] == null ? null : SqlTime.fromMicros(c[3]))).toList(),
                                notes.stream().map(n -> new DebitNote((String) n[0], incidentId,
                                        UUID.fromString((String) row[1]), ((Number) n[1]).longValue(),
                                        SqlTime.fromMicros(n[2]))).toList())));
    }

    private static View view(Object[] row, List<Clawback> clawbacks, List<DebitNote> notes) {
        String status = (String) row[6];
        long amount = ((Number) row[4]).longValue();
        long recovered = ((Number) row[13]).longValue();
        long noted = ((Number) row[14]).longValue();
        return new View(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]), (String) row[2],
                Arrays.stream(((String) row[3]).split(",")).map(UUID::fromString).toList(), amount,
                (String) row[5], status, (String) row[7], SqlTime.fromMicros(row[8]),
                row[9] == null ? null : SqlTime.fromMicros(row[9]),
                row[10] == null ? null : SqlTime.fromMicros(row[10]), (String) row[11],
                ((Number) row[12]).longValue(), recovered, noted,
                "VALIDATED".equals(status) ? amount - recovered - noted : 0, clawbacks, notes);
    }
}
