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

    public VoucherCodeRegistry(RandomGenerator random) {
        this.random = random;
    }

    /** Gives each voucher a fresh code that no other voucher holds, drawing again on a collision. */
    public Uni<Map<UUID, VoucherCode>> claim(Mutiny.Session session, UUID programmeId, UUID orderId,
                                             List<UUID> voucherIds) {
        Map<UUID, VoucherCode> codes = new LinkedHashMap<>();
        return claimRound(session, programmeId, orderId, voucherIds, codes, 1).replaceWith(codes);
    }

    private Uni<Void> claimRound(Mutiny.Session session, UUID programmeId, UUID orderId, List<UUID> pending,
                                 Map<UUID, VoucherCode> codes, int round) {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (round > MAX_ROUNDS) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "voucher codes kept colliding: is the random source working?"));
        }
        String[] ids = new String[pending.size()];
        String[] hashes = new String[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            VoucherCode code = VoucherCode.generate(random);
            codes.put(pending.get(i), code);
            ids[i] = pending.get(i).toString();
            hashes[i] = code.hash();
        }
        return session.createNativeQuery("""
                        insert into voucher_codes (code_hash, voucher_id, programme_id, order_id)
                        select claimed.code_hash, cast(claimed.voucher_id as uuid), cast(:programmeId as uuid),
                               cast(:orderId as uuid)
                        from unnest(cast(:hashes as text[]), cast(:ids as text[])) as claimed (code_hash, voucher_id)
                        on conflict do nothing""")
                .setParameter("hashes", hashes)
                .setParameter("ids", ids)
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
                            return claimRound(session, programmeId, orderId, again, codes, round + 1);
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
}
