package org.passledger.settlement.recovery.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.web.RequestMetadata;
import org.passledger.settlement.recovery.DebitNotes;
import org.passledger.settlement.recovery.Incidents;

@Path("/debit-note-runs")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
public class DebitNoteRunResource {

    /** What a run issued. */
    @Schema(name = "DebitNoteRun")
    public record RunBody(List<Incidents.DebitNote> debitNotes) {
    }

    private final DebitNotes notes;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final RequestMetadata metadata;

    public DebitNoteRunResource(DebitNotes notes, IdempotentRequests idempotency, Caller caller,
                                RequestMetadata metadata) {
        this.notes = notes;
        this.idempotency = idempotency;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "runDebitNotes", summary = "Issue the debit notes due now (operator)",
            description = "For each validated incident with an outstanding amount whose place was paid nothing for 90 "
                    + "days since the later of the validation and its last payout: settlement.debit-note-issued.v1 "
                    + "for that amount, numbered per year without gaps. The scheduler does the same on its own.")
    @APIResponse(responseCode = "200", description = "The debit notes issued (possibly none)",
            content = @Content(schema = @Schema(implementation = RunBody.class)))
    public Uni<Response> run(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        var events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /debit-note-runs", null,
                session -> notes.run(session, events).map(issued -> Outcome.ok(new RunBody(issued))));
    }
}
