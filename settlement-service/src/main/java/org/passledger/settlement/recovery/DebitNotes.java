package org.passledger.settlement.recovery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.DebitNoteIssued;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.settlement.application.DocumentCounters;
import org.passledger.settlement.domain.StatementNumber;
import org.passledger.settlement.recovery.IncidentCommand.IssueDebitNote;
import org.passledger.settlement.recovery.Incidents.DebitNote;

/**
 * Claims by debit note what validated incidents still leave owed once the place was paid nothing for the
 * recovery delay (90 days) since the later of the validation and its last payout. A run locks its year's
 * counter row, so runs are serialised and numbers ("ND-2026-000001") have no gaps; a note takes the whole
 * outstanding amount (less clawbacks planned on transfers not confirmed yet), so the same amount is never
 * claimed twice.
 */
@ApplicationScoped
public class DebitNotes {

    private record Due(UUID incidentId, long amountCents) {
    }

    private final CommandHandler handler;
    private final Incident incidents;
    private final Clock clock;
    private final Duration delay;

    public DebitNotes(CommandHandler handler, Clock clock,
                      @ConfigProperty(name = "ledger.settlement.debit-note-delay", defaultValue = "P90D")
                      String delay) {
        this.handler = handler;
        this.incidents = new Incident(clock);
        this.clock = clock;
        this.delay = Duration.parse(delay);
    }

    public static String number(int year, long rank) {
        return DocumentCounters.format(DocumentCounters.DEBIT_NOTES, year, rank);
    }

    /** Issues every debit note due now; answers them. */
    public Uni<List<DebitNote>> run(Mutiny.Session session, EventMetadata metadata) {
        Instant now = clock.instant();
        int year = StatementNumber.yearOf(now);
        return DocumentCounters.lock(session, DocumentCounters.DEBIT_NOTES, year)
                .chain(last -> due(session, now).chain(dues -> issueAll(session, dues, year, last, metadata)))
                .call(issued -> DocumentCounters.advance(session, DocumentCounters.DEBIT_NOTES, year, issued.size()));
    }

    private Uni<List<Due>> due(Mutiny.Session session, Instant now) {
        return session.createNativeQuery("""
                        select cast(i.incident_id as text),
                               i.amount_cents - i.recovered_cents - i.debit_noted_cents - i.reserved_cents
                        from incidents i left join place_payouts p on p.structure_id = i.structure_id
                        where i.status = 'VALIDATED'
                          and i.amount_cents - i.recovered_cents - i.debit_noted_cents - i.reserved_cents > 0
                          and greatest(i.validated_at, coalesce(p.last_paid_at, i.validated_at))
                              <= cast(:cutoff as timestamptz)
                        order by i.validated_at, i.incident_id
                        for update of i""", Object[].class)
                .setParameter("cutoff", now.minus(delay).atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Due(UUID.fromString((String) r[0]),
                        ((Number) r[1]).longValue())).toList());
    }

    private Uni<List<DebitNote>> issueAll(Mutiny.Session session, List<Due> dues, int year, long last,
                                          EventMetadata metadata) {
        List<DebitNote> issued = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Due due : dues) {
            chain = chain.chain(() -> issue(session, due, number(year, last + issued.size() + 1), metadata)
                    .invoke(issued::add).replaceWithVoid());
        }
        return chain.map(ignored -> issued);
    }

    private Uni<DebitNote> issue(Mutiny.Session session, Due due, String number, EventMetadata metadata) {
        return handler.handle(session, due.incidentId().toString(), incidents, SettlementEvent.class,
                        new IssueDebitNote(due.incidentId(), number, due.amountCents()), metadata)
                .chain(decision -> {
                    DebitNoteIssued event = (DebitNoteIssued) decision.events().get(0);
                    DebitNote note = new DebitNote(number, due.incidentId(), event.structureId(),
                            event.amountCents(), event.issuedAt());
                    return session.createNativeQuery("""
                                    insert into debit_notes (debit_note_number, incident_id, structure_id,
                                        amount_cents, issued_at)
                                    values (:number, cast(:incident as uuid), cast(:structure as uuid), :amount, :at)""")
                            .setParameter("number", number)
                            .setParameter("incident", due.incidentId().toString())
                            .setParameter("structure", event.structureId().toString())
                            .setParameter("amount", event.amountCents())
                            .setParameter("at", event.issuedAt().atOffset(ZoneOffset.UTC))
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery("""
                                            update incidents set debit_noted_cents = debit_noted_cents + :amount
                                            where incident_id = cast(:incident as uuid)""")
                                    .setParameter("amount", event.amountCents())
                                    .setParameter("incident", due.incidentId().toString())
                                    .executeUpdate())
                            .replaceWith(note);
                });
    }
}
