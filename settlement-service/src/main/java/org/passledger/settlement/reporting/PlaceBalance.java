package org.passledger.settlement.reporting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.settlement.application.SettlementService;
import org.passledger.settlement.domain.SettlementPeriods;

/** Where a place's money stands, from the read models and the incidents' rows, on the injected clock. */
@ApplicationScoped
public class PlaceBalance {

    /** A place's balance. */
    @Schema(name = "StructureBalance")
    public record Balance(UUID structureId, long pendingCents, long payableCents, long onStatementCents,
                          long paidCents, long owedByPlaceCents, long recoverableCents, long debitNotedCents) {
    }

    private static final String BALANCE = """
            select
              (select coalesce(sum(p.amount_cents), 0) from payable_redemption p
               where p.structure_id = cast(:place as uuid) and not p.reversed
                 and not exists (select 1 from statement_claims c where c.redemption_id = p.redemption_id)
                 and p.redeemed_at > cast(:payableUntil as timestamptz) and not exists (
                     select 1 from holding_waivers w where w.structure_id = p.structure_id and w.revoked_at is null)),
              (select coalesce(sum(p.amount_cents), 0) from payable_redemption p
               where p.structure_id = cast(:place as uuid) and not p.reversed
                 and not exists (select 1 from statement_claims c where c.redemption_id = p.redemption_id)
                 and (p.redeemed_at <= cast(:payableUntil as timestamptz) or exists (
                     select 1 from holding_waivers w where w.structure_id = p.structure_id and w.revoked_at is null))),
              (select coalesce(sum(s.total_cents - s.clawback_cents), 0) from statement_view s
               where s.structure_id = cast(:place as uuid) and s.status = 'ISSUED'),
              (select coalesce(sum(s.paid_cents), 0) from statement_view s
               where s.structure_id = cast(:place as uuid) and s.status = 'PAID'),
              (select coalesce(sum(i.amount_cents - i.recovered_cents - i.debit_noted_cents), 0) from incidents i
               where i.structure_id = cast(:place as uuid) and i.status = 'VALIDATED'),
              (select coalesce(sum(i.debit_noted_cents), 0) from incidents i
               where i.structure_id = cast(:place as uuid))""";

    private final Clock clock;
    private final SettlementService settlement;

    public PlaceBalance(Clock clock, SettlementService settlement) {
        this.clock = clock;
        this.settlement = settlement;
    }

    public Uni<Balance> of(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery(BALANCE, Object[].class)
                .setParameter("place", structureId.toString())
                .setParameter("payableUntil", SettlementPeriods.payableUntil(clock.instant(),
                        settlement.holdingPeriod()).atOffset(ZoneOffset.UTC))
                .getSingleResult()
                .map(r -> {
                    long recoverable = ((Number) r[4]).longValue();
                    long noted = ((Number) r[5]).longValue();
                    return new Balance(structureId, ((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                            ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), recoverable + noted,
                            recoverable, noted);
                });
    }
}
