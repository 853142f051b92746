package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.passledger.redemption.api.Redeeming.body;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventJson;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RedemptionFlowTest {

    @Inject
    Clock clock;

    LedgerFixtures ledger;

    @BeforeEach
    void fixtures() {
        ledger = new LedgerFixtures(clock);
    }

    @Test
    void distributedVoucher_isRedeemedAtALabelledPlace_publishedOnce_andReadable() {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        String key = UUID.randomUUID().toString();

        AtomicReference<ExtractableResponse<Response>> first = new AtomicReference<>();
        await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() -> first.set(
                redeem(place, LedgerFixtures.typed(voucher.code()), "atelier-collectif", key)
                        .statusCode(201).extract()));
        String redemptionId = first.get().path("redemptionId");
        assertThat(first.get().header("Location")).endsWith("/redemptions/" + redemptionId);
        assertThat(first.get().<String>path("voucherId")).isEqualTo(voucher.voucherId().toString());
        assertThat(first.get().<String>path("structureId")).isEqualTo(place.toString());
        assertThat(first.get().<Integer>path("amountCents")).isEqualTo(1000);
        Instant redeemedAt = Instant.parse(first.get().path("redeemedAt"));

        // the event on this service's topic: keyed by the voucher, with what settlement needs
        await().atMost(LedgerFixtures.PATIENCE).until(() -> !recordsOf(voucher.voucherId()).isEmpty());
        List<ConsumerRecord<String, String>> records = recordsOf(voucher.voucherId());
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(KafkaTopics.header(record, CloudEvents.TYPE)).isEqualTo("voucher.redeemed.v1");
        assertThat(KafkaTopics.header(record, CloudEvents.SOURCE)).isEqualTo("/pass-ledger/redemption-service");
        assertThat(KafkaTopics.header(record, CloudEvents.ACTOR)).isEqualTo("structure:" + place);
        VoucherRedeemed event = (VoucherRedeemed) EventJson.read("voucher.redeemed.v1", record.value());
        assertThat(event).isEqualTo(new VoucherRedeemed(voucher.voucherId(), UUID.fromString(redemptionId),
                voucher.programmeId(), voucher.funderId(), place, "30", "atelier-collectif", 1000,
                "ATELIER-2026-03-14-AM", "c.martin", redeemedAt));

        // the read model of this service's own events
        await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                        .when().get("/redemptions/" + redemptionId)
                        .then().statusCode(200)
                        .body("voucherId", equalTo(voucher.voucherId().toString()))
                        .body("structureId", equalTo(place.toString()))
                        .body("programmeId", equalTo(voucher.programmeId().toString()))
                        .body("funderId", equalTo(voucher.funderId().toString()))
                        .body("service", equalTo("atelier-collectif"))
                        .body("amountCents", equalTo(1000))
                        .body("reversed", equalTo(false))
                        .body("eventsApplied", equalTo(1)));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].redemptionId", equalTo(redemptionId));

        // the voucher is spent: another attempt, with a new key, is refused and writes nothing
        redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("voucher-already-redeemed"));
        assertThat(recordsOf(voucher.voucherId())).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyAndBody_replaysTheFirstAnswer_whileAnotherBodyIsRefused() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = redeem(place, voucher.code(), "atelier-collectif", key)
                .statusCode(201).header("Idempotency-Replayed", (String) null).extract();

        redeem(place, voucher.code(), "atelier-collectif", key)
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", endsWith("/redemptions/" + first.path("redemptionId")))
                .body("redemptionId", equalTo(first.path("redemptionId")))
                .body("redeemedAt", equalTo(first.path("redeemedAt")));

        redeem(place, voucher.code(), "accompagnement-individuel", key)
                .statusCode(422).body("code", equalTo("idempotency-key-reused"));

        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
    }

    @Test
    void redemption_isReadableByThePlace_theProgrammeFunder_theAgencyAndTheOperator_only() {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        String redemptionId = redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(201).extract().path("redemptionId");
        await().atMost(LedgerFixtures.PATIENCE).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                        .when().get("/redemptions/" + redemptionId).then().statusCode(200));

        assertReadable(redemptionId, Roles.FUNDER, voucher.funderId(), 200);
        assertReadable(redemptionId, Roles.AGENCY, "anct", 200);
        assertReadable(redemptionId, Roles.OPERATOR, "ops", 200);
        assertReadable(redemptionId, Roles.STRUCTURE, UUID.randomUUID(), 403);
        assertReadable(redemptionId, Roles.FUNDER, UUID.randomUUID(), 403);
        assertReadable(redemptionId, Roles.DISTRIBUTOR, UUID.randomUUID(), 403);
        given().when().get("/redemptions/" + redemptionId).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .when().get("/redemptions/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("redemption-not-found"));

        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(200).body("items", hasSize(1));
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(200).body("items", hasSize(1));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, voucher.funderId()))
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(403);
        given().when().get("/structures/" + place + "/redemptions").then().statusCode(401);
    }

    @Test
    void redeem_requiresAToken_theStructureRole_andAnIdempotencyKey() {
        UUID place = UUID.randomUUID();
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body("PN7K3Q9X2MHD", "atelier-collectif"))
                .when().post("/redemptions")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, place))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body("PN7K3Q9X2MHD", "atelier-collectif"))
                .when().post("/redemptions")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json").body(body("PN7K3Q9X2MHD", "atelier-collectif"))
                .when().post("/redemptions")
                .then().statusCode(400).body("code", equalTo("idempotency-key-required"));
    }

    @Test
    void redeem_refusesInvalidFields_listingEachOne() {
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body("PN7K/3Q9X", " "))
                .when().post("/redemptions")
                .then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("code", "service"));
    }

    private static void assertReadable(String redemptionId, String role, Object party, int status) {
        given().header("Authorization", TestTokens.bearer(role, party))
                .when().get("/redemptions/" + redemptionId)
                .then().statusCode(status);
    }

    private static List<ConsumerRecord<String, String>> recordsOf(UUID voucherId) {
        return KafkaTopics.readAll(Topics.REDEMPTIONS).stream()
                .filter(r -> voucherId.toString().equals(r.key()))
                .toList();
    }
}
