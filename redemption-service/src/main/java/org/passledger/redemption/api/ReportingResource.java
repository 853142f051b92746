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
import java.time.ZoneOffset;
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
import org.passledger.kernel.store.SqlTime;
import org.passledger.redemption.projection.RedemptionView;

/** Redemptions as funders, the agency and the operator look at them. */
@Path("/")
@Tag(name = "Redemption reporting")
@Produces(MediaType.APPLICATION_JSON)
public class ReportingResource {

    private final Transactions transactions;
    private final Caller caller;

    public ReportingResource(Transactions transactions, Caller caller) {
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Path("funders/{funderId}/redemptions")
    @RolesAllowed({Roles.FUNDER, Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "listFunderRedemptions", summary = "Redemptions of a funder's programmes",
            description = "Most recent first, optionally of one programme and within a period of Europe/Paris "
                    + "days. Readable by the funder itself, the agency and the operator.")
    @APIResponse(responseCode = "200", description = "The redemptions",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.FunderList.class)))
    public Uni<RedemptionResponses.FunderList> funderRedemptions(
            @PathParam("funderId") UUID funderId,
            @QueryParam("programmeId") UUID programmeId,
            @Parameter(example = "2026-03-01") @QueryParam("from") LocalDate from,
            @Parameter(example = "2026-03-31") @QueryParam("to") LocalDate to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        if (caller.is(Roles.FUNDER)) {
            caller.requireParty(Roles.FUNDER, funderId);
        }
        Period period = Period.of(from, to);
        return transactions.read(session -> {
            var query = session.createQuery("from RedemptionView where funderId = :funderId"
                            + (programmeId == null ? "" : " and programmeId = :programmeId")
                            + " and redeemedAt >= :from and redeemedAt < :to"
                            + " order by redeemedAt desc, redemptionId", RedemptionView.class)
                    .setParameter("funderId", funderId)
                    .setParameter("from", period.start())
                    .setParameter("to", period.end())
                    .setMaxResults(limit);
            if (programmeId != null) {
                query.setParameter("programmeId", programmeId);
            }
            return query.getResultList();
        }).map(views -> new RedemptionResponses.FunderList(funderId,
                views.stream().map(RedemptionResponses.RedemptionBody::of).toList()));
    }

    @GET
    @Path("statistics/redemptions")
    @RolesAllowed({Roles.AGENCY, Roles.OPERATOR})
    @Operation(operationId = "redemptionStatistics", summary = "Redemptions per département, month and service",
            description = "Redemptions in force (reversed ones are not counted), per département of the place, "
                    + "calendar month in Europe/Paris and service, optionally within a period of days.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.Statistics.class)))
    public Uni<RedemptionResponses.Statistics> statistics(
            @Parameter(example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(example = "2026-12-31") @QueryParam("to") LocalDate to) {
        Period period = Period.of(from, to);
        return transactions.read(session -> session.createNativeQuery("""
                                select departement, to_char(redeemed_at at time zone 'Europe/Paris', 'YYYY-MM'),
                                       service, count(*), sum(face_value_cents)
                                from redemption_view
                                where not reversed and redeemed_at >= :from and redeemed_at < :to
                                group by 1, 2, 3 order by 2, 1, 3""", Object[].class)
                        .setParameter("from", period.start().atOffset(ZoneOffset.UTC))
                        .setParameter("to", period.end().atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> new RedemptionResponses.Statistics(rows.stream().map(row -> new RedemptionResponses.Count(
                        (String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue(),
                        ((Number) row[4]).longValue())).toList()));
    }

    @GET
    @Path("admin/code-guessing-alerts")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "listCodeGuessingAlerts", summary = "Places that crossed the unknown-code threshold",
            description = "Most recent first. One alert per place and window at most.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(implementation = RedemptionResponses.Alerts.class)))
    public Uni<RedemptionResponses.Alerts> alerts(
            @QueryParam("structureId") UUID structureId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return transactions.read(session -> {
            var query = session.createNativeQuery("select cast(alert_id as text), cast(structure_id as text), "
                            + "attempts, window_seconds, " + SqlTime.micros("raised_at")
                            + " from code_guessing_alert"
                            + (structureId == null ? "" : " where structure_id = cast(:structureId as uuid)")
                            + " order by raised_at desc limit :limit", Object[].class)
                    .setParameter("limit", limit);
            if (structureId != null) {
                query.setParameter("structureId", structureId.toString());
            }
            return query.getResultList();
        }).map(rows -> new RedemptionResponses.Alerts(rows.stream().map(row -> new RedemptionResponses.Alert(
                UUID.fromString((String) row[0]), UUID.fromString((String) row[1]), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), SqlTime.fromMicros(row[4]))).toList()));
    }
}
