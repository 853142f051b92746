package org.passledger.issuance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.issuance.application.CustodyService;
import org.passledger.issuance.application.IssuanceQueries;
import org.passledger.issuance.application.OrderJobs;
import org.passledger.issuance.application.VoucherService;
import org.passledger.issuance.projection.ProgrammeView;

/** Response bodies of distribution, custody, lifecycle, job and query operations. */
public final class IssuanceResponses {

    private IssuanceResponses() {
    }

    @Schema(name = "OrderJob", description = "A large order: its budget is reserved, its books issued in chunks")
    public record Job(UUID jobId, UUID programmeId, UUID orderId,
                      @Schema(enumeration = {"PENDING", "RUNNING", "DONE", "FAILED"}) String status,
                      int books, int booksIssued, int voucherCount, int vouchersIssued,
                      @Schema(description = "Vouchers issued, in percent (0-100)") int progressPercent,
                      Instant createdAt, Instant updatedAt, Instant finishedAt,
                      @Schema(description = "Once the order is funded: PENDING, RUNNING, DONE; null before",
                              enumeration = {"PENDING", "RUNNING", "DONE", "FAILED"}) String activationStatus,
                      int vouchersActivated,
                      @Schema(description = "Failed attempts at the current chunk; FAILED after "
                              + "issuance.order-jobs.max-attempts of them in a row") int attempts,
                      @Schema(description = "The last failure, while attempts > 0") String error,
                      @Schema(description = "When the job went FAILED") Instant failedAt,
                      @Schema(description = "Once every voucher is issued, the job prints the books: PENDING, "
                              + "RUNNING, DONE (the PDF is ready), FAILED; null before",
                              enumeration = {"PENDING", "RUNNING", "DONE", "FAILED"}) String printStatus,
                      int booksPrinted) {

        static Job of(OrderJobs.Job j) {
            return new Job(j.jobId(), j.programmeId(), j.orderId(), j.status(), j.books(), j.booksIssued(),
                    j.voucherCount(), j.vouchersIssued(), (int) (100L * j.booksIssued() / j.books()), j.createdAt(),
                    j.updatedAt(), j.finishedAt(), j.activationStatus(), j.vouchersActivated(), j.attempts(),
                    j.error(), j.failedAt(), j.printStatus(), j.booksPrinted());
        }
    }

    @Schema(name = "DistributorRegistered")
    public record Registered(UUID programmeId, UUID distributorId, String name, String kind, Instant registeredAt) {

        static Registered of(CustodyService.Registered r) {
            return new Registered(r.programmeId(), r.distributorId(), r.name(), r.kind(), r.registeredAt());
        }
    }

    @Schema(name = "BooksConsigned", description = "The books are in the distributor's stock")
    public record Consigned(UUID programmeId, UUID distributorId, List<UUID> bookIds, int vouchers,
                            Instant consignedAt) {

        static Consigned of(CustodyService.Consigned c) {
            return new Consigned(c.programmeId(), c.distributorId(), c.bookIds(), c.vouchers(), c.consignedAt());
        }
    }

    @Schema(name = "BookCancelled", description = "Every voucher of the book is cancelled; its value is back in the budget")
    public record Cancelled(UUID programmeId, UUID bookId, int vouchersCancelled, long releasedCents,
                            Instant cancelledAt) {

        static Cancelled of(UUID programmeId, VoucherService.BookCancelled c) {
            return new Cancelled(programmeId, c.bookId(), c.vouchers().size(), c.releasedCents(),
                    c.vouchers().get(0).cancelledAt());
        }
    }

    @Schema(name = "ProgrammeValidityExtended")
    public record ProgrammeExtended(UUID programmeId, LocalDate validUntil, LocalDate acceptedUntil,
                                    @Schema(description = "Vouchers whose dates changed") int vouchersExtended) {

        static ProgrammeExtended of(VoucherService.ProgrammeExtended e) {
            return new ProgrammeExtended(e.programmeId(), e.validUntil(), e.acceptedUntil(), e.vouchersExtended());
        }
    }

