package org.passledger.settlement.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;
import org.passledger.settlement.ledger.Posting.Line;

/**
 * Books each money-moving event of the settlement and programme topics as one balanced entry (see
 * {@link PostingRules}). The runner's inbox applies an event once; the entry's unique source event id is the
 * second guard, and the database refuses an unbalanced entry at commit.
 */
@ApplicationScoped
public class LedgerProjection implements Projection {

    public static final String NAME = "settlement.ledger";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SETTLEMENTS, Topics.PROGRAMMES);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        Optional<Posting> posting = PostingRules.post(envelope);
        if (posting.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return book(session, posting.get());
    }

    private static Uni<Void> book(Mutiny.Session session, Posting posting) {
        List<Line> lines = posting.lines();
        return session.createNativeQuery("""
                        insert into ledger_entries (entry_id, source_event_id, source_type, booked_at, description)
                        values (cast(:entry as uuid), cast(:source as uuid), :type, :bookedAt, :description)""")
                .setParameter("entry", posting.entryId().toString())
                .setParameter("source", posting.sourceEventId().toString())
                .setParameter("type", posting.sourceType())
                .setParameter("bookedAt", posting.bookedAt().atOffset(ZoneOffset.UTC))
                .setParameter("description", posting.description())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                insert into ledger_lines (entry_id, line_no, account, debit_cents, credit_cents)
                                select cast(:entry as uuid), l.n, l.account, l.debit, l.credit
                                from unnest(cast(:accounts as text[]), cast(:debits as bigint[]),
                                            cast(:credits as bigint[])) with ordinality as l(account, debit, credit, n)""")
                        .setParameter("entry", posting.entryId().toString())
                        .setParameter("accounts", lines.stream().map(Line::account).toArray(String[]::new))
                        .setParameter("debits", lines.stream().map(Line::debitCents).toArray(Long[]::new))
                        .setParameter("credits", lines.stream().map(Line::creditCents).toArray(Long[]::new))
                        .executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from ledger_lines").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from ledger_entries").executeUpdate())
                .replaceWithVoid();
    }
}
