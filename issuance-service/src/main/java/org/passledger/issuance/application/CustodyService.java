package org.passledger.issuance.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.problem.ProblemException;

/**
 * Distributors and the custody of books. No event type exists yet for a distributor's registration or for
 * a book moving into a distributor's stock, so both are write-side tables changed in the command's own
 * transaction (with the programme's events when there are some); custody rows are locked by whoever changes
 * them, so a hand-out, a consignment and a cancellation of the same book happen one after the other.
 */
@ApplicationScoped
public class CustodyService {

    public static final Set<String> KINDS =
            Set.of("ccas", "social-service", "france-services", "job-centre", "association", "other");

    private final Clock clock;

    public CustodyService(Clock clock) {
        this.clock = clock;
    }

    public record Registered(UUID programmeId, UUID distributorId, String name, String kind, Instant registeredAt) {
    }

    public record Consigned(UUID programmeId, UUID distributorId, List<UUID> bookIds, int vouchers,
                            Instant consignedAt) {
    }

    public Uni<Registered> register(Mutiny.Session session, UUID programmeId, UUID distributorId, String name,
                                    String kind, String actor) {
        Instant now = clock.instant();
        return session.createNativeQuery("""
                        insert into distributors (programme_id, distributor_id, name, kind, registered_by, registered_at)
                        values (cast(:p as uuid), cast(:d as uuid), :name, :kind, :actor, :at)
                        on conflict do nothing""")
                .setParameter("p", programmeId.toString())
                .setParameter("d", distributorId.toString())
                .setParameter("name", name)
                .setParameter("kind", kind)
                .setParameter("actor", actor)
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .map(inserted -> {
                    if (inserted == 0) {
                        throw ProblemException.rule("distributor-already-registered",
                                "This distributor is already registered for the programme.");
                    }
                    return new Registered(programmeId, distributorId, name, kind, now);
                });
    }

    public Uni<Boolean> isRegistered(Mutiny.Session session, UUID programmeId, UUID distributorId) {
        return session.createNativeQuery("""
                        select count(*) from distributors
                        where programme_id = cast(:p as uuid) and distributor_id = cast(:d as uuid)""", Object.class)
                .setParameter("p", programmeId.toString())
                .setParameter("d", distributorId.toString())
                .getSingleResult()
                .map(n -> ((Number) n).longValue() > 0);
    }

    /**
     * Moves whole books of the programme into a registered distributor's stock (from the funder, or from
     * another distributor as long as none of their vouchers was handed out).
     */
    public Uni<Consigned> consign(Mutiny.Session session, UUID programmeId, UUID distributorId, List<UUID> books,
                                  String actor) {
        List<UUID> bookIds = List.copyOf(new LinkedHashSet<>(books));
        String[] ids = bookIds.stream().map(UUID::toString).toArray(String[]::new);
        Instant now = clock.instant();
        return isRegistered(session, programmeId, distributorId).chain(registered -> {
            if (!registered) {
                throw ProblemException.rule("distributor-not-registered",
                        "This distributor is not registered for the programme: register it first.");
            }
            return session.createNativeQuery("""
                            select cast(c.book_id as text), count(*),
                                   count(*) filter (where r.voucher_id is not null)
                            from voucher_codes c left join budget_releases r on r.voucher_id = c.voucher_id
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
            if (found.stream().anyMatch(row -> ((Number) row[2]).longValue() > 0)) {
                throw ProblemException.rule("book-cancelled", "A cancelled book cannot be consigned.");
            }
            int vouchers = found.stream().mapToInt(row -> ((Number) row[1]).intValue()).sum();
            return session.createNativeQuery("""
                            select cast(book_id as text), cast(distributor_id as text), handed_out_at is not null
                            from voucher_custody
                            where book_id in (select cast(b as uuid) from unnest(cast(:books as text[])) b)
                            for update""", Object[].class)
                    .setParameter("books", ids)
                    .getResultList()
                    .<Integer>chain(held -> {
                        if (held.stream().anyMatch(row -> Boolean.TRUE.equals(row[2]))) {
                            throw ProblemException.rule("book-already-handed-out",
                                    "A book whose vouchers were handed out stays with its distributor.");
                        }
                        return session.createNativeQuery("""
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
                                .executeUpdate();
                    })
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
