package org.passledger.settlement.reconciliation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.store.SqlTime;

/**
 * Computes, per programme, the chain issued >= handed out >= redeemed >= reimbursed and the budget identity
 * budget = reimbursed + owed + unused + credited from the reconciliation facts, and lists every difference voucher
 * by voucher. Each issued voucher falls in exactly one bucket, at its face value, in this order: reimbursed (a
 * voucher.reimbursed.v1 exists), owed (a redemption not reversed, not reimbursed), credited (expired or
 * cancelled), unused (the rest); unused also holds the budget never ordered (budget - ordered face value). So the
 * identity holds exactly when every voucher ordered was issued; a gap is listed as ordered-not-issued.
 */
@ApplicationScoped
public class ReconciliationReport {

    /** One difference; voucherId is null for a programme-wide one. */
    @Schema(name = "ReconciliationDifference")
    public record Difference(UUID programmeId, UUID voucherId, String code, String detail, Long expectedCents,
                             Long actualCents) {
    }

    /** A programme's figures and differences. */
    @Schema(name = "ReconciliationProgramme")
    public record Programme(UUID programmeId, UUID funderId, String name, long budgetCents, long orderedCents,
                           long releasedCents, long fundedCents, long issuedCount, long issuedCents,
                           long handedOutCount, long redeemedCount, long redeemedCents, long reimbursedCount,
                           long reimbursedCents, long reimbursedPaidCents, long owedCents, long unusedCents,
                           long notOrderedCents, long creditedCents, long balanceGapCents, boolean chainHolds,
                           boolean balanced, List<Difference> differences) {
    }

    /** Everything the facts say about one voucher. */
    private record Facts(UUID voucherId, UUID programmeId, Long faceValueCents, boolean issued, Long activatedAt,
                         boolean handedOut, Long expiredAt, Long cancelledAt, long liveRedemptions,
                         Long redeemedFaceCents, Long lastRedeemedAt, long reimbursements, long reimbursedCents,
                         Long minReimbursedCents, Long maxReimbursedCents) {
    }

    private static final class Totals {
        UUID funderId;
        String name;
        Long budget;
        long ordered;
        long released;
        long funded;
        long issuedCount;
        long issuedCents;
        long handedOut;
        long redeemedCount;
        long redeemedCents;
        long reimbursedCount;
        long reimbursedCents;
        long reimbursedPaid;
        long owed;
        long unusedIssued;
        long credited;
        final List<Difference> differences = new ArrayList<>();
    }

    private static final String VOUCHERS = """
            with r as (
                select voucher_id, max(cast(programme_id as text)) as programme_id,
                       count(*) filter (where reversed_at is null) as live,
                       max(face_value_cents) filter (where reversed_at is null) as live_face,
                       max(redeemed_at) filter (where reversed_at is null) as last_live_at
                from recon_redemption group by voucher_id),
            m as (
                select voucher_id, max(cast(programme_id as text)) as programme_id, count(*) as n,
                       sum(amount_cents) as cents, min(amount_cents) as min_a, max(amount_cents) as max_a
                from recon_reimbursement group by voucher_id),
            ids as (
                select voucher_id from recon_voucher union select voucher_id from r union select voucher_id from m),
            facts as (
                select ids.voucher_id, coalesce(cast(v.programme_id as text), r.programme_id, m.programme_id) as pid,
                       v.face_value_cents, v.issued_at is not null as issued, v.activated_at,
                       v.distributed_at is not null as handed_out, v.expired_at, v.cancelled_at,
                       coalesce(r.live, 0) as live, r.live_face, r.last_live_at, coalesce(m.n, 0) as n,
                       coalesce(m.cents, 0) as cents, m.min_a, m.max_a
                from ids left join recon_voucher v on v.voucher_id = ids.voucher_id
                         left join r on r.voucher_id = ids.voucher_id
                         left join m on m.voucher_id = ids.voucher_id)
            select cast(voucher_id as text), pid, face_value_cents, issued, """ + SqlTime.micros("activated_at")
            + ", handed_out, " + SqlTime.micros("expired_at") + ", " + SqlTime.micros("cancelled_at")
            + ", live, live_face, " + SqlTime.micros("last_live_at") + """
            , n, cents, min_a, max_a
            from facts where pid is not null""";

    /** The report for every programme, or for one. */
    public Uni<List<Programme>> report(Mutiny.Session session, UUID programmeId) {
        String filter = programmeId == null ? "" : " and pid = :programme";
        var vouchers = session.createNativeQuery(VOUCHERS + filter + " order by pid, voucher_id", Object[].class);
        if (programmeId != null) {
            vouchers.setParameter("programme", programmeId.toString());
        }
        var programmes = session.createNativeQuery("""
                        select cast(programme_id as text), cast(funder_id as text), name, budget_cents, ordered_cents,
                               released_cents, funded_cents
                        from recon_programme""" + (programmeId == null ? ""
                        : " where programme_id = cast(:programme as uuid)"), Object[].class);
        if (programmeId != null) {
            programmes.setParameter("programme", programmeId.toString());
        }
        return programmes.getResultList().chain(programmeRows -> vouchers.getResultList().map(voucherRows -> {
            Map<UUID, Totals> totals = new TreeMap<>();
            for (Object[] row : programmeRows) {
                Totals t = totals.computeIfAbsent(UUID.fromString((String) row[0]), id -> new Totals());
                t.funderId = row[1] == null ? null : UUID.fromString((String) row[1]);
                t.name = (String) row[2];
                t.budget = row[3] == null ? null : ((Number) row[3]).longValue();
                t.ordered = ((Number) row[4]).longValue();
                t.released = ((Number) row[5]).longValue();
                t.funded = ((Number) row[6]).longValue();
            }
            for (Object[] row : voucherRows) {
                Facts facts = facts(row);
                add(totals.computeIfAbsent(facts.programmeId(), id -> new Totals()), facts);
            }
            List<Programme> report = new ArrayList<>();
            totals.forEach((id, t) -> report.add(programme(id, t)));
            return report;
        }));
    }

