package org.passledger.settlement.billing.api;

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
import org.passledger.settlement.billing.CreditNotes;

@Path("/credit-note-runs")
@Tag(name = "Funder billing", description = "Invoices on orders, credit notes for unused vouchers")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not the operator")
public class CreditNoteRunResource {

    @Schema(name = "CreditNoteRun")
    public record RunBody(List<CreditNotes.Issued> creditNotes) {
    }

    private final CreditNotes notes;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final RequestMetadata metadata;

    public CreditNoteRunResource(CreditNotes notes, IdempotentRequests idempotency, Caller caller,
                                 RequestMetadata metadata) {
        this.notes = notes;
        this.idempotency = idempotency;
        this.caller = caller;
        this.metadata = metadata;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "runCreditNotes", summary = "Credit unused vouchers to their funders (operator)",
            description = "Issues one settlement.credit-note-issued.v1 per programme for the vouchers that expired "
                    + "or were cancelled and are not credited yet, at face value, numbered without gaps (AV-yyyy-n). "
                    + "A voucher is credited once, ever; with nothing to credit the list is empty.")
    @APIResponse(responseCode = "200", description = "The credit notes issued (possibly none)",
            content = @Content(schema = @Schema(implementation = RunBody.class)))
    public Uni<Response> run(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        var events = metadata.events();
        return idempotency.run(caller.actor(), idempotencyKey, "POST /credit-note-runs", null,
                session -> notes.run(session, events).map(issued -> Outcome.ok(new RunBody(issued))));
    }
}
