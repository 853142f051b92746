package org.passledger.issuance.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.command.ConflictRetry;
import org.passledger.issuance.application.CustodyService;
import org.passledger.issuance.application.IssuanceQueries;
import org.passledger.issuance.application.OrderJobs;
import org.passledger.issuance.application.OrderPrinting;
import org.passledger.issuance.domain.ProgrammeState;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.issuance.application.ProgrammeService;
import org.passledger.issuance.application.VoucherCodeRegistry;
import org.passledger.issuance.application.VoucherService;
import org.passledger.issuance.print.BooksPdf;
import org.passledger.issuance.domain.Programme;
import org.passledger.issuance.domain.ProgrammeCommand;
import org.passledger.issuance.projection.ProgrammeView;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.web.RequestMetadata;

@Path("/programmes")
@Tag(name = "Programmes", description = "Funders' programmes, their book orders and funding")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    private final ProgrammeService service;
    private final VoucherService vouchers;
    private final CustodyService custody;
    private final OrderJobs jobs;
    private final OrderPrinting printing;
    private final IssuanceQueries queries;
    private final VoucherCodeRegistry codes;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public ProgrammeResource(ProgrammeService service, VoucherService vouchers, CustodyService custody, OrderJobs jobs,
                             OrderPrinting printing, IssuanceQueries queries, VoucherCodeRegistry codes, IdempotentRequests idempotency,
                             Transactions transactions, Caller caller, RequestMetadata metadata) {
        this.service = service;
        this.vouchers = vouchers;
        this.custody = custody;
        this.jobs = jobs;
        this.printing = printing;
        this.queries = queries;
        this.codes = codes;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "openProgramme", summary = "Open a funding programme (funder)",
            description = "The funder is the subject of the token. Every voucher of the programme inherits its terms: "
                    + "face value, territory, validity, allowed services.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (book size, budget, territory, dates...)")
    public Uni<Response> open(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @NotNull @Valid ProgrammeRequests.Open body) {
        UUID programmeId = UUID.randomUUID();
        var command = new ProgrammeCommand.OpenProgramme(programmeId, caller.partyId(), body.funderName(),
                body.funderType(), body.name(), body.budgetCents(),
                body.faceValueCents() == null ? Programme.DEFAULT_FACE_VALUE_CENTS : body.faceValueCents(),
                body.bookSize(), body.territory(), body.validUntil(), body.acceptedUntil(),
                body.targetPublics() == null ? List.of() : body.targetPublics(),
                body.allowedServices() == null ? List.of() : body.allowedServices(),
                body.feeRateBasisPoints() == null ? Programme.DEFAULT_FEE_RATE_BASIS_POINTS : body.feeRateBasisPoints());
        EventMetadata events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /programmes", body, session ->
                service.open(session, command, events).map(decision -> Outcome.created(
                        new ProgrammeResponses.Accepted(programmeId, decision.version()),
                        URI.create("/programmes/" + programmeId))));
    }

    @POST
    @Path("/{programmeId}/orders")
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "orderBooks", summary = "Order books of vouchers for one's own programme (funder)",
            description = "Prints the books at once and returns every voucher's code in clear: this answer (and its "
                    + "replay under the same Idempotency-Key) is the only place the codes appear. The vouchers stay "
                    + "inactive until the order is funded. The face value of all orders never exceeds the budget.")
    @APIResponse(responseCode = "201", description = "Ordered",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderPlaced.class)))
    @APIResponse(responseCode = "400", description = "Invalid number of books")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "budget-exceeded (with remainingCents), programme-validity-over, "
            + "or concurrent-modification after repeated conflicts")
    public Uni<Response> order(@PathParam("programmeId") UUID programmeId,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @NotNull @Valid ProgrammeRequests.Order body) {
        UUID orderId = UUID.randomUUID();
        var command = new ProgrammeCommand.OrderBooks(programmeId, orderId, caller.partyId(), body.books());
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/orders", body, session ->
                        service.order(session, command, events).map(placed -> Outcome.created(
                                ProgrammeResponses.OrderPlaced.of(placed),
                                URI.create("/programmes/" + programmeId + "/orders/" + orderId)))));
    }

    @POST
    @Path("/{programmeId}/orders/{orderId}/funding")
    @RolesAllowed({Roles.FUNDER, Roles.OPERATOR})
    @Operation(operationId = "confirmFunding", summary = "Record the payment order of an order and activate its vouchers",
            description = "By the funder owning the programme, or by the operator on receipt of the payment order.")
    @APIResponse(responseCode = "200", description = "Funded; the order's vouchers are active",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderFunded.class)))
    @APIResponse(responseCode = "202", description = "Funded; a large order's vouchers are activated by its job "
            + "(Location), vouchersActivated is 0 here",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderFunded.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown programme or order")
    @APIResponse(responseCode = "409", description = "order-already-funded")
    public Uni<Response> fund(@PathParam("programmeId") UUID programmeId, @PathParam("orderId") UUID orderId,
                              @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @NotNull @Valid ProgrammeRequests.Funding body) {
        UUID funderId = caller.is(Roles.FUNDER) ? caller.partyId() : null;
        var command = new ProgrammeCommand.ConfirmFunding(programmeId, orderId, funderId, body.paymentOrderReference());
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/orders/" + orderId + "/funding", body, session ->
                        service.fund(session, command, events).map(funded -> funded.activationJob() == null
                                ? Outcome.ok(ProgrammeResponses.OrderFunded.of(funded))
                                : new Outcome(202, ProgrammeResponses.OrderFunded.of(funded), URI.create("/programmes/"
                                        + programmeId + "/order-jobs/" + funded.activationJob())))));
    }

    @GET
    @Path("/{programmeId}/orders/{orderId}")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getOrder", summary = "One book order and whether it is funded")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.OrderBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme or order")
    public Uni<ProgrammeResponses.OrderBody> getOrder(@PathParam("programmeId") UUID programmeId,
                                                      @PathParam("orderId") UUID orderId) {
        boolean funder = caller.is(Roles.FUNDER);
        UUID partyId = funder ? caller.partyId() : null;
        return transactions.read(session -> service.state(session, programmeId)).map(state -> {
            if (!state.opened()) {
                throw Refusal.notFound("programme", programmeId);
            }
            if (funder && !state.funderId().equals(partyId)) {
                throw Refusal.forbidden("This programme belongs to another funder.");
            }
            var order = state.orders().get(orderId);
            if (order == null) {
                throw Refusal.notFound("order", orderId);
            }
            return ProgrammeResponses.OrderBody.of(programmeId, order);
        });
    }

    @GET
    @Path("/{programmeId}")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getProgramme", summary = "A programme and the life of its vouchers, as the read model knows it",
            description = "A funder sees its own programmes only.")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(schema = @Schema(implementation = ProgrammeResponses.ProgrammeBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme (or not yet in the read model)")
    public Uni<ProgrammeResponses.ProgrammeBody> get(
            @Parameter(description = "The programme") @PathParam("programmeId") UUID programmeId) {
        boolean funder = caller.is(Roles.FUNDER);
        UUID partyId = funder ? caller.partyId() : null;
        return transactions.read(session -> session.find(ProgrammeView.class, programmeId)).map(view -> {
            if (view == null || !view.opened) {
                throw Refusal.notFound("programme", programmeId);
            }
            if (funder && !partyId.equals(view.funderId)) {
                throw Refusal.forbidden("This programme belongs to another funder.");
            }
            return ProgrammeResponses.ProgrammeBody.of(view);
        });
    }

    /** The calling funder, or null for the agency and the operator (who may see every programme). */
    private UUID funderOrNull() {
        return caller.is(Roles.FUNDER) ? caller.partyId() : null;
    }

    @POST
    @Path("/{programmeId}/order-jobs")
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "orderBooksAsJob", summary = "Order many books at once, issued by a job (funder)",
            description = "Up to 20,000 books. The budget is reserved at once, exactly as for a small order (never "
                    + "beyond it); the vouchers are then issued in chunks, each in its own transaction. Follow the "
                    + "job at the Location; the codes are printed with GET .../orders/{orderId}/books.pdf.")
    @APIResponse(responseCode = "202", description = "Accepted; the job issues the books",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Job.class)))
    @APIResponse(responseCode = "400", description = "Invalid number of books")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "budget-exceeded, programme-validity-over")
    public Uni<Response> orderAsJob(@PathParam("programmeId") UUID programmeId,
                                    @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                    @NotNull @Valid ProgrammeRequests.LargeOrder body) {
        UUID jobId = UUID.randomUUID();
        var command = new ProgrammeCommand.OrderBooks(programmeId, UUID.randomUUID(), caller.partyId(), body.books(),
                true);
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/order-jobs", body, session ->
                        jobs.accept(session, jobId, command, events).map(job -> new Outcome(202,
                                IssuanceResponses.Job.of(job),
                                URI.create("/programmes/" + programmeId + "/order-jobs/" + jobId)))));
    }

    @GET
    @Path("/{programmeId}/order-jobs/{jobId}")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getOrderJob", summary = "A large order's job and its progress")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Job.class)))
    @APIResponse(responseCode = "404", description = "Unknown job")
    public Uni<IssuanceResponses.Job> getJob(@PathParam("programmeId") UUID programmeId,
                                             @PathParam("jobId") UUID jobId) {
        UUID funderId = funderOrNull();
        return transactions.read(session -> jobs.find(session, jobId)).map(job -> {
            if (job == null || !job.programmeId().equals(programmeId)) {
                throw Refusal.notFound("job", jobId);
            }
            if (funderId != null && !funderId.equals(job.funderId())) {
                throw Refusal.forbidden("This programme belongs to another funder.");
            }
            return IssuanceResponses.Job.of(job);
        });
    }

    @POST
    @Path("/{programmeId}/order-jobs/{jobId}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "retryOrderJob", summary = "Put a FAILED job back to work (operator)",
            description = "After the cause of its failures is fixed: the job (or its activation) carries on from "
                    + "the chunk that failed, with its attempts back at 0.")
    @APIResponse(responseCode = "200", description = "The job, queued again",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Job.class)))
    @APIResponse(responseCode = "404", description = "Unknown job")
    @APIResponse(responseCode = "409", description = "job-not-failed")
    public Uni<IssuanceResponses.Job> retryJob(@PathParam("programmeId") UUID programmeId,
                                               @PathParam("jobId") UUID jobId) {
        return transactions.write(session -> jobs.find(session, jobId).chain(found -> {
            if (found == null || !found.programmeId().equals(programmeId)) {
                throw Refusal.notFound("job", jobId);
            }
            return jobs.retry(session, found);
        })).map(IssuanceResponses.Job::of);
    }

    @GET
    @Path("/{programmeId}/orders/{orderId}/books.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FUNDER, Roles.OPERATOR})
    @Operation(operationId = "printOrderBooks", summary = "The order's printable books: one PDF page per book",
            description = "Each voucher with its code in text and as a QR code, the programme, the face value and "
                    + "the validity. For the funder owning the programme, or the operator who prints for it. A "
                    + "large order's books are printed by its job and stored: served once its printStatus is DONE.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown programme or order")
    @APIResponse(responseCode = "409", description = "books-not-printed-yet (a large order's job is still at it)")
    public Uni<Response> print(@PathParam("programmeId") UUID programmeId, @PathParam("orderId") UUID orderId) {
        UUID funderId = funderOrNull();
        return transactions.read(session -> service.owned(session, programmeId, funderId).chain(state -> {
            if (!state.orders().containsKey(orderId)) {
                throw Refusal.notFound("order", orderId);
            }
            return jobs.ofOrder(session, orderId).chain(job -> job == null ? render(session, programmeId, orderId,
                    state) : stored(session, job));
        })).map(pdf -> Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"books-" + orderId + ".pdf\"").build());
    }

    /** A large order's books, as its job printed and stored them. */
    private Uni<byte[]> stored(Mutiny.Session session, OrderJobs.Job job) {
        if (!OrderJobs.DONE.equals(job.printStatus())) {
            return Uni.createFrom().failure(new Refusal(Refusal.Kind.CONFLICT_WITH_STATE, "books-not-printed-yet", "Not printed yet",
                    "The order's job has printed " + job.booksPrinted() + " of " + job.books() + " books: see "
                            + "/programmes/" + job.programmeId() + "/order-jobs/" + job.jobId() + "."));
        }
        return printing.storedPdf(session, job.orderId());
    }

    /** An order placed in one request (at most 1,000 books) is rendered on demand. */
    private Uni<byte[]> render(Mutiny.Session session, UUID programmeId, UUID orderId, ProgrammeState state) {
        return service.validityOf(session, programmeId, state).chain(dates -> codes.printedOf(session, orderId)
                .chain(printed -> session.find(ProgrammeView.class, programmeId).map(view -> {
                    var sheets = printed.stream().map(p -> new BooksPdf.Sheet(p.bookId(), p.positionInBook(),
                            p.code(), dates.validUntil(), dates.acceptedUntil())).toList();
                    String funderName = view == null ? "" : view.funderName;
                    return BooksPdf.render(new BooksPdf.Terms(state.name(), funderName, state.faceValueCents()),
                            orderId, sheets);
                })));
    }

    @POST
    @Path("/{programmeId}/distributors")
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "registerDistributor", summary = "Register a distributor for one's own programme (funder)",
            description = "A CCAS, a social service, a France Services house, a job centre... identified by the "
                    + "party id its tokens carry. Only registered distributors receive books.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Registered.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "distributor-already-registered")
    public Uni<Response> registerDistributor(@PathParam("programmeId") UUID programmeId,
                                             @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                             @NotNull @Valid ProgrammeRequests.Distributor body) {
        UUID funderId = caller.partyId();
        String actor = caller.actor();
        EventMetadata events = metadata.events();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/distributors", body,
                session -> service.owned(session, programmeId, funderId)
                        .chain(() -> custody.register(session, programmeId, funderId, body.distributorId(),
                                body.name(), body.kind(), events))
                        .map(registered -> Outcome.created(IssuanceResponses.Registered.of(registered),
                                URI.create("/programmes/" + programmeId + "/distributors/" + body.distributorId())))));
    }

    @POST
    @Path("/{programmeId}/consignments")
    @RolesAllowed(Roles.FUNDER)
    @Operation(operationId = "consignBooks", summary = "Move books into a registered distributor's stock (funder)",
            description = "Whole books only. A book may move on to another distributor as long as none of its "
                    + "vouchers was handed out.")
    @APIResponse(responseCode = "201", description = "In the distributor's stock",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Consigned.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown programme or book (book-not-found)")
    @APIResponse(responseCode = "409", description = "distributor-not-registered, book-already-handed-out, book-cancelled")
    public Uni<Response> consign(@PathParam("programmeId") UUID programmeId,
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @NotNull @Valid ProgrammeRequests.Consignment body) {
        UUID funderId = caller.partyId();
        String actor = caller.actor();
        EventMetadata events = metadata.events();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/consignments", body,
                session -> service.owned(session, programmeId, funderId)
                        .chain(() -> custody.consign(session, programmeId, funderId, body.distributorId(),
                                body.bookIds(), events))
                        .map(consigned -> Outcome.created(IssuanceResponses.Consigned.of(consigned),
                                URI.create("/distributors/" + body.distributorId() + "/stock")))));
    }

    @POST
    @Path("/{programmeId}/books/{bookId}/cancellation")
    @RolesAllowed({Roles.FUNDER, Roles.OPERATOR})
    @Operation(operationId = "cancelBook", summary = "Cancel a book none of whose vouchers was handed out",
            description = "Every voucher of the book is cancelled (voucher.cancelled.v1) and its face value goes back "
                    + "to the programme's budget.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Cancelled.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme or book")
    @APIResponse(responseCode = "409",
            description = "voucher-already-distributed, voucher-already-cancelled, voucher-expired")
    public Uni<Response> cancelBook(@PathParam("programmeId") UUID programmeId, @PathParam("bookId") UUID bookId,
                                    @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                    @NotNull @Valid ProgrammeRequests.Cancellation body) {
        UUID funderId = funderOrNull();
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/books/" + bookId + "/cancellation", body, session ->
                        service.owned(session, programmeId, funderId)
                                .chain(() -> vouchers.cancelBook(session, programmeId, bookId, funderId, body.reason(),
                                        events))
                                .map(cancelled -> Outcome.ok(IssuanceResponses.Cancelled.of(programmeId, cancelled)))));
    }

    @POST
    @Path("/{programmeId}/validity")
    @RolesAllowed({Roles.FUNDER, Roles.OPERATOR})
    @Operation(operationId = "extendProgrammeValidity", summary = "Extend the validity of a whole programme",
            description = "Every voucher neither cancelled nor expired gets the new dates "
                    + "(voucher.validity-extended.v1), and so do the vouchers ordered from now on. Dates never move back.")
    @APIResponse(responseCode = "200", description = "Extended",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.ProgrammeExtended.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates (accepted-until-before-valid-until)")
    @APIResponse(responseCode = "409", description = "validity-not-extended")
    public Uni<Response> extend(@PathParam("programmeId") UUID programmeId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid ProgrammeRequests.Validity body) {
        UUID funderId = funderOrNull();
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /programmes/" + programmeId + "/validity", body, session ->
                        vouchers.extendProgramme(session, programmeId, funderId, body.validUntil(),
                                        body.acceptedUntil(), events)
                                .map(extended -> Outcome.ok(IssuanceResponses.ProgrammeExtended.of(extended)))));
    }

    @GET
    @Path("/{programmeId}/dashboard")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getProgrammeDashboard", summary = "The funder's dashboard of a programme",
            description = "Budget, committed, issued, in distributor stock, handed out, started books, redeemed, "
                    + "expired, cancelled, reimbursed: counts and amounts. Stages after issuance come from the "
                    + "redemption and settlement topics, so they follow within moments.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Dashboard.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme (or not yet in the read model)")
    public Uni<IssuanceResponses.Dashboard> dashboard(@PathParam("programmeId") UUID programmeId) {
        UUID funderId = funderOrNull();
        return transactions.read(session -> session.find(ProgrammeView.class, programmeId).chain(view -> {
            if (view == null || !view.opened) {
                throw Refusal.notFound("programme", programmeId);
            }
            if (funderId != null && !funderId.equals(view.funderId)) {
                throw Refusal.forbidden("This programme belongs to another funder.");
            }
            return queries.dashboard(session, programmeId).map(d -> IssuanceResponses.Dashboard.of(view, d));
        }));
    }

    @GET
    @Path("/{programmeId}/vouchers.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "exportProgrammeVouchers", summary = "Every voucher of a programme, as CSV",
            description = "One line per voucher: ids, book and position, face value, dates, status, holder, stage "
                    + "times. No code appears, clear or hashed.")
    @APIResponse(responseCode = "200", description = "The CSV (RFC 4180, header line first)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public Uni<Response> csv(@PathParam("programmeId") UUID programmeId) {
        UUID funderId = funderOrNull();
        return transactions.read(session -> service.owned(session, programmeId, funderId)
                        .chain(() -> queries.csv(session, programmeId)))
                .map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"vouchers-" + programmeId + ".csv\"")
                        .build());
    }
}