    private static Facts facts(Object[] r) {
        return new Facts(UUID.fromString((String) r[0]), UUID.fromString((String) r[1]), asLong(r[2]),
                Boolean.TRUE.equals(r[3]), asLong(r[4]), Boolean.TRUE.equals(r[5]), asLong(r[6]), asLong(r[7]),
                asLong(r[8]), asLong(r[9]), asLong(r[10]), asLong(r[11]), asLong(r[12]), asLong(r[13]),
                asLong(r[14]));
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** Puts the voucher in its bucket and lists what is wrong with it. */
    private static void add(Totals t, Facts f) {
        boolean redeemed = f.liveRedemptions() > 0;
        boolean reimbursed = f.reimbursements() > 0;
        if (redeemed) {
            t.redeemedCount++;
            t.redeemedCents += f.redeemedFaceCents();
        }
        if (reimbursed) {
            t.reimbursedCount++;
            t.reimbursedPaid += f.reimbursedCents();
        }
        if (f.issued()) {
            long face = f.faceValueCents();
            t.issuedCount++;
            t.issuedCents += face;
            if (f.handedOut()) {
                t.handedOut++;
            }
            if (reimbursed) {
                t.reimbursedCents += face;
            } else if (redeemed) {
                t.owed += face;
            } else if (f.expiredAt() != null || f.cancelledAt() != null) {
                t.credited += face;
            } else {
                t.unusedIssued += face;
            }
        }
        List<Difference> d = t.differences;
        UUID p = f.programmeId();
        UUID v = f.voucherId();
        if (reimbursed && !redeemed) {
            d.add(new Difference(p, v, "reimbursed-not-redeemed",
                    "reimbursed with no redemption standing (never redeemed, or reversed)", 0L, f.reimbursedCents()));
        }
        if (f.reimbursements() > 1) {
            d.add(new Difference(p, v, "reimbursed-twice", "reimbursed " + f.reimbursements() + " times",
                    f.faceValueCents(), f.reimbursedCents()));
        }
        Long face = f.faceValueCents() != null ? f.faceValueCents() : f.redeemedFaceCents();
        if (reimbursed && face != null
                && (f.minReimbursedCents() != face.longValue() || f.maxReimbursedCents() != face.longValue())) {
            d.add(new Difference(p, v, "reimbursed-amount-differs", "reimbursed amount is not the face value",
                    face, f.maxReimbursedCents()));
        }
        if (f.liveRedemptions() > 1) {
            d.add(new Difference(p, v, "redeemed-twice", f.liveRedemptions() + " redemptions standing", face,
                    null));
        }
        if (redeemed && !f.issued()) {
            d.add(new Difference(p, v, "redeemed-not-issued", "redeemed but never issued", null,
                    f.redeemedFaceCents()));
        }
        if (redeemed && f.issued() && !f.handedOut()) {
            d.add(new Difference(p, v, "redeemed-not-handed-out", "redeemed but never handed to a beneficiary", null,
                    f.redeemedFaceCents()));
        }
        if (redeemed && f.issued()
                && (f.activatedAt() == null || f.activatedAt() > f.lastRedeemedAt())) {
            d.add(new Difference(p, v, "redeemed-not-activated", "redeemed before it was activated", null,
                    f.redeemedFaceCents()));
        }
        if (redeemed && f.expiredAt() != null) {
            d.add(new Difference(p, v, f.lastRedeemedAt() > f.expiredAt() ? "redeemed-after-expiry"
                    : "expired-though-redeemed", "both redeemed and expired", null, f.redeemedFaceCents()));
        }
        if (redeemed && f.cancelledAt() != null) {
            d.add(new Difference(p, v, f.lastRedeemedAt() > f.cancelledAt() ? "redeemed-after-cancellation"
                    : "cancelled-though-redeemed", "both redeemed and cancelled", null, f.redeemedFaceCents()));
        }
    }

    private static Programme programme(UUID id, Totals t) {
        List<Difference> differences = new ArrayList<>(t.differences);
        long budget = t.budget == null ? 0 : t.budget;
        if (t.budget == null) {
            differences.add(0, new Difference(id, null, "programme-not-opened",
                    "vouchers of a programme never opened", null, null));
        }
        long notOrdered = budget - t.ordered;
        long unused = notOrdered + t.unusedIssued;
        long gap = budget - (t.reimbursedCents + t.owed + unused + t.credited);
        if (t.budget != null && t.ordered != t.issuedCents) {
            differences.add(0, new Difference(id, null, "ordered-not-issued",
                    "face value ordered differs from the vouchers issued", t.ordered, t.issuedCents));
        }
        boolean chain = t.issuedCount >= t.handedOut && t.handedOut >= t.redeemedCount
                && t.redeemedCount >= t.reimbursedCount;
        return new Programme(id, t.funderId, t.name, budget, t.ordered, t.released, t.funded, t.issuedCount,
                t.issuedCents, t.handedOut, t.redeemedCount, t.redeemedCents, t.reimbursedCount, t.reimbursedCents,
                t.reimbursedPaid, t.owed, unused, notOrdered, t.credited, gap, chain, gap == 0,
                List.copyOf(differences));
    }
}
