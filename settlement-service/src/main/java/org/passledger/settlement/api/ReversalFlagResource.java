package org.passledger.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.SqlTime;

@Path("/reversal-flags")
@Tag(name = "Statements")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Role not allowed")
public class ReversalFlagResource {

    @Schema(name = "ReversalFlag", description = "A redemption reversed once it was already on a statement")
    public record Flag(UUID redemptionId, UUID voucherId, UUID structureId, UUID statementId,
                       @Schema(example = "1000") long amountCents, Instant redeemedAt,
                       @Schema(description = "Whether the voucher was reimbursed already") boolean reimbursed) {
    }

    private final Transactions transactions;

    public ReversalFlagResource(Transactions transactions) {
        this.transactions = transactions;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AGENCY})
    @Operation(operationId = "listReversalFlags", summary = "Reversals that arrived once the redemption was on a statement",
            description = "Such a reversal changes no statement and no payment: it is listed here for the operator.")
    @APIResponse(responseCode = "200", description = "The flagged redemptions (possibly none)",
            content = @Content(schema = @Schema(implementation = Flag.class, type = SchemaType.ARRAY)))
    public Uni<List<Flag>> list() {
        return transactions.read(session -> session.createNativeQuery("""
                        select cast(p.redemption_id as text), cast(p.voucher_id as text), cast(p.structure_id as text),
                               cast(c.statement_id as text), p.amount_cents, """ + SqlTime.micros("p.redeemed_at") + """
                               , exists (select 1 from reimbursement_view r where r.voucher_id = p.voucher_id)
                        from payable_redemption p join statement_claims c using (redemption_id)
                        where p.reversed_after_claim
                        order by p.redeemed_at, p.redemption_id""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Flag(UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[1]), UUID.fromString((String) row[2]),
                        UUID.fromString((String) row[3]), ((Number) row[4]).longValue(), SqlTime.fromMicros(row[5]),
                        Boolean.TRUE.equals(row[6]))).toList()));
    }
}
