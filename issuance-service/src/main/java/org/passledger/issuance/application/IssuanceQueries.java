package org.passledger.issuance.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.store.SqlTime;

/**
 * The read side beyond single rows: a programme's dashboard, a distributor's stock, a programme's vouchers
 * for export and the agency's overview. Voucher stages come from {@code voucher_view} (fed by the issuance,
 * redemption and settlement topics); stock from {@code voucher_holding} and each voucher's steps from {@code voucher_history}, read models of
 * {@code voucher.consigned.v1} and the other voucher events.
 */
@ApplicationScoped
public class IssuanceQueries {

    public record Figures(long count, long amountCents) {
    }

    public record Dashboard(long releasedCents, Figures issued, Figures activated, Figures inDistributorStock,
                            Figures handedOut, Figures startedBooks, Figures redeemed, Figures expired,
                            Figures cancelled, Figures reimbursed) {
    }

    public Uni<Dashboard> dashboard(Mutiny.Session session, UUID programmeId) {
        return session.createNativeQuery("""
                        select count(*) filter (where v.issued_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.issued_at is not null), 0),
                               count(*) filter (where v.activated_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.activated_at is not null), 0),
                               count(*) filter (where c.distributor_id is not null and c.handed_out_at is null
                                                and v.expired_at is null and v.cancelled_at is null
                                                and v.distributed_at is null),
                               coalesce(sum(v.face_value_cents) filter (where c.distributor_id is not null
                                                and c.handed_out_at is null and v.expired_at is null
                                                and v.cancelled_at is null and v.distributed_at is null), 0),
                               count(*) filter (where v.distributed_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.distributed_at is not null), 0),
                               count(*) filter (where v.redeemed_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.redeemed_at is not null), 0),
                               count(*) filter (where v.expired_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.expired_at is not null), 0),
                               count(*) filter (where v.cancelled_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.cancelled_at is not null), 0),
                               count(*) filter (where v.reimbursed_at is not null),
                               coalesce(sum(v.face_value_cents) filter (where v.reimbursed_at is not null), 0),
                               (select count(*) from (select book_id from voucher_view
                                                      where programme_id = cast(:p as uuid) and book_id is not null
                                                      group by book_id
                                                      having count(*) filter (where redeemed_at is not null) > 0) s),
                               (select coalesce(sum(face_value_cents), 0) from voucher_view
                                where programme_id = cast(:p as uuid) and book_id in (
                                    select book_id from voucher_view where programme_id = cast(:p as uuid)
                                    and redeemed_at is not null)),
                               coalesce((select released_cents from programme_view where programme_id = cast(:p as uuid)), 0)
                        from voucher_view v left join voucher_holding c on c.voucher_id = v.voucher_id
                        where v.programme_id = cast(:p as uuid)""", Object[].class)
                .setParameter("p", programmeId.toString())
                .getSingleResult()
                .map(r -> new Dashboard(n(r[18]), f(r, 0), f(r, 2), f(r, 4), f(r, 6), f(r, 16), f(r, 8), f(r, 10),
                        f(r, 12), f(r, 14)));
    }

    public record StockBook(UUID programmeId, UUID bookId, long inStock, long handedOut, Instant consignedAt) {
    }

