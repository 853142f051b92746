package org.passledger.issuance.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.ProgrammeEvent.DistributorRegistered;
import org.passledger.issuance.domain.Programme;
import org.passledger.issuance.domain.ProgrammeCommand.ConsignBooks;
import org.passledger.issuance.domain.ProgrammeCommand.RegisterDistributor;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.store.EventMetadata;

/**
 * Distributors and the custody of books. A distributor's registration and every consignment are events of
 * the programme's stream ({@code programme.distributor-registered.v1}, {@code programme.books-consigned.v1}),
 * decided by {@link org.passledger.issuance.domain.Programme} at the version read (the distributor must be
 * registered, the books not cancelled). Who holds each voucher is still kept, in the same transaction, in the
 * write-side table {@code voucher_custody} (with {@code custody_moves} for the history): hand-outs lock its rows,
 * so a hand-out, a consignment and a cancellation of the same book happen one after the other.
 */
@ApplicationScoped
public class CustodyService {

    public static final Set<String> KINDS = Programme.DISTRIBUTOR_KINDS;

    private final Clock clock;
    private final ProgrammeService programmes;

    public CustodyService(Clock clock, ProgrammeService programmes) {
        this.clock = clock;
        this.programmes = programmes;
    }

    public record Registered(UUID programmeId, UUID distributorId, String name, String kind, Instant registeredAt) {
    }

    public record Consigned(UUID programmeId, UUID distributorId, List<UUID> bookIds, int vouchers,
                            Instant consignedAt) {
    }

    /** Appends programme.distributor-registered.v1 (refused when already registered). */
    public Uni<Registered> register(Mutiny.Session session, UUID programmeId, UUID funderId, UUID distributorId,
                                    String name, String kind, EventMetadata metadata) {
        return programmes.run(session, new RegisterDistributor(programmeId, funderId, distributorId, name, kind),
                        metadata)
                .map(decision -> {
                    DistributorRegistered registered = (DistributorRegistered) decision.events().get(0);
                    return new Registered(programmeId, distributorId, registered.name(), registered.kind(),
                            registered.registeredAt());
                });
    }

    public Uni<Boolean> isRegistered(Mutiny.Session session, UUID programmeId, UUID distributorId) {
        return programmes.state(session, programmeId).map(state -> state.registered(distributorId));
    }

    /**
     * Moves whole books of the programme into a registered distributor's stock (from the funder, or from
     * another distributor as long as none of their vouchers was handed out): one programme.books-consigned.v1
     * per previous holder, and the custody rows moved in the same transaction.
     */
    public Uni<Consigned> consign(Mutiny.Session session, UUID programmeId, UUID funderId, UUID distributorId,
                                  List<UUID> books, String actor, EventMetadata metadata) {
        List<UUID> bookIds = List.copyOf(new LinkedHashSet<>(books));
        String[] ids = bookIds.stream().map(UUID::toString).toArray(String[]::new);
        Instant now = clock.instant();
        Map<String, Integer> perBook = new HashMap<>();
        return isRegistered(session, programmeId, distributorId).chain(registered -> {
            if (!registered) {
                throw ProblemException.rule("distributor-not-registered",
                        "This distributor is not registered for the programme: register it first.");
            }
            return session.createNativeQuery("""
                            select cast(c.book_id as text), count(*)
                            from voucher_codes c
                            where c.book_id in (select cast(b as uuid) from unnest(cast(:books as text[])) b)
                              and c.programme_id = cast(:p as uuid)
                            group by c.book_id""", Object[].class)
                    .setParameter("books", ids)
                    .setParameter("p", programmeId.toString())
                    .getResultList();
        }).<Consigned>chain(found -> {
            if (found.size() != bookIds.size()) {
                Set<String> known = new java.util.HashSet<>();
                found.forEach(row -> known.add((String) row[0]));
                UUID missing = bookIds.stream().filter(b -> !known.contains(b.toString())).findFirst().orElseThrow();
                throw ProblemException.notFound("book", missing);
            }
            found.forEach(row -> perBook.put((String) row[0], ((Number) row[1]).intValue()));
            int vouchers = perBook.values().stream().mapToInt(Integer::intValue).sum();
            return session.createNativeQuery("""
                            select cast(book_id as text), cast(distributor_id as text), handed_out_at is not null
                            from voucher_custody
                            where book_id in (select cast(b as uuid) from unnest(cast(:books as text[])) b)
                            for update""", Object[].class)
                    .setParameter("books", ids)
                    .getResultList()
                    .<Void>chain(held -> {
                        if (held.stream().anyMatch(row -> Boolean.TRUE.equals(row[2]))) {
                            throw ProblemException.rule("book-already-handed-out",
                                    "A book whose vouchers were handed out stays with its distributor.");
                        }
                        Map<String, String> holderOf = new HashMap<>();
                        held.forEach(row -> holderOf.put((String) row[0], (String) row[1]));
                        Map<String, List<UUID>> byHolder = new LinkedHashMap<>();
                        bookIds.forEach(b -> byHolder.computeIfAbsent(
                                holderOf.getOrDefault(b.toString(), ""), k -> new ArrayList<>()).add(b));
                        return Multi.createFrom().iterable(byHolder.entrySet())
                                .onItem().transformToUniAndConcatenate(group -> programmes.run(session,
                                        new ConsignBooks(programmeId, funderId, distributorId,
                                                group.getKey().isEmpty() ? null : UUID.fromString(group.getKey()),
                                                group.getValue(), group.getValue().stream()
                                                        .mapToInt(b -> perBook.get(b.toString())).sum()),
                                        metadata))
                                .collect().last()
                                .replaceWithVoid();
                    })
                    .chain(() -> session.createNativeQuery("""
                                    insert into custody_moves (programme_id, book_id, from_distributor,
                                                               to_distributor, actor, moved_at)
                                    select cast(:p as uuid), cast(b as uuid),
                                           cast((select max(cast(distributor_id as text)) from voucher_custody
                                                 where book_id = cast(b as uuid)) as uuid),
                                           cast(:d as uuid), :actor, :at
                                    from unnest(cast(:books as text[])) b""")
                            .setParameter("p", programmeId.toString())
                            .setParameter("books", ids)
                            .setParameter("d", distributorId.toString())
                            .setParameter("actor", actor)
                            .setParameter("at", now.atOffset(ZoneOffset.UTC))
                            .executeUpdate())
                    .chain(() -> session.createNativeQuery("""
                                    insert into voucher_custody (voucher_id, programme_id, book_id, distributor_id,
                                                                 consigned_at)
                                    select voucher_id, programme_id, book_id, cast(:d as uuid), :at
                                    from voucher_codes
                                    where book_id in (select cast(b as uuid) from unnest(cast(:books as text[])) b)
                                    on conflict (voucher_id) do update
                                    set distributor_id = excluded.distributor_id, consigned_at = excluded.consigned_at""")
                            .setParameter("books", ids)
                            .setParameter("d", distributorId.toString())
                            .setParameter("at", now.atOffset(ZoneOffset.UTC))
                            .executeUpdate())
                    .map(rows -> new Consigned(programmeId, distributorId, bookIds, vouchers, now));
        });
    }

