package org.passledger.issuance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.issuance.application.ProgrammeService;
import org.passledger.issuance.domain.ProgrammeState;
import org.passledger.issuance.projection.ProgrammeView;

/** Response bodies of the programme API. */
public final class ProgrammeResponses {

    private ProgrammeResponses() {
    }

    @Schema(name = "ProgrammeAccepted", description = "The programme is open; read models follow within moments")
    public record Accepted(UUID programmeId, long version) {
    }

    @Schema(name = "PrintedVoucher", description = "A voucher of the order with its code in clear: shown only here")
    public record PrintedVoucher(UUID voucherId, UUID bookId, int positionInBook,
                                 @Schema(example = "7KQM-4XHT-9BRC-PE") String code) {
    }

    @Schema(name = "OrderPlaced", description = "Books printed; their vouchers stay inactive until the order is funded")
    public record OrderPlaced(UUID programmeId, UUID orderId, int books, int bookSize, int voucherCount,
                              long faceValueCents,
                              @Schema(description = "voucherCount x faceValueCents") long amountCents,
                              @Schema(description = "The operator's fee on amountCents") long feeCents,
                              Instant orderedAt, List<PrintedVoucher> vouchers) {

        static OrderPlaced of(ProgrammeService.PlacedOrder placed) {
            var o = placed.order();
            return new OrderPlaced(o.programmeId(), o.orderId(), o.books(), o.bookSize(), o.voucherCount(),
                    o.faceValueCents(), o.amountCents(), o.feeCents(), o.orderedAt(),
                    placed.vouchers().stream().map(v -> new PrintedVoucher(v.voucherId(), v.bookId(),
                            v.positionInBook(), v.code().printable())).toList());
        }
    }

    @Schema(name = "OrderFunded", description = "The payment order was recorded and the order's vouchers activated")
    public record OrderFunded(UUID programmeId, UUID orderId, String paymentOrderReference,
                              @Schema(description = "What the payment order settles: face value plus fee")
                              long amountCents,
                              int vouchersActivated, Instant confirmedAt) {

        static OrderFunded of(ProgrammeService.FundedOrder funded) {
            var f = funded.funding();
            return new OrderFunded(f.programmeId(), f.orderId(), f.paymentOrderReference(), f.amountCents(),
                    funded.vouchersActivated(), f.confirmedAt());
        }
    }

    @Schema(name = "Order", description = "One book order, as the programme's own stream tells it")
    public record OrderBody(UUID programmeId, UUID orderId, int books, int voucherCount, long amountCents,
                            long feeCents, boolean funded, String paymentOrderReference) {

        static OrderBody of(UUID programmeId, ProgrammeState.Order order) {
            return new OrderBody(programmeId, order.orderId(), order.books(), order.voucherCount(),
                    order.amountCents(), order.feeCents(), order.funded(), order.paymentOrderReference());
        }
    }

    @Schema(name = "VoucherCounts", description = "How many of the programme's vouchers reached a stage, and their face value")
    public record Counts(long count, long amountCents) {
    }

    @Schema(name = "Programme", description = "A programme and the life of its vouchers, as the read model knows it")
    public record ProgrammeBody(UUID programmeId, UUID funderId, String name, String funderName, String funderType,
                                long budgetCents,
                                @Schema(description = "Face value of the vouchers ordered") long committedCents,
                                @Schema(description = "Face value still free for orders: the budget, less what was "
                                        + "ordered, plus what cancellations gave back") long remainingCents,
                                long faceValueCents, int bookSize, List<String> territory, LocalDate validUntil,
                                LocalDate acceptedUntil, int orders, long feesCents, long fundedCents,
                                Counts issued, Counts activated, Counts distributed,
                                @Schema(description = "Redeemed and not reversed") Counts redeemed,
                                Counts reimbursed,
                                @Schema(description = "Events this read model applied for the programme") int eventsApplied,
                                Instant updatedAt,
                                @Schema(description = "Cancelled: their face value is back in the budget") Counts cancelled,
                                Counts expired) {

        static ProgrammeBody of(ProgrammeView v) {
            return new ProgrammeBody(v.programmeId, v.funderId, v.name, v.funderName, v.funderType, v.budgetCents,
                    v.committedCents, v.budgetCents - v.committedCents + v.cancelledCents,
                    v.faceValueCents == null ? 0 : v.faceValueCents,
                    v.bookSize, v.territory == null || v.territory.isEmpty() ? List.of() : List.of(v.territory.split(",")),
                    v.validUntil, v.acceptedUntil, v.ordersCount, v.feesCents, v.fundedCents,
                    new Counts(v.issuedCount, v.issuedCents), new Counts(v.activatedCount, v.activatedCents),
                    new Counts(v.distributedCount, v.distributedCents), new Counts(v.redeemedCount, v.redeemedCents),
                    new Counts(v.reimbursedCount, v.reimbursedCents), v.eventsApplied, v.updatedAt,
                    new Counts(v.cancelledCount, v.cancelledCents), new Counts(v.expiredCount, v.expiredCents));
        }
    }
}
