package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.redemption.projection.VoucherEligibilityProjection;
import org.passledger.testkit.LedgerTestResources;

/**
 * A voucher issued a moment ago that the projection has not applied yet is "not yet known" (409, Retry-After),
 * never "unknown"; a hand-out behind a backlog takes the fast lane; the lag behind each consumed topic is a
 * metric.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class EventualConsistencyTest {

    static final Pattern VOUCHER_LAG = Pattern.compile(
            "redemption_projection_lag_records\\{[^}]*topic=\"issuance\\.voucher-events\\.v1\"[^}]*} (\\S+)");

    @Inject
    Clock clock;

    @Test
    void aVoucherTheProjectionHasNotAppliedYet_isNotYetKnown_withRetryAfter_thenKnown() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        UUID voucherId = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        UUID funder = UUID.randomUUID();
        String code = "PN" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        // an activation delivered before its voucher's issue (say, a producer fault): the projection retries it
        // for a few seconds before sending it to the dead-letter topic, and the issue waits behind it
        ledger.publishVoucher(2, new VoucherActivated(voucherId, programme, funder, "OP-2026-0042", clock.instant()));
        ledger.publishVoucher(1, new VoucherIssued(voucherId, LedgerFixtures.codeHash(code), programme, funder,
                UUID.randomUUID(), UUID.randomUUID(), 1, 1000, List.of("30"), List.of(), today.plusYears(1),
                today.plusYears(1), clock.instant()));

        redeem(place, code, "atelier-collectif")
                .statusCode(409)
                .header("Retry-After", "2")
                .body("code", equalTo("voucher-not-yet-known"));
        ValidationTest.validate(place, code, "atelier-collectif").statusCode(200)
                .body("code", equalTo("voucher-not-yet-known")).body("retryAfterSeconds", equalTo(2));

        // once caught up, the voucher is known (and not activated: its activation went to the dead-letter topic)
        await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() -> redeem(place, code, "atelier-collectif")
                .statusCode(409).body("code", equalTo("voucher-not-activated")));
    }

    @Test
    void aVoucherHandedOutAMomentAgo_whileBothLanesLag_isRetryable_thenRedeems() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(List.of("30"), List.of("atelier-collectif"), true, false);
        // caught up: not handed out is a definitive refusal
        await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() -> redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(409).header("Retry-After", nullValue()).body("code", equalTo("voucher-not-distributed")));

        try (Connection holder = LedgerTestResources.database().connect()) {
            // the ordered consumer waits on its projection's lock, the fast lane on the voucher's row: the
            // hand-out is on the topic, not yet applied
            holdOrderedConsumer(holder);
            holder.setAutoCommit(false);
            holder.createStatement().execute("select 1 from voucher_eligibility where voucher_id = '"
                    + voucher.voucherId() + "' for update");
            ledger.publishVoucher(3, new VoucherDistributed(voucher.voucherId(), voucher.programmeId(),
                    voucher.funderId(), UUID.randomUUID(), "BEN-LAG", "25-34", "30600", clock.instant()));

            redeem(place, voucher.code(), "atelier-collectif").statusCode(409)
                    .header("Retry-After", "2")
                    .body("code", equalTo("voucher-not-distributed"))
                    .body("retryAfterSeconds", equalTo(2));
        } // closing the connection releases the locks

        await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() ->
                redeem(place, voucher.code(), "atelier-collectif").statusCode(201));
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
    }

    @Test
    void aHandOutBehindABacklog_takesTheFastLane_andTheOrderedConsumerLaterAgrees() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(List.of("30"), List.of("atelier-collectif"), true, false);
        Instant handedOut = clock.instant().truncatedTo(ChronoUnit.MICROS);

        try (Connection holder = LedgerTestResources.database().connect()) {
            // the ordered consumer is stuck, as behind a large order: only the fast lane can bring the hand-out
            holdOrderedConsumer(holder);
            ledger.publishVoucher(3, new VoucherDistributed(voucher.voucherId(), voucher.programmeId(),
                    voucher.funderId(), UUID.randomUUID(), "BEN-FAST", "25-34", "30600", handedOut));

            await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() ->
                    redeem(place, voucher.code(), "atelier-collectif").statusCode(201));
            assertThat(LedgerFixtures.eventsApplied("voucher_eligibility", "voucher_id", voucher.voucherId()))
                    .as("the ordered consumer has not applied the hand-out yet").isEqualTo(2);
        }

        // released, the ordered consumer applies the same hand-out: its count moves on, the instant stays
        LedgerFixtures.awaitApplied("voucher_eligibility", "voucher_id", voucher.voucherId(), 3);
        try (Connection connection = LedgerTestResources.database().connect();
             ResultSet row = connection.createStatement().executeQuery(
                     "select distributed_at, activated_at from voucher_eligibility where voucher_id = '"
                             + voucher.voucherId() + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(handedOut);
            assertThat(row.getObject(2, OffsetDateTime.class)).isNotNull();
        }
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
    }

    /** Takes the lock the ordered consumer of the voucher topic applies under, until the connection closes. */
    private static void holdOrderedConsumer(Connection holder) throws Exception {
        holder.createStatement().execute("select pg_advisory_lock(hashtext('projection:"
                + VoucherEligibilityProjection.NAME + "'))");
    }

    @Test
    void theLagBehindEachConsumedTopic_isAMetric_andFallsToZeroOnceCaughtUp() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        ledger.distributedVoucher();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("redemption_projection_lag_records{"))
                .body(containsString("topic=\"labelling.structure-events.v1\""))
                .body(containsString("topic=\"settlement.settlement-events.v1\""))
                .body(containsString("redemption_projection_last_event_age_seconds{"));
        await().atMost(LedgerFixtures.PATIENCE).until(() -> {
            Matcher lag = VOUCHER_LAG.matcher(given().when().get("/q/metrics").then().extract().asString());
            return lag.find() && Double.parseDouble(lag.group(1)) == 0.0;
        });
    }
}
