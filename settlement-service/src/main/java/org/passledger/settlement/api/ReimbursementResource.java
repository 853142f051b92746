package org.passledger.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.projection.ReimbursementView;

@Path("/vouchers/{voucherId}/reimbursement")
@Tag(name = "Reimbursements", description = "The last step of a voucher's life")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Role not allowed")
public class ReimbursementResource {

    private final Transactions transactions;

    public ReimbursementResource(Transactions transactions) {
        this.transactions = transactions;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getVoucherReimbursement", summary = "How and when a voucher was reimbursed")
    @APIResponse(responseCode = "200", description = "The reimbursement",
            content = @Content(schema = @Schema(implementation = SettlementResponses.ReimbursementBody.class)))
    @APIResponse(responseCode = "404", description = "Not reimbursed (or not yet in the read model)")
    public Uni<SettlementResponses.ReimbursementBody> get(@PathParam("voucherId") UUID voucherId) {
        return transactions.read(session -> session.find(ReimbursementView.class, voucherId)).map(view -> {
            if (view == null) {
                throw Refusal.notFound("reimbursement", voucherId);
            }
            return Views.reimbursement(view);
        });
    }
}
