package org.passledger.redemption.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Caller;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.redemption.projection.RedemptionView;

@Path("/structures/{structureId}/redemptions")
@Tag(name = "Redemptions")
@Produces(MediaType.APPLICATION_JSON)
public class StructureRedemptionsResource {

    private final Transactions transactions;
    private final Caller caller;

    public StructureRedemptionsResource(Transactions transactions, Caller caller) {
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "listStructureRedemptions", summary = "A place's redemptions, most recent first",
            description = "Readable by the place itself, the agency and the operator. Optionally within a period "
                    + "of Europe/Paris days, from and to inclusive.")
    @APIResponse(responseCode = "200", description = "The place's redemptions (none for an unknown place)",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.RedemptionList.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or dates (from after to: invalid-period)")
    public Uni<RedemptionResponses.RedemptionList> list(
            @PathParam("structureId") UUID structureId,
            @Parameter(description = "First day (Europe/Paris), inclusive", example = "2026-03-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day (Europe/Paris), inclusive", example = "2026-03-31")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "At most this many, from the most recent") @QueryParam("limit")
            @DefaultValue("100") @Min(1) @Max(500) int limit) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        Period period = Period.of(from, to);
        return transactions.read(session -> session.createQuery("from RedemptionView where structureId = :structureId"
                                + " and redeemedAt >= :from and redeemedAt < :to"
                                + " order by redeemedAt desc, redemptionId", RedemptionView.class)
                        .setParameter("structureId", structureId)
                        .setParameter("from", period.start())
                        .setParameter("to", period.end())
                        .setMaxResults(limit)
                        .getResultList())
                .map(views -> new RedemptionResponses.RedemptionList(structureId,
                        views.stream().map(RedemptionResponses.RedemptionBody::of).toList()));
    }

    @GET
    @Path("/pending-reimbursement")
    @RolesAllowed({Roles.STRUCTURE, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "listPendingReimbursement", summary = "What the place is still owed",
            description = "The place's redemptions neither reversed nor reimbursed yet (settlement's "
                    + "voucher.reimbursed.v1 not seen), oldest first, with their total. Readable by the place "
                    + "itself, the agency and the operator.")
    @APIResponse(responseCode = "200", description = "Pending redemptions and their total",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.Pending.class)))
    public Uni<RedemptionResponses.Pending> pending(@PathParam("structureId") UUID structureId) {
        if (caller.is(Roles.STRUCTURE)) {
            caller.requireParty(Roles.STRUCTURE, structureId);
        }
        return transactions.read(session -> session.createQuery("""
                                from RedemptionView v where v.structureId = :structureId and v.reversed = false
                                and not exists (from ReimbursedRedemption r where r.redemptionId = v.redemptionId)
                                order by v.redeemedAt, v.redemptionId""", RedemptionView.class)
                        .setParameter("structureId", structureId)
                        .getResultList())
                .map(views -> new RedemptionResponses.Pending(structureId, views.size(),
                        views.stream().mapToLong(v -> v.faceValueCents).sum(),
                        views.stream().map(RedemptionResponses.RedemptionBody::of).toList()));
    }
}