    @Schema(name = "VoucherValidityExtended")
    public record VoucherExtended(UUID voucherId, UUID programmeId, LocalDate validUntil, LocalDate acceptedUntil,
                                  Instant extendedAt) {
    }

    @Schema(name = "BookDistributed", description = "Every voucher of the book went to one beneficiary")
    public record BookDistributed(UUID bookId, String beneficiaryRef, List<UUID> voucherIds, Instant distributedAt) {

        static BookDistributed of(VoucherService.BookDistributed d) {
            return new BookDistributed(d.bookId(), d.beneficiaryRef(),
                    d.vouchers().stream().map(v -> v.voucherId()).toList(), d.vouchers().get(0).distributedAt());
        }
    }

    @Schema(name = "Figures", description = "How many vouchers, and their face value in cents")
    public record Figures(long count, long amountCents) {

        static Figures of(IssuanceQueries.Figures f) {
            return new Figures(f.count(), f.amountCents());
        }
    }

    @Schema(name = "ProgrammeDashboard", description = "The funder's figures for one programme")
    public record Dashboard(UUID programmeId, String name, long budgetCents,
                            @Schema(description = "Face value ordered, less what cancellations gave back")
                            long committedCents,
                            @Schema(description = "Face value still free for orders") long remainingCents,
                            long feesCents, long fundedCents, Figures issued, Figures activated,
                            @Schema(description = "In a distributor's stock, not handed out yet") Figures inDistributorStock,
                            Figures handedOut,
                            @Schema(description = "Books with at least one voucher redeemed; "
                                    + "amount = their whole face value")
                            Figures startedBooks,
                            @Schema(description = "Redeemed and not reversed") Figures redeemed, Figures expired,
                            Figures cancelled, Figures reimbursed) {

        static Dashboard of(ProgrammeView v, IssuanceQueries.Dashboard d) {
            long committed = v.committedCents - d.releasedCents();
            return new Dashboard(v.programmeId, v.name, v.budgetCents, committed, v.budgetCents - committed,
                    v.feesCents, v.fundedCents, Figures.of(d.issued()), Figures.of(d.activated()),
                    Figures.of(d.inDistributorStock()), Figures.of(d.handedOut()), Figures.of(d.startedBooks()),
                    Figures.of(d.redeemed()), Figures.of(d.expired()), Figures.of(d.cancelled()),
                    Figures.of(d.reimbursed()));
        }
    }

    @Schema(name = "StockBook", description = "A book in a distributor's stock")
    public record StockBook(UUID programmeId, UUID bookId, long inStock, long handedOut, Instant consignedAt) {

        static StockBook of(IssuanceQueries.StockBook b) {
            return new StockBook(b.programmeId(), b.bookId(), b.inStock(), b.handedOut(), b.consignedAt());
        }
    }

    @Schema(name = "DistributorStock")
    public record Stock(UUID distributorId, long vouchersInStock, List<StockBook> books) {
    }

    @Schema(name = "VoucherHistoryEntry", description = "One step of a voucher's life")
    public record Step(Instant at,
                       @Schema(example = "voucher.distributed.v1") String type,
                       @Schema(description = "Who acted: a party, or a system job") String actor,
                       @Schema(description = "The distributor, structure or payment order the step involves")
                       String party) {
    }

    @Schema(name = "VoucherHistory", description = "A voucher's whole life, oldest first")
    public record History(UUID voucherId, UUID programmeId, UUID funderId, UUID heldBy, String status,
                          List<Step> steps) {
    }

    @Schema(name = "AgencyOverviewRow", description = "Programmes of one funder type covering one département")
    public record AgencyRow(String departement, String funderType, long programmes, long budgetCents,
                            long committedCents, Figures issued, Figures handedOut, Figures redeemed,
                            Figures reimbursed) {

        static AgencyRow of(IssuanceQueries.AgencyRow r) {
            return new AgencyRow(r.departement(), r.funderType(), r.programmes(), r.budgetCents(),
                    r.committedCents(), Figures.of(r.issued()), Figures.of(r.handedOut()), Figures.of(r.redeemed()),
                    Figures.of(r.reimbursed()));
        }
    }
}
