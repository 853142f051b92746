package org.passledger.issuance.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.issuance.domain.VoucherCode;

/**
 * The write-side register of voucher codes: one row per voucher, keyed by the code's hash, written in the
 * order's own transaction. It makes codes unique across the system, finds the voucher behind a typed code,
 * and lists the vouchers of an order. The clear codes are never stored.
 */
@ApplicationScoped
public class VoucherCodeRegistry {

    /** A collision among 2^64 codes is astronomically rare; a run of them means the random source is broken. */
    private static final int MAX_ROUNDS = 5;

    private final RandomGenerator random;
    private final CodeSeal seal;

    public VoucherCodeRegistry(RandomGenerator random, CodeSeal seal) {
        this.random = random;
        this.seal = seal;
    }

    /** A voucher about to be printed: where it sits in its book. */
    public record Slot(UUID voucherId, UUID bookId, int positionInBook) {
    }

    /**
     * Gives each voucher a fresh code that no other voucher holds, drawing again on a collision, and keeps the
     * code sealed with the voucher's place in its book so that the books can be printed again.
     */
    public Uni<Map<UUID, VoucherCode>> claim(Mutiny.Session session, UUID programmeId, UUID orderId,
                                             List<Slot> slots) {
        Map<UUID, VoucherCode> codes = new LinkedHashMap<>();
        Map<UUID, Slot> byId = new LinkedHashMap<>();
        slots.forEach(slot -> byId.put(slot.voucherId(), slot));
        return claimRound(session, programmeId, orderId, List.copyOf(byId.keySet()), byId, codes, 1)
                .replaceWith(codes);
    }

    private Uni<Void> claimRound(Mutiny.Session session, UUID programmeId, UUID orderId, List<UUID> pending,
                                 Map<UUID, Slot> slots, Map<UUID, VoucherCode> codes, int round) {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (round > MAX_ROUNDS) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "voucher codes kept colliding: is the random source working?"));
        }
        String[] ids = new String[pending.size()];
        String[] hashes = new String[pending.size()];
        String[] books = new String[pending.size()];
        Integer[] positions = new Integer[pending.size()];
        String[] sealed = new String[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            VoucherCode code = VoucherCode.generate(random);
            UUID id = pending.get(i);
            codes.put(id, code);
            ids[i] = id.toString();
            hashes[i] = code.hash();
            books[i] = slots.get(id).bookId().toString();
            positions[i] = slots.get(id).positionInBook();
            sealed[i] = seal.seal(code, ids[i]);
        }
        return session.createNativeQuery("""
                        insert into voucher_codes (code_hash, voucher_id, programme_id, order_id, book_id,
                                                   position_in_book, sealed_code)
                        select claimed.code_hash, cast(claimed.voucher_id as uuid), cast(:programmeId as uuid),
                               cast(:orderId as uuid), cast(claimed.book_id as uuid), claimed.position, claimed.sealed
                        from unnest(cast(:hashes as text[]), cast(:ids as text[]), cast(:books as text[]),
                                    cast(:positions as int[]), cast(:sealed as text[]))
                             as claimed (code_hash, voucher_id, book_id, position, sealed)
                        on conflict do nothing""")
                .setParameter("hashes", hashes)
                .setParameter("ids", ids)
                .setParameter("books", books)
                .setParameter("positions", positions)
                .setParameter("sealed", sealed)
                .setParameter("programmeId", programmeId.toString())
                .setParameter("orderId", orderId.toString())
                .executeUpdate()
                .chain(inserted -> inserted == pending.size()
                        ? Uni.createFrom().voidItem()
                        : vouchersOf(session, orderId).chain(claimed -> {
                            Set<UUID> done = new HashSet<>(claimed);
                            List<UUID> again = new ArrayList<>();
                            for (UUID id : pending) {
                                if (!done.contains(id)) {
                                    again.add(id);
                                }
                            }
                            return claimRound(session, programmeId, orderId, again, slots, codes, round + 1);
                        }));
    }

    /** The voucher whose code has this hash, if any. */
    public Uni<Optional<UUID>> voucherOf(Mutiny.Session session, String codeHash) {
        return session.createNativeQuery(
                        "select cast(voucher_id as text) from voucher_codes where code_hash = :hash", String.class)
                .setParameter("hash", codeHash)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(UUID::fromString));
    }

    /** The vouchers issued by one order. */
    public Uni<List<UUID>> vouchersOf(Mutiny.Session session, UUID orderId) {
        return session.createNativeQuery("""
                        select cast(voucher_id as text) from voucher_codes
                        where order_id = cast(:orderId as uuid) order by voucher_id""", String.class)
                .setParameter("orderId", orderId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(UUID::fromString).toList());
    }

    /** A printed voucher of an order, its code opened from the seal. */
    public record Printed(UUID voucherId, UUID bookId, int positionInBook, VoucherCode code) {
    }

    /** The order's vouchers with their codes, book by book, in their order in the book. */
    public Uni<List<Printed>> printedOf(Mutiny.Session session, UUID orderId) {
        return session.createNativeQuery("""
                        select cast(voucher_id as text), cast(book_id as text), position_in_book, sealed_code
                        from voucher_codes where order_id = cast(:orderId as uuid) and sealed_code is not null
                        order by book_id, position_in_book""", Object[].class)
                .setParameter("orderId", orderId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Printed(UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[1]), ((Number) row[2]).intValue(),
                        seal.open((String) row[3], (String) row[0]))).toList());
    }

    /** Some books of the order (in book id order, skipping {@code offset} books), with their codes. */
    public Uni<List<Printed>> printedOf(Mutiny.Session session, UUID orderId, int offset, int books) {
        return session.createNativeQuery("""
                        select cast(voucher_id as text), cast(book_id as text), position_in_book, sealed_code
                        from voucher_codes
                        where book_id in (select distinct book_id from voucher_codes
                                          where order_id = cast(:orderId as uuid)
                                          order by book_id offset :offset limit :books)
                          and sealed_code is not null
                        order by book_id, position_in_book""", Object[].class)
                .setParameter("orderId", orderId.toString())
                .setParameter("offset", offset)
                .setParameter("books", books)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Printed(UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[1]), ((Number) row[2]).intValue(),
                        seal.open((String) row[3], (String) row[0]))).toList());
    }

    /** The vouchers of one book, in their order in it, with their programme. */
    public Uni<List<Object[]>> bookOf(Mutiny.Session session, UUID bookId) {
        return session.createNativeQuery("""
                        select cast(voucher_id as text), cast(programme_id as text), cast(order_id as text)
                        from voucher_codes where book_id = cast(:bookId as uuid) order by position_in_book""",
                        Object[].class)
                .setParameter("bookId", bookId.toString())
                .getResultList();
    }
}