    /** Locks the voucher's custody row; it must be in this distributor's stock. */
    public Uni<Void> lockVoucher(Mutiny.Session session, UUID voucherId, UUID distributorId) {
        return session.createNativeQuery("""
                        select cast(distributor_id as text) from voucher_custody
                        where voucher_id = cast(:v as uuid) for update""", String.class)
                .setParameter("v", voucherId.toString())
                .getResultList()
                .map(rows -> {
                    requireHolder(rows.isEmpty() ? null : rows.get(0), distributorId, "voucher");
                    return null;
                });
    }

    /** Locks a book's custody rows; it must be whole in this distributor's stock, none of it handed out. */
    public Uni<List<UUID>> lockBook(Mutiny.Session session, UUID bookId, UUID distributorId) {
        return session.createNativeQuery("""
                        select cast(voucher_id as text), cast(distributor_id as text), handed_out_at is not null
                        from voucher_custody where book_id = cast(:b as uuid)
                        order by voucher_id for update""", Object[].class)
                .setParameter("b", bookId.toString())
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.rule("book-not-in-stock", "This book is in no distributor's stock.");
                    }
                    requireHolder((String) rows.get(0)[1], distributorId, "book");
                    if (rows.stream().anyMatch(row -> Boolean.TRUE.equals(row[2]))) {
                        throw ProblemException.rule("book-already-handed-out",
                                "Vouchers of this book were already handed out: hand out the others one by one.");
                    }
                    return rows.stream().map(row -> UUID.fromString((String) row[0])).toList();
                });
    }

    private static void requireHolder(String holder, UUID distributorId, String what) {
        if (holder == null) {
            throw ProblemException.rule(what + "-not-in-stock",
                    "This " + what + " is in no distributor's stock: its funder consigns its book first.");
        }
        if (!holder.equals(distributorId.toString())) {
            throw ProblemException.forbidden("This " + what + " is in another distributor's stock.");
        }
    }

    public Uni<Void> handedOut(Mutiny.Session session, List<UUID> voucherIds) {
        return session.createNativeQuery("""
                        update voucher_custody set handed_out_at = :at
                        where voucher_id in (select cast(v as uuid) from unnest(cast(:ids as text[])) v)""")
                .setParameter("ids", voucherIds.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Locks the book's custody rows (if it was consigned) before it is cancelled. */
    public Uni<Void> lockForCancellation(Mutiny.Session session, UUID bookId) {
        return session.createNativeQuery("""
                        select cast(voucher_id as text) from voucher_custody
                        where book_id = cast(:b as uuid) for update""", String.class)
                .setParameter("b", bookId.toString())
                .getResultList()
                .replaceWithVoid();
    }

    public Uni<Void> removeBook(Mutiny.Session session, UUID bookId) {
        return session.createNativeQuery("delete from voucher_custody where book_id = cast(:b as uuid)")
                .setParameter("b", bookId.toString())
                .executeUpdate()
                .replaceWithVoid();
    }
}
