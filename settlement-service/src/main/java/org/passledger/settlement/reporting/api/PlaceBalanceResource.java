package org.passledger.settlement.reporting.api;

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
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.settlement.reporting.PlaceBalance;

@Path("/structures/{structureId}/balance")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class PlaceBalanceResource {

    private final PlaceBalance balances;
    private final Transactions transactions;
    private final Caller caller;

    public PlaceBalanceResource(PlaceBalance balances, Transactions transactions, Caller caller) {
        this.balances = balances;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRUCTURE, Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "getStructureBalance", summary = "Where a place's money stands",
            description = "pendingCents: redeemed, still in the holding period; payableCents: past it (or waived), on "
                    + "no statement yet; onStatementCents: on statements not paid (net of clawbacks already "
                    + "recovered); paidCents: net transfers of paid statements; owedByPlaceCents: validated incidents "
                    + "still to recover (recoverableCents) plus what debit notes claimed (debitNotedCents). A place "
                    + "sees its own only.")
    @APIResponse(responseCode = "200", description = "The balance",
            content = @Content(schema = @Schema(implementation = PlaceBalance.Balance.class)))
    public Uni<PlaceBalance.Balance> get(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> balances.of(session, structureId));
    }
}
