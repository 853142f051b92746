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
import java.util.UUID;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.command.ConflictRetry;
import org.passledger.issuance.application.IssuanceQueries;
import org.passledger.issuance.application.VoucherCodeRegistry;
import org.passledger.issuance.application.VoucherService;
import org.passledger.kernel.store.EventStore;
import org.passledger.issuance.domain.Voucher;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.issuance.projection.VoucherView;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.web.RequestMetadata;

@Path("/vouchers")
@Tag(name = "Vouchers", description = "Handing vouchers out, and following their life")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VoucherResource {

    private final VoucherService service;
    private final VoucherCodeRegistry codes;
    private final IssuanceQueries queries;
    private final EventStore store;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;

    public VoucherResource(VoucherService service, VoucherCodeRegistry codes, IssuanceQueries queries,
                           EventStore store, IdempotentRequests idempotency, Transactions transactions,
                           Caller caller, RequestMetadata metadata) {
        this.service = service;
        this.codes = codes;
        this.queries = queries;
        this.store = store;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @Path("/distributions")
    @RolesAllowed(Roles.DISTRIBUTOR)
    @Operation(operationId = "distributeVoucher", summary = "Hand an activated voucher to a beneficiary (distributor)",
            description = "The distributor is the subject of the token and the voucher must be in its stock (its "
                    + "book consigned to it by the funder). The beneficiary gets a pseudonymous reference; no name "
                    + "or contact data enters the ledger.")
    @APIResponse(responseCode = "201", description = "Handed out",
            content = @Content(schema = @Schema(implementation = VoucherResponses.Distributed.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a code whose check character is wrong")
    @APIResponse(responseCode = "404", description = "unknown-voucher")
    @APIResponse(responseCode = "409", description = "voucher-not-in-stock, voucher-not-activated, "
            + "voucher-already-distributed, voucher-validity-over (403 when it is in another distributor's stock)")
    public Uni<Response> distribute(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                    @NotNull @Valid VoucherRequests.Distribute body) {
        VoucherCode code = VoucherCode.parse(body.code());
        UUID distributorId = caller.partyId();
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey, "POST /vouchers/distributions",
                body, session -> service.distribute(session, code, distributorId, body.ageBracket(), body.postcode(),
                        events).map(distributed -> new Outcome(201, VoucherResponses.Distributed.of(distributed), null))));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getVoucher", summary = "One voucher's life, from issuance to reimbursement",
            description = "For the funder of the voucher, the agency and the operator.")
    @APIResponse(responseCode = "200", description = "The voucher",
            content = @Content(schema = @Schema(implementation = VoucherResponses.VoucherBody.class)))
    @APIResponse(responseCode = "400", description = "Not a well-formed code")
    @APIResponse(responseCode = "404", description = "unknown-voucher (or not yet in the read model)")
    public Uni<VoucherResponses.VoucherBody> get(
            @Parameter(description = "The printed code", example = "7KQM-4XHT-9BRC-PE") @PathParam("code") String code) {
        String hash = VoucherCode.parse(code).hash();
        boolean funder = caller.is(Roles.FUNDER);
        UUID partyId = funder ? caller.partyId() : null;
        return transactions.read(session -> session
                        .createQuery("from VoucherView where codeHash = :hash", VoucherView.class)
                        .setParameter("hash", hash)
                        .getSingleResultOrNull())
                .map(view -> {
                    if (view == null) {
                        throw Voucher.unknown();
                    }
                    if (funder && !partyId.equals(view.funderId)) {
                        throw Refusal.forbidden("This voucher belongs to another funder.");
                    }
                    return VoucherResponses.VoucherBody.of(view);
                });
    }

    @POST
    @Path("/book-distributions")
    @RolesAllowed(Roles.DISTRIBUTOR)
    @Operation(operationId = "distributeBook", summary = "Hand a whole book to one beneficiary (distributor)",
            description = "Every voucher of a book in the distributor's stock, none of them handed out yet, goes to "
                    + "one pseudonymous beneficiary.")
    @APIResponse(responseCode = "201", description = "Handed out",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.BookDistributed.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "book-not-in-stock, book-already-handed-out, voucher-not-activated, "
            + "voucher-validity-over (403 when it is in another distributor's stock)")
    public Uni<Response> distributeBook(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                        @NotNull @Valid VoucherRequests.DistributeBook body) {
        UUID distributorId = caller.partyId();
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey, "POST /vouchers/book-distributions",
                body, session -> service.distributeBook(session, body.bookId(), distributorId, body.ageBracket(),
                        body.postcode(), events).map(done -> new Outcome(201,
                        IssuanceResponses.BookDistributed.of(done), null))));
    }

    @POST
    @Path("/{code}/validity")
    @RolesAllowed({Roles.FUNDER, Roles.OPERATOR})
    @Operation(operationId = "extendVoucherValidity", summary = "Extend one voucher's validity",
            description = "By the voucher's funder or the operator. Dates never move back.")
    @APIResponse(responseCode = "200", description = "Extended",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.VoucherExtended.class)))
    @APIResponse(responseCode = "400", description = "Invalid code or dates")
    @APIResponse(responseCode = "404", description = "unknown-voucher")
    @APIResponse(responseCode = "409", description = "validity-not-extended, voucher-not-extendable")
    public Uni<Response> extend(@PathParam("code") String code,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @NotNull @Valid ProgrammeRequests.Validity body) {
        VoucherCode parsed = VoucherCode.parse(code);
        UUID funderId = caller.is(Roles.FUNDER) ? caller.partyId() : null;
        EventMetadata events = metadata.events();
        String actor = caller.actor();
        return ConflictRetry.retrying(() -> idempotency.run(actor, idempotencyKey,
                "POST /vouchers/" + parsed.hash() + "/validity", body, session ->
                        service.extend(session, parsed, funderId, body.validUntil(), body.acceptedUntil(), events)
                                .map(e -> Outcome.ok(new IssuanceResponses.VoucherExtended(e.voucherId(),
                                        e.programmeId(), e.validUntil(), e.acceptedUntil(), e.extendedAt())))));
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.FUNDER, Roles.DISTRIBUTOR, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getVoucherHistory", summary = "A voucher's whole history, by its code",
            description = "Every event of its life, from the issuance topic (issued, activated, consigned, handed "
                    + "out, ...), the redemption and the settlement topics, as the history read model holds them "
                    + "(it follows the events within moments). For the voucher's funder, a distributor that held "
                    + "it, the agency and the operator.")
    @APIResponse(responseCode = "200", description = "The history, oldest first",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.History.class)))
    @APIResponse(responseCode = "404", description = "unknown-voucher")
    public Uni<IssuanceResponses.History> history(@PathParam("code") String code) {
        String hash = VoucherCode.parse(code).hash();
        boolean funder = caller.is(Roles.FUNDER);
        boolean distributor = caller.is(Roles.DISTRIBUTOR);
        UUID partyId = funder || distributor ? caller.partyId() : null;
        return transactions.read(session -> codes.voucherOf(session, hash).chain(found -> {
            UUID voucherId = found.orElseThrow(Voucher::unknown);
            // who may read it is decided on the voucher's own stream, the steps come from the read models
            return store.load(session, voucherId.toString()).chain(events -> {
                        VoucherIssued issued = (VoucherIssued) events.get(0).data();
                        if (funder && !partyId.equals(issued.funderId())) {
                            throw Refusal.forbidden("This voucher belongs to another funder.");
                        }
                        if (distributor && events.stream().noneMatch(e -> e.data() instanceof VoucherConsigned c
                                && partyId.equals(c.distributorId()))) {
                            throw Refusal.forbidden("This voucher was never in your stock.");
                        }
                        UUID holder = service.fold(events).heldBy();
                        return queries.historyOf(session, voucherId).chain(steps -> session
                                .find(VoucherView.class, voucherId)
                                .map(view -> new IssuanceResponses.History(voucherId, issued.programmeId(),
                                        issued.funderId(), holder, view == null ? null : view.status,
                                        steps.stream().map(step -> new IssuanceResponses.Step(step.at(),
                                                step.type(), step.actor(), step.party())).toList())));
                    });
        }));
    }
}
