package org.passledger.issuance.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.issuance.application.IssuanceQueries;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;

@Path("/")
@Tag(name = "Queries", description = "Distributors' stock and the agency's overview")
@Produces(MediaType.APPLICATION_JSON)
public class DistributorResource {

    private final IssuanceQueries queries;
    private final Transactions transactions;
    private final Caller caller;

    public DistributorResource(IssuanceQueries queries, Transactions transactions, Caller caller) {
        this.queries = queries;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Path("distributors/{distributorId}/stock")
    @RolesAllowed({Roles.DISTRIBUTOR, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getDistributorStock", summary = "The books in a distributor's stock",
            description = "A distributor sees its own stock only. Each book with the vouchers still to hand out.")
    @APIResponse(responseCode = "200", description = "The stock",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.Stock.class)))
    public Uni<IssuanceResponses.Stock> stock(@PathParam("distributorId") UUID distributorId) {
        if (caller.is(Roles.DISTRIBUTOR)) {
            caller.requireParty(Roles.DISTRIBUTOR, distributorId);
        }
        return transactions.read(session -> queries.stock(session, distributorId)).map(books -> {
            List<IssuanceResponses.StockBook> listed = books.stream().map(IssuanceResponses.StockBook::of).toList();
            return new IssuanceResponses.Stock(distributorId,
                    listed.stream().mapToLong(IssuanceResponses.StockBook::inStock).sum(), listed);
        });
    }

    @GET
    @Path("agency/overview")
    @RolesAllowed({Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "getAgencyOverview", summary = "Programmes by département and funder type (agency)",
            description = "A programme covering several départements counts under each of them.")
    @APIResponse(responseCode = "200", description = "One row per département and funder type",
            content = @Content(schema = @Schema(implementation = IssuanceResponses.AgencyRow.class)))
    public Uni<List<IssuanceResponses.AgencyRow>> agency() {
        return transactions.read(queries::agency)
                .map(rows -> rows.stream().map(IssuanceResponses.AgencyRow::of).toList());
    }
}
