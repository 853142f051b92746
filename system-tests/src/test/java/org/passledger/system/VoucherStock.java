package org.passledger.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.passledger.clients.issuance.api.ProgrammesApi;
import org.passledger.clients.issuance.model.ConfirmFunding;
import org.passledger.clients.issuance.model.ConsignBooks;
import org.passledger.clients.issuance.model.OrderBooks;
import org.passledger.clients.issuance.model.OrderPlaced;
import org.passledger.clients.issuance.model.PrintedVoucher;
import org.passledger.system.Partner.Outcome;
import org.passledger.system.Partner.Reply;

/**
 * The distributor's stock of funded vouchers. When it runs out, the funder orders ten more books, confirms their
 * funding and consigns them to the distributor: three more intents, each with its key, under the same faults.
 */
final class VoucherStock {

    private static final int BOOKS_PER_ORDER = 10;

    private final Partner partner;
    private final ProgrammesApi funder;
    private final ChaosParties parties;
    private final Deque<PrintedVoucher> stock = new ArrayDeque<>();
    private final AtomicLong ordered = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();

    VoucherStock(Partner partner, ProgrammesApi funder, ChaosParties parties) {
        this.partner = partner;
        this.funder = funder;
        this.parties = parties;
    }

    synchronized Optional<PrintedVoucher> take() {
        if (stock.isEmpty()) {
            refill();
        }
        return Optional.ofNullable(stock.poll());
    }

    /** Vouchers in every order the funder saw acknowledged. */
    long vouchersOrdered() {
        return ordered.get();
    }

    long orders() {
        return orders.get();
    }

    private void refill() {
        UUID programme = parties.programme();
        String orderKey = ChaosParties.key();
        OrderPlaced order = definite("order", partner.untilDefinite("issuance-service", () -> {
            var answer = funder.orderBooksWithHttpInfo(programme, new OrderBooks().books(BOOKS_PER_ORDER), orderKey);
            return Reply.of(answer.getData(), answer.getHeaders());
        }));
        String fundingKey = ChaosParties.key();
        ConfirmFunding funding = new ConfirmFunding()
                .paymentOrderReference("PO-" + order.getOrderId().toString().substring(0, 8));
        definite("funding", partner.untilDefinite("issuance-service", () -> {
            var answer = funder.confirmFundingWithHttpInfo(order.getOrderId(), programme, funding, fundingKey);
            return Reply.of(answer.getData(), answer.getHeaders());
        }));
        String consignmentKey = ChaosParties.key();
        List<UUID> books = order.getVouchers().stream().map(PrintedVoucher::getBookId).distinct().toList();
        ConsignBooks consignment = new ConsignBooks().distributorId(parties.distributor()).bookIds(books);
        definite("consignment", partner.untilDefinite("issuance-service", () -> {
            var answer = funder.consignBooksWithHttpInfo(programme, consignment, consignmentKey);
            return Reply.of(answer.getData(), answer.getHeaders());
        }));
        orders.incrementAndGet();
        ordered.addAndGet(order.getVouchers().size());
        stock.addAll(order.getVouchers());
    }

    private static <T> T definite(String intent, Outcome<T> outcome) {
        if (!outcome.succeeded()) {
            throw new IllegalStateException("the funder's " + intent + " was refused: " + outcome.refusal());
        }
        return outcome.body();
    }
}
