package org.passledger.issuance.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.issuance.domain.BeneficiaryRef;
import org.passledger.issuance.domain.Voucher;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.issuance.domain.ProgrammeCommand.CancelBooks;
import org.passledger.issuance.domain.ProgrammeCommand.ExtendProgrammeValidity;
import org.passledger.issuance.domain.VoucherCommand.CancelVoucher;
import org.passledger.issuance.domain.VoucherCommand.DistributeVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExpireVoucher;
import org.passledger.issuance.domain.VoucherCommand.ExtendValidity;
import org.passledger.issuance.domain.VoucherState;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.command.Decision;
import org.passledger.kernel.problem.ProblemException;
import org.passledger.kernel.store.EventMetadata;

/**
 * Runs voucher commands inside the caller's transaction: hand-outs (a voucher or a whole book, from the
 * distributor's own stock), cancellations of books never handed out, validity extensions and expiry.
 */
@ApplicationScoped
public class VoucherService {

    private final CommandHandler handler;
    private final VoucherCodeRegistry codes;
    private final CustodyService custody;
    private final ProgrammeService programmes;
    private final RandomGenerator random;
    private final Clock clock;
    private final Voucher voucher;

    public VoucherService(CommandHandler handler, VoucherCodeRegistry codes, CustodyService custody,
                          ProgrammeService programmes, RandomGenerator random, Clock clock) {
        this.handler = handler;
        this.programmes = programmes;
        this.codes = codes;
        this.custody = custody;
        this.random = random;
        this.clock = clock;
        this.voucher = new Voucher(clock);
    }

    public record BookDistributed(UUID bookId, String beneficiaryRef, List<VoucherDistributed> vouchers) {
    }

    public record BookCancelled(UUID bookId, List<VoucherCancelled> vouchers, long releasedCents) {
    }

    /**
     * Hands the voucher behind a code to a beneficiary, who gets a fresh pseudonymous reference. The voucher
     * must be in the calling distributor's stock; its custody row is locked until the transaction ends, so a
     * concurrent consignment or cancellation waits.
     */
    public Uni<VoucherDistributed> distribute(Mutiny.Session session, VoucherCode code, UUID distributorId,
                                              String ageBracket, String postcode, EventMetadata metadata) {
        return codes.voucherOf(session, code.hash()).chain(found -> {
            UUID voucherId = found.orElseThrow(Voucher::unknown);
            return custody.lockVoucher(session, voucherId, distributorId).chain(() -> {
                var command = new DistributeVoucher(voucherId, distributorId, BeneficiaryRef.generate(random),
                        ageBracket, postcode);
                return handler.handle(session, voucherId.toString(), voucher, VoucherEvent.class, command, metadata)
                        .map(decision -> (VoucherDistributed) decision.events().get(0))
                        .call(distributed -> custody.handedOut(session, List.of(voucherId)));
            });
        });
    }

    /** Hands a whole book from the distributor's stock to one beneficiary: every voucher of it, or none. */
    public Uni<BookDistributed> distributeBook(Mutiny.Session session, UUID bookId, UUID distributorId,
                                               String ageBracket, String postcode, EventMetadata metadata) {
        String beneficiaryRef = BeneficiaryRef.generate(random);
        return custody.lockBook(session, bookId, distributorId).chain(voucherIds -> Multi.createFrom()
                .iterable(voucherIds)
                .onItem().transformToUniAndConcatenate(id -> handler.handle(session, id.toString(), voucher,
                        VoucherEvent.class, new DistributeVoucher(id, distributorId, beneficiaryRef, ageBracket,
                                postcode), metadata))
                .map(decision -> (VoucherDistributed) decision.events().get(0))
                .collect().asList()
                .call(distributed -> custody.handedOut(session, voucherIds))
                .map(distributed -> new BookDistributed(bookId, beneficiaryRef, distributed)));
    }

    /**
     * Cancels every voucher of a book none of which was handed out; their face value goes back to the budget
     * (recorded with the events, in this transaction) and the book leaves any distributor's stock.
     */
    public Uni<BookCancelled> cancelBook(Mutiny.Session session, UUID programmeId, UUID bookId, UUID funderId,
                                         String reason, EventMetadata metadata) {
        return codes.bookOf(session, bookId).chain(rows -> {
            if (rows.isEmpty() || !programmeId.toString().equals(rows.get(0)[1])) {
                return Uni.createFrom().failure(ProblemException.notFound("book", bookId));
            }
            List<UUID> voucherIds = rows.stream().map(row -> UUID.fromString((String) row[0])).toList();
            return custody.lockForCancellation(session, bookId).chain(() -> Multi.createFrom().iterable(voucherIds)
                    .onItem().transformToUniAndConcatenate(id -> handler.handle(session, id.toString(), voucher,
                            VoucherEvent.class, new CancelVoucher(id, funderId, reason), metadata))
                    .map(decision -> (VoucherCancelled) decision.events().get(0))
                    .collect().asList()
                    .call(cancelled -> programmes.run(session, new CancelBooks(programmeId, funderId, List.of(bookId),
                            cancelled.size(), cancelled.stream().mapToLong(VoucherCancelled::faceValueCents).sum(),
                            reason), metadata))
                    .call(() -> custody.removeBook(session, bookId))
                    .map(cancelled -> new BookCancelled(bookId, cancelled,
                            cancelled.stream().mapToLong(VoucherCancelled::faceValueCents).sum())));
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
            return Uni.createFrom().failure(ProblemException.invalid("accepted-until-before-valid-until",
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
