package org.passledger.issuance.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.ProgrammeEvent;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.VoucherEvent;
import org.passledger.issuance.domain.Programme;
import org.passledger.issuance.domain.ProgrammeCommand;
import org.passledger.issuance.domain.ProgrammeCommand.ConfirmFunding;
import org.passledger.issuance.domain.ProgrammeCommand.OrderBooks;
import org.passledger.issuance.domain.ProgrammeState;
import org.passledger.issuance.domain.Voucher;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.issuance.domain.VoucherCommand.ActivateVoucher;
import org.passledger.issuance.domain.VoucherCommand.IssueVoucher;
import org.passledger.issuance.domain.VoucherState;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.command.Decision;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.RecordedEvent;
import org.passledger.kernel.store.StreamAppend;

/**
 * Runs programme commands inside the caller's transaction. An order appends to the programme's stream at the
 * version it read (so concurrent orders cannot overspend the budget) and, in the same transaction, issues
 * every voucher of the order on a stream of its own; funding activates them the same way. A large order
 * reserves its budget the same way and has its vouchers issued afterwards, in chunks ({@link OrderJobs}).
 */
@ApplicationScoped
public class ProgrammeService {

    private final CommandHandler handler;
    private final EventStore store;
    private final VoucherCodeRegistry codes;
    private final Programme programme;
    private final Voucher voucher;

    public ProgrammeService(CommandHandler handler, EventStore store, VoucherCodeRegistry codes, Clock clock) {
        this.handler = handler;
        this.store = store;
        this.codes = codes;
        this.programme = new Programme(clock);
        this.voucher = new Voucher(clock);
    }

    /** A voucher just printed: the clear code is handed back once, to the funder who ordered it. */
    public record PrintedVoucher(UUID voucherId, UUID bookId, int positionInBook, VoucherCode code) {
    }

    public record PlacedOrder(BooksOrdered order, List<PrintedVoucher> vouchers) {
    }

    /** {@code activationJob} is the job that activates a large order's vouchers, or null when all are active. */
    public record FundedOrder(FundingConfirmed funding, int vouchersActivated, UUID activationJob) {
    }

    /** The dates a new voucher gets. */
    public record Validity(LocalDate validUntil, LocalDate acceptedUntil) {
    }

    public Uni<Decision<ProgrammeState, ProgrammeEvent>> open(Mutiny.Session session,
                                                             ProgrammeCommand.OpenProgramme command,
                                                             EventMetadata metadata) {
        return handle(session, command, metadata);
    }

    public Uni<PlacedOrder> order(Mutiny.Session session, OrderBooks command, EventMetadata metadata) {
        return reserve(session, command, metadata).chain(ordered -> issueBooks(session, ordered, ordered.books(),
                metadata).map(printed -> new PlacedOrder(ordered, printed)));
    }

    /**
     * Records the order on the programme's stream at the version read, which reserves its face value in the
     * budget (counting what cancellations gave back); no voucher is issued yet.
     */
    public Uni<BooksOrdered> reserve(Mutiny.Session session, OrderBooks command, EventMetadata metadata) {
        return handle(session, command, metadata).map(decision -> (BooksOrdered) decision.events().get(0));
    }

    /** Issues {@code books} books of a reserved order, each voucher on a stream of its own. */
    public Uni<List<PrintedVoucher>> issueBooks(Mutiny.Session session, BooksOrdered ordered, int books,
                                                EventMetadata metadata) {
        return state(session, ordered.programmeId()).chain(terms -> validityOf(session, ordered.programmeId(), terms)
                .chain(dates -> {
                    List<PrintedVoucher> planned = plan(ordered.bookSize(), books);
                    List<VoucherCodeRegistry.Slot> slots = planned.stream()
                            .map(p -> new VoucherCodeRegistry.Slot(p.voucherId(), p.bookId(), p.positionInBook()))
                            .toList();
                    return codes.claim(session, ordered.programmeId(), ordered.orderId(), slots)
                            .map(claimed -> withCodes(planned, claimed))
                            .chain(printed -> issue(session, ordered, terms, dates, printed, metadata)
                                    .replaceWith(printed));
                }));
    }

    /** The dates new vouchers get: the programme's, or those of its last programme-wide extension. */
    public Uni<Validity> validityOf(Mutiny.Session session, UUID programmeId, ProgrammeState terms) {
        return Uni.createFrom().item(new Validity(terms.validUntil(), terms.acceptedUntil()));
    }

    /** Runs any programme command on the programme's stream, at the version read. */
    public Uni<Decision<ProgrammeState, ProgrammeEvent>> run(Mutiny.Session session, ProgrammeCommand command,
                                                            EventMetadata metadata) {
        return handle(session, command, metadata);
    }

