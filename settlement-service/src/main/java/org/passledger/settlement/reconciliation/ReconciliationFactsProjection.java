package org.passledger.settlement.reconciliation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.ProgrammeEvent.BooksCancelled;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.ProgrammeEvent.ProgrammeOpened;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.kernel.projection.Projection;

/**
 * Facts per programme, voucher, redemption and reimbursement from the events of every service. Topics are read
 * independently, so a voucher's redemption may come before its issue: rows are upserted field by field and
 * nothing is judged here (see {@link ReconciliationReport}).
 */
@ApplicationScoped
public class ReconciliationFactsProjection implements Projection {

    public static final String NAME = "settlement.reconciliation-facts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PROGRAMMES, Topics.VOUCHERS, Topics.REDEMPTIONS, Topics.SETTLEMENTS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        Object event = envelope.data();
        if (event instanceof ProgrammeOpened opened) {
            return programme(session, opened.programmeId(), """
                    funder_id = cast(:funder as uuid), name = :name, budget_cents = :budget, face_value_cents = :face""",
                    q -> q.setParameter("funder", opened.funderId().toString())
                            .setParameter("name", opened.name())
                            .setParameter("budget", opened.budgetCents())
                            .setParameter("face", opened.faceValueCents()));
        }
        if (event instanceof BooksOrdered ordered) {
            return programme(session, ordered.programmeId(), """
                    ordered_count = p.ordered_count + :count, ordered_cents = p.ordered_cents + :cents""",
                    q -> q.setParameter("count", (long) ordered.voucherCount())
                            .setParameter("cents", ordered.amountCents()));
        }
        if (event instanceof BooksCancelled cancelled) {
            return programme(session, cancelled.programmeId(), "released_cents = p.released_cents + :cents",
                    q -> q.setParameter("cents", cancelled.releasedCents()));
        }
        if (event instanceof FundingConfirmed funded) {
            return programme(session, funded.programmeId(), "funded_cents = p.funded_cents + :cents",
                    q -> q.setParameter("cents", funded.amountCents()));
        }
        if (event instanceof VoucherIssued issued) {
            return voucher(session, issued.voucherId(), """
                    programme_id = cast(:programme as uuid), funder_id = cast(:funder as uuid),
                    face_value_cents = :face, issued_at = :at""",
                    q -> q.setParameter("programme", issued.programmeId().toString())
                            .setParameter("funder", issued.funderId().toString())
                            .setParameter("face", issued.faceValueCents())
                            .setParameter("at", at(issued.issuedAt())));
        }
        if (event instanceof VoucherActivated activated) {
            return stamp(session, activated.voucherId(), activated.programmeId(), "activated_at", activated.activatedAt());
        }
        if (event instanceof VoucherDistributed distributed) {
            return stamp(session, distributed.voucherId(), distributed.programmeId(), "distributed_at",
                    distributed.distributedAt());
        }
        if (event instanceof VoucherExpired expired) {
            return stamp(session, expired.voucherId(), expired.programmeId(), "expired_at", expired.expiredAt());
        }
        if (event instanceof VoucherCancelled cancelled) {
            return stamp(session, cancelled.voucherId(), cancelled.programmeId(), "cancelled_at",
                    cancelled.cancelledAt());
        }
        if (event instanceof VoucherRedeemed redeemed) {
            return session.createNativeQuery("""
                            insert into recon_redemption (redemption_id, voucher_id, programme_id, structure_id,
                                departement, face_value_cents, redeemed_at, events_applied)
                            values (cast(:id as uuid), cast(:voucher as uuid), cast(:programme as uuid),
                                cast(:structure as uuid), :departement, :face, :at, 1)
                            on conflict (redemption_id) do update set voucher_id = excluded.voucher_id,
                                programme_id = excluded.programme_id, structure_id = excluded.structure_id,
                                departement = excluded.departement, face_value_cents = excluded.face_value_cents,
                                redeemed_at = excluded.redeemed_at,
                                events_applied = recon_redemption.events_applied + 1""")
                    .setParameter("id", redeemed.redemptionId().toString())
                    .setParameter("voucher", redeemed.voucherId().toString())
                    .setParameter("programme", redeemed.programmeId().toString())
                    .setParameter("structure", redeemed.structureId().toString())
                    .setParameter("departement", redeemed.departement())
                    .setParameter("face", redeemed.faceValueCents())
                    .setParameter("at", at(redeemed.redeemedAt()))
                    .executeUpdate().replaceWithVoid();
        }
        if (event instanceof RedemptionReversed reversed) {
            // a reversal follows its redemption on the voucher's partition; the row is kept complete anyway
            return session.createNativeQuery("""
                            insert into recon_redemption (redemption_id, voucher_id, programme_id, structure_id,
                                departement, face_value_cents, redeemed_at, reversed_at, events_applied)
                            values (cast(:id as uuid), cast(:voucher as uuid), cast(:programme as uuid),
                                cast(:structure as uuid), '', :face, :at, :at, 1)
                            on conflict (redemption_id) do update set reversed_at = excluded.reversed_at,
                                events_applied = recon_redemption.events_applied + 1""")
                    .setParameter("id", reversed.redemptionId().toString())
                    .setParameter("voucher", reversed.voucherId().toString())
                    .setParameter("programme", reversed.programmeId().toString())
                    .setParameter("structure", reversed.structureId().toString())
                    .setParameter("face", reversed.faceValueCents())
                    .setParameter("at", at(reversed.reversedAt()))
                    .executeUpdate().replaceWithVoid();
        }
        if (event instanceof VoucherReimbursed reimbursed) {
            return session.createNativeQuery("""
                            insert into recon_reimbursement (event_id, voucher_id, redemption_id, statement_id,
                                structure_id, programme_id, amount_cents, reimbursed_at)
                            values (cast(:event as uuid), cast(:voucher as uuid), cast(:redemption as uuid),
                                cast(:statement as uuid), cast(:structure as uuid), cast(:programme as uuid),
                                :amount, :at)""")
                    .setParameter("event", envelope.id().toString())
                    .setParameter("voucher", reimbursed.voucherId().toString())
                    .setParameter("redemption", reimbursed.redemptionId().toString())
                    .setParameter("statement", reimbursed.statementId().toString())
                    .setParameter("structure", reimbursed.structureId().toString())
                    .setParameter("programme", reimbursed.programmeId().toString())
                    .setParameter("amount", reimbursed.amountCents())
                    .setParameter("at", at(reimbursed.reimbursedAt()))
                    .executeUpdate().replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** Makes sure the programme's row exists, then sets {@code set} (alias p) and counts the event. */
    private static Uni<Void> programme(Mutiny.Session session, UUID programmeId, String set,
                                       UnaryOperator<Mutiny.Query<Object>> parameters) {
        return upsert(session, "recon_programme", "programme_id", programmeId, set, parameters);
    }

    /** Makes sure the voucher's row exists, then sets {@code set} (alias p) and counts the event. */
    private static Uni<Void> voucher(Mutiny.Session session, UUID voucherId, String set,
                                     UnaryOperator<Mutiny.Query<Object>> parameters) {
        return upsert(session, "recon_voucher", "voucher_id", voucherId, set, parameters);
    }

    private static Uni<Void> upsert(Mutiny.Session session, String table, String key, UUID id, String set,
                                    UnaryOperator<Mutiny.Query<Object>> parameters) {
        return session.createNativeQuery("insert into " + table + " (" + key + ", events_applied) "
                        + "values (cast(:id as uuid), 0) on conflict do nothing")
                .setParameter("id", id.toString())
                .executeUpdate()
                .chain(() -> parameters.apply(session.<Object>createNativeQuery("update " + table
                                + " p set events_applied = p.events_applied + 1, " + set
                                + " where p." + key + " = cast(:id as uuid)")
                        .setParameter("id", id.toString())).executeUpdate())
                .replaceWithVoid();
    }

    /** Records when something happened to a voucher; its programme too, should its issue come later. */
    private static Uni<Void> stamp(Mutiny.Session session, UUID voucherId, UUID programmeId, String column,
                                   Instant when) {
        return voucher(session, voucherId, column + " = :at, programme_id = coalesce(p.programme_id, "
                + "cast(:programme as uuid))", q -> q.setParameter("at", at(when))
                .setParameter("programme", programmeId.toString()));
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from recon_reimbursement").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from recon_redemption").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from recon_voucher").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from recon_programme").executeUpdate())
                .replaceWithVoid();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
