package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.settlement.application.DocumentCounters;

/**
 * Refunds unused vouchers to their funders at face value: one credit note per programme for the vouchers not
 * credited yet. Each voucher is claimed in credit_note_claims (primary key = voucher id) in the credit note's
 * transaction, so it is never credited twice, and the year's counter stays locked, so numbers have no gaps.
 */
@ApplicationScoped
public class CreditNotes {

    /** One credit note issued by a run. */
    @Schema(name = "IssuedCreditNote")
    public record Issued(UUID creditNoteId, String creditNoteNumber, UUID funderId, UUID programmeId,
                         long amountCents, int voucherCount) {
    }

    record Unused(UUID voucherId, UUID programmeId, UUID funderId, long faceValueCents) {
    }

    private static final IssueOnce ONCE = new IssueOnce("credit-note-exists");

    private final CommandHandler handler;
    private final Clock clock;

    public CreditNotes(CommandHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    public Uni<List<Issued>> run(Mutiny.Session session, EventMetadata metadata) {
        Instant now = clock.instant();
        int year = DocumentCounters.yearOf(now);
        return DocumentCounters.lock(session, DocumentCounters.CREDIT_NOTES, year)
                .chain(last -> uncredited(session).chain(vouchers -> {
                    List<Issued> issued = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (List<Unused> group : byProgramme(vouchers)) {
                        chain = chain.chain(() -> issue(session, group, year, last + issued.size() + 1, now, metadata)
                                .invoke(note -> {
                                    if (note != null) {
                                        issued.add(note);
                                    }
                                })
                                .replaceWithVoid());
                    }
                    return chain.chain(() -> DocumentCounters.advance(session, DocumentCounters.CREDIT_NOTES, year,
                            issued.size())).replaceWith(issued);
                }));
    }

    private static Uni<List<Unused>> uncredited(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select cast(u.voucher_id as text), cast(u.programme_id as text), cast(u.funder_id as text),
                               u.face_value_cents
                        from unused_vouchers u
                        where not exists (select 1 from credit_note_claims c where c.voucher_id = u.voucher_id)
                        order by u.programme_id, u.unused_at, u.voucher_id""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Unused(UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[1]), UUID.fromString((String) row[2]),
                        ((Number) row[3]).longValue())).toList());
    }

    private static List<List<Unused>> byProgramme(List<Unused> vouchers) {
        // a programme has one funder; keyed by both so a credit note never mixes funders whatever comes in
        Map<List<UUID>, List<Unused>> groups = new LinkedHashMap<>();
        for (Unused voucher : vouchers) {
            groups.computeIfAbsent(List.of(voucher.programmeId(), voucher.funderId()), id -> new ArrayList<>())
                    .add(voucher);
        }
        return new ArrayList<>(groups.values());
    }

    /** Claims the group's vouchers for a new credit note and issues it for those claimed, if any. */
    private Uni<Issued> issue(Mutiny.Session session, List<Unused> group, int year, long rank, Instant now,
                              EventMetadata metadata) {
        UUID creditNoteId = UUID.randomUUID();
        Map<UUID, Unused> byId = new HashMap<>();
        group.forEach(v -> byId.put(v.voucherId(), v));
        return session.createNativeQuery("""
                        insert into credit_note_claims (voucher_id, credit_note_id)
                        select claimed.id, cast(:note as uuid) from unnest(cast(:ids as uuid[])) as claimed(id)
                        on conflict do nothing""")
                .setParameter("note", creditNoteId.toString())
                .setParameter("ids", group.stream().map(Unused::voucherId).toArray(UUID[]::new))
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "select cast(voucher_id as text) from credit_note_claims where credit_note_id = cast(:note as uuid)",
                                String.class)
                        .setParameter("note", creditNoteId.toString())
                        .getResultList())
                .chain(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    List<UUID> voucherIds = claimed.stream().map(UUID::fromString).sorted().toList();
                    long amount = voucherIds.stream().mapToLong(id -> byId.get(id).faceValueCents()).sum();
                    Unused first = group.get(0);
                    var note = new CreditNoteIssued(creditNoteId, first.funderId(), first.programmeId(),
                            DocumentCounters.format(DocumentCounters.CREDIT_NOTES, year, rank), amount, voucherIds, now);
                    return handler.handle(session, creditNoteId.toString(), ONCE, SettlementEvent.class, note, metadata)
                            .map(decision -> new Issued(creditNoteId, note.creditNoteNumber(), note.funderId(),
                                    note.programmeId(), amount, voucherIds.size()));
                });
    }
}
