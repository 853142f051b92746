package org.passledger.issuance.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.command.Decision;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;

/**
 * Runs programme commands inside the caller's transaction. An order appends to the programme's stream at the
 * version it read (so concurrent orders cannot overspend the budget) and, in the same transaction, issues
 * every voucher of the order on a stream of its own; funding activates them the same way.
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

    public record FundedOrder(FundingConfirmed funding, int vouchersActivated) {
    }

    public Uni<Decision<ProgrammeState, ProgrammeEvent>> open(Mutiny.Session session,
                                                             ProgrammeCommand.OpenProgramme command,
                                                             EventMetadata metadata) {
        return handle(session, command, metadata);
    }

    public Uni<PlacedOrder> order(Mutiny.Session session, OrderBooks command, EventMetadata metadata) {
        return handle(session, command, metadata).chain(decision -> {
            BooksOrdered ordered = (BooksOrdered) decision.events().get(0);
            List<PrintedVoucher> planned = plan(ordered);
            List<UUID> ids = planned.stream().map(PrintedVoucher::voucherId).toList();
            return codes.claim(session, ordered.programmeId(), ordered.orderId(), ids)
                    .map(claimed -> withCodes(planned, claimed))
                    .chain(printed -> issue(session, ordered, decision.state(), printed, metadata)
                            .replaceWith(new PlacedOrder(ordered, printed)));
        });
    }

    public Uni<FundedOrder> fund(Mutiny.Session session, ConfirmFunding command, EventMetadata metadata) {
        return handle(session, command, metadata).chain(decision -> {
            FundingConfirmed funding = (FundingConfirmed) decision.events().get(0);
            int expected = decision.state().orders().get(funding.orderId()).voucherCount();
            return codes.vouchersOf(session, funding.orderId()).chain(voucherIds -> {
                if (voucherIds.size() != expected) {
                    return Uni.createFrom().failure(new IllegalStateException("order " + funding.orderId()
                            + " has " + voucherIds.size() + " vouchers registered, " + expected + " ordered"));
                }
                return Multi.createFrom().iterable(voucherIds)
                        .onItem().transformToUniAndConcatenate(id -> handler.handle(session, id.toString(), voucher,
                                VoucherEvent.class, new ActivateVoucher(id, funding.paymentOrderReference()), metadata))
                        .collect().asList()
                        .map(activated -> new FundedOrder(funding, activated.size()));
            });
        });
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

    private static List<PrintedVoucher> plan(BooksOrdered ordered) {
        List<PrintedVoucher> planned = new ArrayList<>(ordered.voucherCount());
        for (int book = 0; book < ordered.books(); book++) {
            UUID bookId = UUID.randomUUID();
            for (int position = 1; position <= ordered.bookSize(); position++) {
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

    /** Each voucher is a new stream of its own (fresh id), so it is appended at version 0 without a read. */
    private Uni<Void> issue(Mutiny.Session session, BooksOrdered ordered, ProgrammeState terms,
                            List<PrintedVoucher> printed, EventMetadata metadata) {
        return Multi.createFrom().iterable(printed)
                .onItem().transformToUniAndConcatenate(p -> {
                    IssueVoucher command = new IssueVoucher(p.voucherId(), p.code().hash(), ordered.programmeId(),
                            ordered.funderId(), ordered.orderId(), p.bookId(), p.positionInBook(),
                            ordered.faceValueCents(), terms.territory(), terms.allowedServices(), terms.validUntil(),
                            terms.acceptedUntil());
                    List<VoucherEvent> events = voucher.decide(command, voucher.initialState());
                    return store.append(session, p.voucherId().toString(), 0, events, metadata);
                })
                .collect().last()
                .replaceWithVoid();
    }
}
