package org.passledger.tools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;

/**
 * The money chain's read models compared with a fold of the events their projections consumed: each read model's
 * rows, read as one line per row under its voucher, against the rows the events on the topics give when each event
 * is applied once (as the inbox does). Per read model: the row count and a content hash of both sides, and the
 * vouchers whose rows differ. A row applied twice (an inbox that let a redelivery through), a lost or an extra row
 * all show. Read models of other data (structures, programmes, billing) are not checked here.
 */
final class ReadModels {

    /** One read model: the service whose database holds it, its table, its rows as (voucher, line), the same folded. */
    record Check(String service, String table, String query, Function<List<EventEnvelope>, Map<String, List<String>>> fold) {
    }

    /** What a check found: the line to print and the differences, voucher by voucher. */
    record Finding(String line, List<String> differences) {
    }

    // one line per redemption: redemption id, face value, reversed, events applied (the redemption, its reversal)
    static final List<Check> CHECKS = List.of(
            new Check("redemption", "redemption_view", """
                    select cast(voucher_id as text), concat_ws(' ', cast(redemption_id as text),
                        cast(face_value_cents as text), cast(reversed as text), cast(events_applied as text))
                    from redemption_view""", ReadModels::redemptions),
            new Check("settlement", "payable_redemption", """
                    select cast(voucher_id as text), concat_ws(' ', cast(redemption_id as text),
                        cast(amount_cents as text), cast(reversed as text), cast(events_applied as text))
                    from payable_redemption""", ReadModels::redemptions),
            new Check("settlement", "recon_redemption", """
                    select cast(voucher_id as text), concat_ws(' ', cast(redemption_id as text),
                        cast(face_value_cents as text), cast(reversed_at is not null as text), cast(events_applied as text))
                    from recon_redemption""", ReadModels::redemptions),
            // one line per voucher reimbursed (the first reimbursement: the table is keyed by voucher)
            new Check("settlement", "reimbursement_view", """
                    select cast(voucher_id as text), concat_ws(' ', cast(redemption_id as text),
                        cast(statement_id as text), cast(amount_cents as text), cast(events_applied as text))
                    from reimbursement_view""", ReadModels::reimbursedVouchers),
            // one line per reimbursement event
            new Check("settlement", "recon_reimbursement", """
                    select cast(voucher_id as text), concat_ws(' ', cast(event_id as text), cast(redemption_id as text),
                        cast(statement_id as text), cast(amount_cents as text))
                    from recon_reimbursement""", ReadModels::reimbursements));

    private ReadModels() {
    }

    /** Compares the read model in this database with the fold of {@code consumed} (distinct events, topic order). */
    static Finding check(Check check, String service, Connection connection, List<EventEnvelope> consumed)
            throws SQLException {
        Map<String, List<String>> stored = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(check.query())) {
            while (rows.next()) {
                stored.computeIfAbsent(rows.getString(1), v -> new ArrayList<>()).add(rows.getString(2));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // no such table in this database
                return new Finding(String.format("%-12s %-20s no such table, not checked", service, check.table()), List.of());
            }
            throw e;
        }
        Map<String, List<String>> folded = new TreeMap<>(check.fold().apply(consumed));
        stored.values().forEach(l -> l.sort(null));
        folded.values().forEach(l -> l.sort(null));
        List<String> differences = new ArrayList<>();
        TreeSet<String> vouchers = new TreeSet<>(stored.keySet());
        vouchers.addAll(folded.keySet());
        for (String voucher : vouchers) {
            List<String> mine = stored.getOrDefault(voucher, List.of());
            List<String> expected = folded.getOrDefault(voucher, List.of());
            if (!mine.equals(expected)) {
                differences.add(service + " " + check.table() + ": voucher " + voucher + " has " + mine
                        + ", its events give " + expected);
            }
        }
        String storedHash = hash(stored);
        String foldedHash = hash(folded);
        String line = String.format("%-12s %-20s %6d rows, %6d from the events; hash %s%s  %s", service, check.table(),
                count(stored), count(folded), storedHash, storedHash.equals(foldedHash) ? "" : " (events " + foldedHash + ")",
                differences.isEmpty() ? "OK" : "DIFFERENT");
        return new Finding(line, differences);
    }

    private static Map<String, List<String>> redemptions(List<EventEnvelope> events) {
        Map<UUID, long[]> applied = new LinkedHashMap<>(); // redemption -> events applied, reversed (0/1)
        Map<UUID, VoucherRedeemed> redeemed = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            LedgerEvent event = envelope.data();
            if (event instanceof VoucherRedeemed r) {
                redeemed.put(r.redemptionId(), r);
                applied.put(r.redemptionId(), new long[] {1, 0});
            } else if (event instanceof RedemptionReversed r && applied.containsKey(r.redemptionId())) {
                applied.get(r.redemptionId())[0]++;
                applied.get(r.redemptionId())[1] = 1;
            }
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        redeemed.forEach((id, r) -> rows.computeIfAbsent(r.voucherId().toString(), v -> new ArrayList<>()).add(
                id + " " + r.faceValueCents() + " " + (applied.get(id)[1] == 1) + " " + applied.get(id)[0]));
        return rows;
    }

    private static Map<String, List<String>> reimbursedVouchers(List<EventEnvelope> events) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            if (envelope.data() instanceof VoucherReimbursed r) {
                rows.putIfAbsent(r.voucherId().toString(), new ArrayList<>(List.of(
                        r.redemptionId() + " " + r.statementId() + " " + r.amountCents() + " 1")));
            }
        }
        return rows;
    }

    private static Map<String, List<String>> reimbursements(List<EventEnvelope> events) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            if (envelope.data() instanceof VoucherReimbursed r) {
                rows.computeIfAbsent(r.voucherId().toString(), v -> new ArrayList<>()).add(
                        envelope.id() + " " + r.redemptionId() + " " + r.statementId() + " " + r.amountCents());
            }
        }
        return rows;
    }

    private static long count(Map<String, List<String>> rows) {
        return rows.values().stream().mapToLong(List::size).sum();
    }

    /** SHA-256 of the sorted "voucher line" rows, its first 12 hex digits. */
    private static String hash(Map<String, List<String>> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rows.forEach((voucher, lines) -> lines.forEach(l ->
                    digest.update((voucher + " " + l + "\n").getBytes(StandardCharsets.UTF_8))));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
