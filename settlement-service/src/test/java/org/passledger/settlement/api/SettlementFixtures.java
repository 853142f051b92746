package org.passledger.settlement.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.Topics;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/** Test data: redemptions published as redemption-service would, periods of their own, and SQL look-ups. */
final class SettlementFixtures {

    /** A settlement period no other test uses: one day, with a free day after it. */
    record Period(Instant start, Instant end) {

        Instant at(Duration offset) {
            return start.plus(offset);
        }
    }

    /** A redemption as it went onto the topic: the event id is what statement lines cite. */
    record Redemption(UUID eventId, VoucherRedeemed event) {

        UUID voucherId() {
            return event.voucherId();
        }

        UUID redemptionId() {
            return event.redemptionId();
        }
    }

    static final String IBAN = "FR7630006000011234567890189";
    static final String OTHER_IBAN = "FR1420041010050500013M02606";

    private static final Instant FIRST_PERIOD = Instant.parse("2025-01-01T00:00:00Z");
    private static final AtomicInteger PERIODS = new AtomicInteger();

    private SettlementFixtures() {
    }

    static Period newPeriod() {
        Instant start = FIRST_PERIOD.plus(Duration.ofDays(2L * PERIODS.getAndIncrement()));
        return new Period(start, start.plus(Duration.ofDays(1)));
    }

    static Redemption redeem(UUID place, long cents, Instant at) {
        UUID voucher = UUID.randomUUID();
        var redeemed = new VoucherRedeemed(voucher, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), place,
                "30", "first-steps-computer", cents, "atelier-12", null, at);
        UUID eventId = UUID.randomUUID();
        publish(redeemed, eventId, at, 1, "structure:" + place);
        return new Redemption(eventId, redeemed);
    }

    static void reverse(Redemption redemption, Instant at) {
        VoucherRedeemed r = redemption.event();
        var reversed = new RedemptionReversed(r.voucherId(), r.redemptionId(), r.programmeId(), r.funderId(),
                r.structureId(), r.faceValueCents(), "scanned by mistake", "structure:" + r.structureId(), at);
        publish(reversed, UUID.randomUUID(), at, 2, "structure:" + r.structureId());
    }

    private static void publish(LedgerEvent event, UUID eventId, Instant at, long version, String actor) {
        EventEnvelope envelope = EventEnvelope.of(event, eventId, "/pass-ledger/redemption-service", at, version,
                UUID.randomUUID(), null, actor);
        KafkaTopics.send(Topics.REDEMPTIONS, envelope.kafkaKey(), envelope.kafkaValue(), envelope.toKafkaHeaders());
    }

    /** The last record of that type and key on the topic, or null. */
    static ConsumerRecord<String, String> record(String topic, String key, String type) {
        ConsumerRecord<String, String> found = null;
        for (ConsumerRecord<String, String> record : KafkaTopics.readAll(topic)) {
            if (key.equals(record.key()) && type.equals(KafkaTopics.header(record, CloudEvents.TYPE))) {
                found = record;
            }
        }
        return found;
    }

    static ConsumerRecord<String, String> awaitRecord(String topic, String key, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> record(topic, key, type),
                Objects::nonNull);
    }

    /** How many of the redemptions the read model holds as payable (reversed or not, as asked). */
    static long payable(List<Redemption> redemptions, boolean reversed) {
        return count("select count(*) from payable_redemption where redemption_id = any(?) and reversed = ?",
                redemptions.stream().map(Redemption::redemptionId).toArray(UUID[]::new), reversed);
    }

    /** How many StatementIssued events in the store carry a line for each redemption, in order. */
    static List<Long> statementLinesPerRedemption(List<Redemption> redemptions) {
        List<Long> counts = new ArrayList<>();
        for (Redemption redemption : redemptions) {
            counts.add(count("""
                    select count(*) from events e, jsonb_array_elements(e.payload -> 'lines') line
                    where e.type = 'settlement.statement-issued.v1' and line ->> 'redemptionId' = ?""",
                    redemption.redemptionId().toString()));
        }
        return counts;
    }

    /** Every statement number in the store, in order. */
    static List<String> statementNumbers() {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement("""
                     select payload ->> 'statementNumber' from events
                     where type = 'settlement.statement-issued.v1' order by 1""");
             ResultSet rows = query.executeQuery()) {
            List<String> numbers = new ArrayList<>();
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
            return numbers;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a payout account for the place, as the place would, and has the operator verify it. */
    static String verifiedAccount(UUID place) {
        String accountId = io.restassured.RestAssured.given()
                .header("Authorization", org.passledger.testkit.TestTokens.bearer(org.passledger.kernel.auth.Roles.STRUCTURE, place))
                .contentType("application/json")
                .body(java.util.Map.of("iban", IBAN, "bic", "AGRIFRPPXXX", "holderName", "Association " + place))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(201).extract().path("accountId");
        io.restassured.RestAssured.given()
                .header("Authorization", org.passledger.testkit.TestTokens.bearer(org.passledger.kernel.auth.Roles.OPERATOR, "operator-1"))
                .contentType("application/json").body(java.util.Map.of())
                .when().post("/payout-accounts/" + accountId + "/verification")
                .then().statusCode(200);
        return accountId;
    }

    static long count(String sql, Object... parameters) {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof UUID[] ids) {
                    query.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
