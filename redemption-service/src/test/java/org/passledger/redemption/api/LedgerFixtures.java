package org.passledger.redemption.api;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.values.Address;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/**
 * Publishes what labelling-service and issuance-service would publish, as real CloudEvents records, and waits
 * until this service's projections have applied it.
 */
final class LedgerFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Clock clock;

    LedgerFixtures(Clock clock) {
        this.clock = clock;
    }

    /** A voucher as a beneficiary holds it: its printed code and what issuance said of it. */
    record TestVoucher(UUID voucherId, String code, UUID programmeId, UUID funderId) {
    }

    // ---- places, as labelling-service publishes them

    /** A place registered in a département whose label was granted yesterday; waits until projected. */
    UUID labelledPlace(String departement, String postcode) {
        UUID place = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate yesterday = LocalDate.ofInstant(now, PARIS).minusDays(1);
        publishPlace(1, new StructureRegistered(place, "Connect & vous", "73282932000074", "association",
                new Address("1 place de la Mairie", postcode, "Commune", departement), null, now));
        publishPlace(2, new LabelApplied(place, UUID.randomUUID(), List.of("atelier-collectif"), now));
        publishPlace(3, new LabelGranted(place, "ANCT-2026-" + departement + "-0001", yesterday,
                yesterday.plusYears(3).minusDays(1), departement, now));
        awaitApplied("structure_label", "structure_id", place, 3);
        return place;
    }

    UUID labelledPlace() {
        return labelledPlace("30", "30600");
    }

    void suspend(UUID place, long version, Instant effectiveAt) {
        publishPlace(version, new LabelSuspended(place, "Contrôle qualité", effectiveAt));
        awaitApplied("structure_label", "structure_id", place, (int) version);
    }

    void reinstate(UUID place, long version, Instant effectiveAt) {
        publishPlace(version, new LabelReinstated(place, effectiveAt));
        awaitApplied("structure_label", "structure_id", place, (int) version);
    }

    // ---- vouchers, as issuance-service publishes them

    /**
     * A voucher of 10 EUR accepted until a year from now, issued and then, if asked, activated and distributed;
     * waits until projected.
     */
    TestVoucher voucher(List<String> territory, List<String> allowedServices, boolean activate, boolean distribute) {
        UUID voucherId = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        UUID funder = UUID.randomUUID();
        String raw = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        String code = "PN" + raw;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        publishVoucher(1, new VoucherIssued(voucherId, codeHash(code), programme, funder, UUID.randomUUID(),
                UUID.randomUUID(), 1, 1000, territory, allowedServices, today.plusYears(1),
                today.plusYears(1).plusMonths(1), now));
        int events = 1;
        if (activate) {
            publishVoucher(++events, new VoucherActivated(voucherId, programme, funder, "OP-2026-0042", now));
        }
        if (distribute) {
            publishVoucher(++events, new VoucherDistributed(voucherId, programme, funder, UUID.randomUUID(),
                    "BEN-" + raw, "25-34", "30600", now));
        }
        awaitApplied("voucher_eligibility", "voucher_id", voucherId, events);
        return new TestVoucher(voucherId, code, programme, funder);
    }

    TestVoucher distributedVoucher() {
        return voucher(List.of("30"), List.of("atelier-collectif", "accompagnement-individuel"), true, true);
    }

    /**
     * The contract shared with issuance-service, written out independently of the service's own code:
     * lowercase hex SHA-256 of the UTF-8 code, upper-cased, without spaces and dashes.
     */
    static String codeHash(String code) {
        try {
            String normalised = code.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code the way a person might type it: lower case, in groups of four with dashes and spaces. */
    static String typed(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return lower.substring(0, 4) + "-" + lower.substring(4, 8) + " " + lower.substring(8);
    }

    /** Issuance declares a distributed voucher (three events so far) expired; waits until projected. */
    void expire(TestVoucher voucher) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        publishVoucher(4, new VoucherExpired(voucher.voucherId(), voucher.programmeId(), voucher.funderId(), 1000,
                today.minusDays(1), clock.instant()));
        awaitApplied("voucher_eligibility", "voucher_id", voucher.voucherId(), 4);
    }

    // ---- settlement, as settlement-service publishes it

    /** Settlement reimburses a redemption to its place; waits until projected. */
    void reimburse(TestVoucher voucher, UUID redemptionId, UUID place) {
        publish(Topics.SETTLEMENTS, "/pass-ledger/settlement-service", 1, new VoucherReimbursed(voucher.voucherId(),
                redemptionId, UUID.randomUUID(), place, voucher.programmeId(), voucher.funderId(), 1000,
                clock.instant()));
        awaitApplied("reimbursed_redemption", "redemption_id", redemptionId, 1);
    }

    /** Waits until this service's own read model holds the redemption. */
    static void awaitRedemptionView(String redemptionId, int events) {
        awaitApplied("redemption_view", "redemption_id", UUID.fromString(redemptionId), events);
    }

    /**
     * Waits until every issuance event published so far is applied, so that a code no voucher has is answered
     * "unknown-voucher" rather than the retryable "voucher-not-yet-known". Asks from a throwaway place, so
     * that the probe counts against nobody.
     */
    static void awaitIssuanceCaughtUp() {
        UUID probe = UUID.randomUUID();
        await().atMost(PATIENCE).until(() -> "unknown-voucher".equals(
                io.restassured.RestAssured.given()
                        .header("Authorization", org.passledger.testkit.TestTokens.bearer(
                                org.passledger.kernel.auth.Roles.STRUCTURE, probe))
                        .contentType("application/json")
                        .body(java.util.Map.of("code", "PN0000000000", "service", "atelier-collectif"))
                        .when().post("/redemptions/validations")
                        .then().extract().path("code")));
    }

    // ---- plumbing

    private void publishPlace(long version, LedgerEvent event) {
        publish(Topics.STRUCTURES, "/pass-ledger/labelling-service", version, event);
    }

    void publishVoucher(long version, LedgerEvent event) {
        publish(Topics.VOUCHERS, "/pass-ledger/issuance-service", version, event);
    }

    /** Publishes one event as its owner would, and returns its envelope (to deliver it again, say). */
    EventEnvelope publish(String topic, String source, long version, LedgerEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, UUID.randomUUID(), source, clock.instant(), version,
                UUID.randomUUID(), null, "test:fixtures");
        deliver(topic, envelope);
        return envelope;
    }

    /** Puts a record of this envelope on the topic: delivering the same event id again is a redelivery. */
    static void deliver(String topic, EventEnvelope envelope) {
        KafkaTopics.send(topic, envelope.kafkaKey(), envelope.kafkaValue(), envelope.toKafkaHeaders());
    }

    static void awaitApplied(String table, String idColumn, UUID id, int events) {
        await().atMost(PATIENCE).until(() -> eventsApplied(table, idColumn, id) == events);
    }

    static int eventsApplied(String table, String idColumn, UUID id) throws SQLException {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement(
                     "select events_applied from " + table + " where " + idColumn + " = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    static long storedEvents(UUID streamId, String type) throws SQLException {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from events where stream_id = ? and type = ?")) {
            query.setString(1, streamId.toString());
            query.setString(2, type);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
