package org.passledger.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.StreamAppend;
import org.passledger.kernel.web.RequestMetadata;

/** Appends to many voucher streams in one batch statement, to exercise the kernel's batch append over HTTP. */
@Path("/test/batches")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    public record Stream(@NotNull UUID voucherId, @NotNull @Min(0) Long expectedVersion, @Min(1) int events) {
    }

    public record Batch(@NotEmpty List<@Valid Stream> streams) {
    }

    private final EventStore store;
    private final Transactions transactions;
    private final RequestMetadata metadata;
    private final Clock clock;

    public BatchResource(EventStore store, Transactions transactions, RequestMetadata metadata, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.metadata = metadata;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> append(@NotNull @Valid Batch body) {
        List<StreamAppend> appends = new ArrayList<>();
        for (Stream stream : body.streams()) {
            appends.add(new StreamAppend(stream.voucherId().toString(), stream.expectedVersion(),
                    IntStream.range(0, stream.events()).mapToObj(i -> new VoucherValidityExtended(stream.voucherId(),
                            new UUID(0, 1), LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01").plusDays(i),
                            clock.instant())).toList()));
        }
        var events = metadata.events();
        return transactions.write(session -> store.appendAll(session, appends, events))
                .map(appended -> Response.status(201).entity(Map.of("appended", appended)).build());
    }
}
