package org.passledger.issuance.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.issuance.domain.BeneficiaryRef;
import org.passledger.issuance.domain.Voucher;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.issuance.domain.VoucherCommand;
import org.passledger.issuance.domain.ProgrammeCommand.CancelBooks;
import org.passledger.issuance.domain.ProgrammeCommand.ExtendProgrammeValidity;
import org.passledger.issuance.domain.VoucherCommand.CancelVoucher;
import org.passledger.issuance.domain.VoucherCommand.DistributeVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExpireVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExtendValidity;
import org.passledger.issuance.domain.VoucherState;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.command.Decision;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.RecordedEvent;
import org.passledger.kernel.store.StreamAppend;

/**
 * Runs voucher commands inside the caller's transaction: hand-outs (a voucher or a whole book, from the
 * distributor's own stock), cancellations of books never handed out, validity extensions and expiry.
 */
@ApplicationScoped
public class VoucherService {

    private final CommandHandler handler;
    private final EventStore store;
    private final VoucherCodeRegistry codes;
    private final ProgrammeService programmes;
    private final RandomGenerator random;
    private final Clock clock;
    private final Voucher voucher;

    public VoucherService(CommandHandler handler, EventStore store, VoucherCodeRegistry codes,
                          ProgrammeService programmes, RandomGenerator random, Clock clock) {
        this.handler = handler;
        this.store = store;
        this.programmes = programmes;
        this.codes = codes;
        this.random = random;
        this.clock = clock;
        this.voucher = new Voucher(clock);
    }

    public record BookDistributed(UUID bookId, String beneficiaryRef, List<VoucherDistributed> vouchers) {
    }

    public record BookCancelled(UUID bookId, List<VoucherCancelled> vouchers, long releasedCents) {
    }

    /** A voucher's state as its stream tells it, and the version it was read at. */
    public record Read(UUID voucherId, long version, VoucherState state) {
    }

    /** A voucher's state from its stream's events. */
    public VoucherState fold(List<RecordedEvent> history) {
        return voucher.fold(history.stream().map(RecordedEvent::data).map(VoucherEvent.class::cast).toList());
    }

    /** Reads each voucher's stream, in the given order. */
    public Uni<List<Read>> read(Mutiny.Session session, List<UUID> voucherIds) {
        return Multi.createFrom().iterable(voucherIds)
                .onItem().transformToUniAndConcatenate(id -> store.load(session, id.toString())
                        .map(history -> new Read(id, history.size(), fold(history))))
                .collect().asList();
    }

    /**
     * Decides a command on each voucher read and appends every decision in one batch, each stream at the version
     * it was read: if any voucher changed meanwhile, the whole batch is refused (and decided again by the retry).
     */
    public <E extends VoucherEvent> Uni<List<E>> decideAll(Mutiny.Session session, List<Read> reads,
                                                           Function<UUID, VoucherCommand> commandOf, Class<E> type,
                                                           EventMetadata metadata) {
        List<StreamAppend> appends = new ArrayList<>(reads.size());
        List<E> decided = new ArrayList<>(reads.size());
        for (Read read : reads) {
            List<VoucherEvent> events = voucher.decide(commandOf.apply(read.voucherId()), read.state());
            appends.add(new StreamAppend(read.voucherId().toString(), read.version(), events));
            events.forEach(event -> decided.add(type.cast(event)));
        }
        return store.appendAll(session, appends, metadata).replaceWith(decided);
    }

    /**
     * Hands the voucher behind a code to a beneficiary, who gets a fresh pseudonymous reference. The voucher's
     * own stream says who holds it: the decider refuses another distributor's voucher, and the append at the
     * version read makes a concurrent consignment or cancellation of its book win or lose as a whole.
     */
    public Uni<VoucherDistributed> distribute(Mutiny.Session session, VoucherCode code, UUID distributorId,
                                              String ageBracket, String postcode, EventMetadata metadata) {
        return codes.voucherOf(session, code.hash()).chain(found -> {
            UUID voucherId = found.orElseThrow(Voucher::unknown);
            var command = new DistributeVoucher(voucherId, distributorId, BeneficiaryRef.generate(random),
                    ageBracket, postcode);
            return handler.handle(session, voucherId.toString(), voucher, VoucherEvent.class, command, metadata)
                    .map(decision -> (VoucherDistributed) decision.events().get(0));
        });
    }

    /**
     * Hands a whole book from the distributor's stock to one beneficiary: every voucher of it, or none. The book
     * must be whole in the caller's stock, none of it handed out yet.
     */
    public Uni<BookDistributed> distributeBook(Mutiny.Session session, UUID bookId, UUID distributorId,
                                               String ageBracket, String postcode, EventMetadata metadata) {
        String beneficiaryRef = BeneficiaryRef.generate(random);
        return codes.bookOf(session, bookId)
                .chain(rows -> read(session, rows.stream().map(row -> UUID.fromString((String) row[0])).toList()))
                .chain(reads -> {
                    if (reads.isEmpty() || reads.stream().anyMatch(r -> r.state().heldBy() == null)) {
                        throw Refusal.rule("book-not-in-stock", "This book is in no distributor's stock.");
                    }
                    if (reads.stream().anyMatch(r -> !distributorId.equals(r.state().heldBy()))) {
                        throw Voucher.notInYourStock("book");
                    }
                    if (reads.stream().anyMatch(r -> r.state().status() == VoucherState.Status.DISTRIBUTED)) {
                        throw Refusal.rule("book-already-handed-out",
                                "Vouchers of this book were already handed out: hand out the others one by one.");
                    }
                    return decideAll(session, reads, id -> new DistributeVoucher(id, distributorId, beneficiaryRef,
                            ageBracket, postcode), VoucherDistributed.class, metadata);
                })
                .map(distributed -> new BookDistributed(bookId, beneficiaryRef, distributed));
    }