    public Uni<List<StockBook>> stock(Mutiny.Session session, UUID distributorId) {
        return session.createNativeQuery("""
                        select cast(programme_id as text), cast(book_id as text),
                               count(*) filter (where handed_out_at is null),
                               count(*) filter (where handed_out_at is not null),
                               """ + SqlTime.micros("max(consigned_at)") + """
                        from voucher_holding where distributor_id = cast(:d as uuid)
                        group by programme_id, book_id order by max(consigned_at), book_id""", Object[].class)
                .setParameter("d", distributorId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new StockBook(UUID.fromString((String) r[0]),
                        UUID.fromString((String) r[1]), n(r[2]), n(r[3]), SqlTime.fromMicros(r[4]))).toList());
    }

    public record Step(Instant at, String type, String actor, String party) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A voucher's steps as the history read model holds them, oldest first (empty before its first event). */
    public Uni<List<Step>> historyOf(Mutiny.Session session, UUID voucherId) {
        return session.createNativeQuery("""
                        select cast(steps as text) from voucher_history where voucher_id = cast(:v as uuid)""",
                        String.class)
                .setParameter("v", voucherId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? List.<Step>of() : steps(rows.get(0)));
    }

    private static List<Step> steps(String json) {
        try {
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : JSON.readTree(json)) {
                steps.add(new Step(Instant.parse(step.get("at").asText()), step.get("type").asText(),
                        text(step.get("actor")), text(step.get("party"))));
            }
            // stable: steps of one topic keep their order when they share an instant
            steps.sort(Comparator.comparing(Step::at));
            return steps;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("voucher_history holds malformed steps", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Every voucher of a programme as one CSV line each, with a header line; no code, clear or hashed. */
    public Uni<String> csv(Mutiny.Session session, UUID programmeId) {
        return session.createNativeQuery("""
                        select cast(v.voucher_id as text), cast(v.order_id as text), cast(v.book_id as text),
                               v.position_in_book, v.face_value_cents, cast(v.valid_until as text),
                               cast(v.accepted_until as text), v.status, cast(c.distributor_id as text),
                               cast(v.distributed_to as text), cast(v.structure_id as text),
                               """ + SqlTime.micros("v.issued_at") + ", " + SqlTime.micros("v.activated_at") + ", "
                        + SqlTime.micros("v.distributed_at") + ", " + SqlTime.micros("v.redeemed_at") + ", "
                        + SqlTime.micros("v.reimbursed_at") + ", " + SqlTime.micros("v.expired_at") + ", "
                        + SqlTime.micros("v.cancelled_at") + """
                         from voucher_view v left join voucher_holding c on c.voucher_id = v.voucher_id
                        where v.programme_id = cast(:p as uuid)
                        order by v.order_id, v.book_id, v.position_in_book""", Object[].class)
                .setParameter("p", programmeId.toString())
                .getResultList()
                .map(rows -> {
                    StringBuilder out = new StringBuilder("voucherId,orderId,bookId,positionInBook,faceValueCents,"
                            + "validUntil,acceptedUntil,status,heldBy,handedOutBy,structureId,issuedAt,"
                            + "activatedAt,handedOutAt,redeemedAt,reimbursedAt,expiredAt,cancelledAt\r\n");
                    for (Object[] r : rows) {
                        for (int i = 0; i < r.length; i++) {
                            if (i > 0) {
                                out.append(',');
                            }
                            Object value = r[i];
                            if (i >= 11 && value != null) {
                                value = SqlTime.fromMicros(value);
                            }
                            out.append(value == null ? "" : value.toString());
                        }
                        out.append("\r\n");
                    }
                    return out.toString();
                });
    }

    public record AgencyRow(String departement, String funderType, long programmes, long budgetCents,
                            long committedCents, Figures issued, Figures handedOut, Figures redeemed,
                            Figures reimbursed) {
    }

    /**
     * Programmes by département of their territory and funder type. A programme covering several
     * départements counts under each of them, so the figures do not add up across départements.
     */
    public Uni<List<AgencyRow>> agency(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select d, funder_type, count(*), sum(budget_cents), sum(committed_cents),
                               sum(issued_count), sum(issued_cents), sum(distributed_count), sum(distributed_cents),
                               sum(redeemed_count), sum(redeemed_cents), sum(reimbursed_count), sum(reimbursed_cents)
                        from programme_view, unnest(string_to_array(territory, ',')) as d
                        where opened
                        group by d, funder_type order by d, funder_type""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new AgencyRow((String) r[0], (String) r[1], n(r[2]), n(r[3]),
                        n(r[4]), f(r, 5), f(r, 7), f(r, 9), f(r, 11))).toList());
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Figures f(Object[] row, int at) {
        return new Figures(n(row[at]), n(row[at + 1]));
    }
}