    static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    public Uni<FundedOrder> fund(Mutiny.Session session, ConfirmFunding command, EventMetadata metadata) {
        return handle(session, command, metadata).chain(decision -> {
            FundingConfirmed funding = (FundingConfirmed) decision.events().get(0);
            int expected = decision.state().orders().get(funding.orderId()).voucherCount();
            return codes.vouchersOf(session, funding.orderId()).chain(voucherIds -> {
                if (voucherIds.size() != expected) {
                    return Uni.createFrom().failure(Refusal.rule("order-still-being-issued",
                            "This order's vouchers are still being issued (" + voucherIds.size() + " of " + expected
                                    + "): fund it once its job is done."));
                }
                return session.createNativeQuery(
                                "select cast(job_id as text) from order_jobs where order_id = cast(:o as uuid)",
                                String.class)
                        .setParameter("o", funding.orderId().toString())
                        .getResultList()
                        .chain(jobs -> jobs.isEmpty()
                                ? activate(session, voucherIds, funding.paymentOrderReference(), metadata)
                                        .map(activated -> new FundedOrder(funding, activated, null))
                                : deferActivation(session, jobs.get(0), funding.paymentOrderReference())
                                        .replaceWith(new FundedOrder(funding, 0, UUID.fromString(jobs.get(0)))));
            });
        });
    }

    /**
     * The programme, which must be open (else 404) and, when {@code funderId} is given (a funder calls), that
     * funder's own (else 403).
     */
    public Uni<ProgrammeState> owned(Mutiny.Session session, UUID programmeId, UUID funderId) {
        return state(session, programmeId).map(state -> {
            if (!state.opened()) {
                throw Refusal.notFound("programme", programmeId);
            }
            if (funderId != null && !funderId.equals(state.funderId())) {
                throw Refusal.forbidden("This programme belongs to another funder.");
            }
            return state;
        });
    }

    /** A large order's vouchers are activated by its job, chunk by chunk, once the payment order is recorded. */
    private Uni<Integer> deferActivation(Mutiny.Session session, String jobId, String paymentOrderReference) {
        return session.createNativeQuery("""
                        update order_jobs set activation_status = 'PENDING', payment_order_reference = :ref
                        where job_id = cast(:job as uuid)""")
                .setParameter("ref", paymentOrderReference)
                .setParameter("job", jobId)
                .executeUpdate();
    }

    /**
     * Activates the given vouchers of a funded order; answers how many it activated (cancelled ones stay so).
     * Each voucher is read, and all activations go in one batch at the versions read.
     */
    public Uni<Integer> activate(Mutiny.Session session, List<UUID> voucherIds, String paymentOrderReference,
                                 EventMetadata metadata) {
        return Multi.createFrom().iterable(voucherIds)
                .onItem().transformToUniAndConcatenate(id -> store.load(session, id.toString()).map(history -> {
                    VoucherState state = voucher.fold(history.stream().map(RecordedEvent::data)
                            .map(VoucherEvent.class::cast).toList());
                    return new StreamAppend(id.toString(), history.size(),
                            voucher.decide(new ActivateVoucher(id, paymentOrderReference), state));
                }))
                .filter(append -> !append.events().isEmpty())
                .collect().asList()
                .chain(appends -> store.appendAll(session, appends, metadata));
    }

    /** The programme as its own stream tells it (strongly consistent, unlike the read model). */
    public Uni<ProgrammeState> state(Mutiny.Session session, UUID programmeId) {
        return handler.state(session, programmeId.toString(), programme, ProgrammeEvent.class);
    }

    private Uni<Decision<ProgrammeState, ProgrammeEvent>> handle(Mutiny.Session session, ProgrammeCommand command,
                                                                EventMetadata metadata) {
        return handler.handle(session, command.programmeId().toString(), programme, ProgrammeEvent.class, command,
                metadata);
    }

    private static List<PrintedVoucher> plan(int bookSize, int books) {
        List<PrintedVoucher> planned = new ArrayList<>(bookSize * books);
        for (int book = 0; book < books; book++) {
            UUID bookId = UUID.randomUUID();
            for (int position = 1; position <= bookSize; position++) {
                planned.add(new PrintedVoucher(UUID.randomUUID(), bookId, position, null));
            }
        }
        return planned;
    }

    private static List<PrintedVoucher> withCodes(List<PrintedVoucher> planned, Map<UUID, VoucherCode> codes) {
        return planned.stream()
                .map(p -> new PrintedVoucher(p.voucherId(), p.bookId(), p.positionInBook(), codes.get(p.voucherId())))
                .toList();
    }

    /**
     * Each voucher is a new stream of its own (fresh id), so it is appended at version 0 without a read; the
     * whole chunk goes in one batch statement.
     */
    private Uni<Void> issue(Mutiny.Session session, BooksOrdered ordered, ProgrammeState terms, Validity dates,
                            List<PrintedVoucher> printed, EventMetadata metadata) {
        List<StreamAppend> appends = new ArrayList<>(printed.size());
        for (PrintedVoucher p : printed) {
            IssueVoucher command = new IssueVoucher(p.voucherId(), p.code().hash(), ordered.programmeId(),
                    ordered.funderId(), ordered.orderId(), p.bookId(), p.positionInBook(), ordered.faceValueCents(),
                    terms.territory(), terms.allowedServices(), dates.validUntil(), dates.acceptedUntil());
            appends.add(new StreamAppend(p.voucherId().toString(), 0,
                    voucher.decide(command, voucher.initialState())));
        }
        return store.appendAll(session, appends, metadata).replaceWithVoid();
    }
}
