package org.passledger.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.web.RequestMetadata;

/** Appends straight to a voucher stream at a version the caller names, to exercise the kernel over HTTP. */
@Path("/test/vouchers/{voucherId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ValidityResource {

    public record Extend(@NotNull LocalDate validUntil, @NotNull LocalDate acceptedUntil,
                         @NotNull @Min(0) Long expectedVersion) {
    }

    private final EventStore store;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final Caller caller;
    private final RequestMetadata metadata;
    private final Clock clock;

    public ValidityResource(EventStore store, IdempotentRequests idempotency, Transactions transactions,
                            Caller caller, RequestMetadata metadata, Clock clock) {
        this.store = store;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.caller = caller;
        this.metadata = metadata;
        this.clock = clock;
    }

    @POST
    @Path("/extensions")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> extend(@PathParam("voucherId") UUID voucherId,
                                @HeaderParam(IdempotentRequests.HEADER) String key, @NotNull @Valid Extend body) {
        var event = new VoucherValidityExtended(voucherId, new UUID(0, 1), body.validUntil(), body.acceptedUntil(),
                clock.instant());
        return idempotency.run(caller.actor(), key, "POST /test/vouchers/" + voucherId + "/extensions", body,
                session -> store.append(session, voucherId.toString(), body.expectedVersion(), List.of(event),
                                metadata.events())
                        .map(version -> Outcome.created(Map.of("version", version),
                                URI.create("/test/vouchers/" + voucherId))));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    public Uni<ValidityView> get(@PathParam("voucherId") UUID voucherId) {
        return transactions.read(session -> session.find(ValidityView.class, voucherId)).map(view -> {
            if (view == null) {
                throw Refusal.notFound("voucher", voucherId);
            }
            return view;
        });
    }
}