    /**
     * Cancels every voucher of a book none of which was handed out; their face value goes back to the budget
     * (recorded with the events, in this transaction) and the book leaves any distributor's stock. The vouchers
     * are appended at the versions read, so a hand-out racing the cancellation makes one of them decide again.
     */
    public Uni<BookCancelled> cancelBook(Mutiny.Session session, UUID programmeId, UUID bookId, UUID funderId,
                                         String reason, EventMetadata metadata) {
        return codes.bookOf(session, bookId).chain(rows -> {
            if (rows.isEmpty() || !programmeId.toString().equals(rows.get(0)[1])) {
                return Uni.createFrom().failure(Refusal.notFound("book", bookId));
            }
            List<UUID> voucherIds = rows.stream().map(row -> UUID.fromString((String) row[0])).toList();
            return read(session, voucherIds).chain(reads -> decideAll(session, reads,
                            id -> new CancelVoucher(id, funderId, reason), VoucherCancelled.class, metadata))
                    .call(cancelled -> programmes.run(session, new CancelBooks(programmeId, funderId, List.of(bookId),
                            cancelled.size(), cancelled.stream().mapToLong(VoucherCancelled::faceValueCents).sum(),
                            reason), metadata))
                    .map(cancelled -> new BookCancelled(bookId, cancelled,
                            cancelled.stream().mapToLong(VoucherCancelled::faceValueCents).sum()));
        });
    }

    /** Extends one voucher's validity; {@code funderId} null when the operator asks. */
    public Uni<VoucherValidityExtended> extend(Mutiny.Session session, VoucherCode code, UUID funderId,
                                               LocalDate validUntil, LocalDate acceptedUntil, EventMetadata metadata) {
        return codes.voucherOf(session, code.hash()).chain(found -> {
            UUID voucherId = found.orElseThrow(Voucher::unknown);
            return extend(session, voucherId, funderId, validUntil, acceptedUntil, metadata)
                    .map(decision -> (VoucherValidityExtended) decision.events().get(0));
        });
    }

    public Uni<Decision<VoucherState, VoucherEvent>> extend(Mutiny.Session session, UUID voucherId, UUID funderId,
                                                           LocalDate validUntil, LocalDate acceptedUntil,
                                                           EventMetadata metadata) {
        return handler.handle(session, voucherId.toString(), voucher, VoucherEvent.class,
                new ExtendValidity(voucherId, funderId, validUntil, acceptedUntil), metadata);
    }

    public record ProgrammeExtended(UUID programmeId, LocalDate validUntil, LocalDate acceptedUntil,
                                    int vouchersExtended) {
    }

    /**
     * Extends the validity of every voucher of the programme that is neither cancelled nor expired, and gives
     * the new dates to the vouchers ordered from now on.
     */
    public Uni<ProgrammeExtended> extendProgramme(Mutiny.Session session, UUID programmeId, UUID funderId,
                                                  LocalDate validUntil, LocalDate acceptedUntil,
                                                  EventMetadata metadata) {
        if (acceptedUntil.isBefore(validUntil)) {
            return Uni.createFrom().failure(Refusal.invalid("accepted-until-before-valid-until",
                    "Vouchers are accepted at least until the last day of their validity."));
        }
        return programmes.owned(session, programmeId, funderId)
                .chain(() -> programmes.run(session, new ExtendProgrammeValidity(programmeId, funderId, validUntil,
                        acceptedUntil), metadata))
                .chain(() -> session.createNativeQuery("""
                                select cast(voucher_id as text) from voucher_codes
                                where programme_id = cast(:p as uuid) order by voucher_id""", String.class)
                        .setParameter("p", programmeId.toString())
                        .getResultList())
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> state(session, UUID.fromString(id))
                                .chain(state -> state.status() == VoucherState.Status.CANCELLED
                                        || state.status() == VoucherState.Status.EXPIRED
                                        || !validUntil.isAfter(state.validUntil())
                                        && !acceptedUntil.isAfter(state.acceptedUntil())
                                        ? Uni.createFrom().item(0)
                                        : extend(session, UUID.fromString(id), funderId,
                                                later(validUntil, state.validUntil()),
                                                later(acceptedUntil, state.acceptedUntil()), metadata).replaceWith(1)))
                        .collect().asList()
                        .map(done -> new ProgrammeExtended(programmeId, validUntil, acceptedUntil,
                                done.stream().mapToInt(Integer::intValue).sum())));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    public Uni<Decision<VoucherState, VoucherEvent>> expire(Mutiny.Session session, UUID voucherId,
                                                           EventMetadata metadata) {
        return handler.handle(session, voucherId.toString(), voucher, VoucherEvent.class,
                new ExpireVoucher(voucherId), metadata);
    }

    /** The voucher's issuance-side state, from its own stream. */
    public Uni<VoucherState> state(Mutiny.Session session, UUID voucherId) {
        return handler.state(session, voucherId.toString(), voucher, VoucherEvent.class);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), org.passledger.issuance.domain.Programme.ZONE);
    }
}
