package org.passledger.issuance.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.ProgrammeEvent.DistributorRegistered;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.issuance.domain.Programme;
import org.passledger.issuance.domain.ProgrammeCommand.ConsignBooks;
import org.passledger.issuance.domain.ProgrammeCommand.RegisterDistributor;
import org.passledger.issuance.domain.VoucherCommand.ConsignVoucher;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;

/**
 * Distributors and the custody of books. A distributor's registration and every consignment are events of
 * the programme's stream ({@code programme.distributor-registered.v1}, {@code programme.books-consigned.v1}),
 * decided by {@link org.passledger.issuance.domain.Programme} at the version read (the distributor must be
 * registered, the books not cancelled). Who holds each voucher is an event of the voucher's own stream
 * ({@code voucher.consigned.v1}), so a hand-out, a consignment and a cancellation of the same book are ordered
 * by the voucher streams' versions: the later writer decides again on what the earlier one did.
 */
@ApplicationScoped
public class CustodyService {

    public static final Set<String> KINDS = Programme.DISTRIBUTOR_KINDS;

    private final Clock clock;
    private final ProgrammeService programmes;
    private final VoucherService vouchers;

    public CustodyService(Clock clock, ProgrammeService programmes, VoucherService vouchers) {
        this.clock = clock;
        this.programmes = programmes;
        this.vouchers = vouchers;
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
     * another distributor as long as none of their vouchers was handed out): {@code voucher.consigned.v1} on
     * each voucher's stream at the version read (each voucher's decider says where it was and refuses a
     * handed-out, cancelled or expired one), and one {@code programme.books-consigned.v1} per previous holder,
     * all in this transaction.
     */
    public Uni<Consigned> consign(Mutiny.Session session, UUID programmeId, UUID funderId, UUID distributorId,
                                  List<UUID> books, EventMetadata metadata) {
        List<UUID> bookIds = List.copyOf(new LinkedHashSet<>(books));
        return isRegistered(session, programmeId, distributorId).chain(registered -> {
            if (!registered) {
                throw Refusal.rule("distributor-not-registered",
                        "This distributor is not registered for the programme: register it first.");
            }
            return session.createNativeQuery("""
                            select cast(book_id as text), cast(voucher_id as text)
                            from voucher_codes
                            where book_id in (select cast(b as uuid) from unnest(cast(:books as text[])) b)
                              and programme_id = cast(:p as uuid)
                            order by book_id, position_in_book""", Object[].class)
                    .setParameter("books", bookIds.stream().map(UUID::toString).toArray(String[]::new))
                    .setParameter("p", programmeId.toString())
                    .getResultList();
        }).chain(rows -> {
            Map<UUID, UUID> bookOf = new LinkedHashMap<>();
            rows.forEach(row -> bookOf.put(UUID.fromString((String) row[1]), UUID.fromString((String) row[0])));
            Set<UUID> found = new HashSet<>(bookOf.values());
            bookIds.stream().filter(b -> !found.contains(b)).findFirst().ifPresent(missing -> {
                throw Refusal.notFound("book", missing);
            });
            return vouchers.read(session, List.copyOf(bookOf.keySet())).chain(reads -> {
                // one programme event per previous holder ("" for the funder's own stock), books in request order
                Map<String, List<UUID>> byHolder = new LinkedHashMap<>();
                Map<UUID, Integer> perBook = new HashMap<>();
                Map<UUID, String> holderOfBook = new HashMap<>();
                for (VoucherService.Read read : reads) {
                    UUID book = bookOf.get(read.voucherId());
                    perBook.merge(book, 1, Integer::sum);
                    holderOfBook.putIfAbsent(book, read.state().heldBy() == null ? ""
                            : read.state().heldBy().toString());
                }
                bookIds.forEach(b -> byHolder.computeIfAbsent(holderOfBook.get(b), k -> new ArrayList<>()).add(b));
                return vouchers.decideAll(session, reads, id -> new ConsignVoucher(id, distributorId),
                                VoucherConsigned.class, metadata)
                        .call(consigned -> Multi.createFrom().iterable(byHolder.entrySet())
                                .onItem().transformToUniAndConcatenate(group -> programmes.run(session,
                                        new ConsignBooks(programmeId, funderId, distributorId,
                                                group.getKey().isEmpty() ? null : UUID.fromString(group.getKey()),
                                                group.getValue(), group.getValue().stream()
                                                        .mapToInt(perBook::get).sum()),
                                        metadata))
                                .collect().last())
                        .map(consigned -> new Consigned(programmeId, distributorId, bookIds, consigned.size(),
                                consigned.isEmpty() ? clock.instant() : consigned.get(0).consignedAt()));
            });
        });
    }
}
