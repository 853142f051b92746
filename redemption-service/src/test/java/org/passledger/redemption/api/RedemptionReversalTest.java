package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** POST /redemptions/{id}/reversal: the place within 24 hours, the operator later with a reason, never once paid. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RedemptionReversalTest {

    @Inject
    TestClock clock;

    LedgerFixtures ledger;
    UUID place;
    TestVoucher voucher;
    String redemptionId;

    @BeforeEach
    void aRedemption() {
        ledger = new LedgerFixtures(clock);
        place = ledger.labelledPlace();
        voucher = ledger.distributedVoucher();
        redemptionId = redeem(place, voucher.code(), "atelier-collectif").statusCode(201)
                .extract().path("redemptionId");
        LedgerFixtures.awaitRedemptionView(redemptionId, 1);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static ValidatableResponse reverse(String role, Object party, String redemptionId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return given().header("Authorization", TestTokens.bearer(role, party))
                .contentType("application/json").body(body)
                .when().post("/redemptions/" + redemptionId + "/reversal")
                .then();
    }

    @Test
    void aReversalSentRightAfterThe201_succeeds_withoutWaitingForTheReadModel() throws Exception {
        TestVoucher another = ledger.distributedVoucher();
        String justRedeemed = redeem(place, another.code(), "atelier-collectif").statusCode(201)
                .extract().path("redemptionId");

        reverse(Roles.STRUCTURE, place, justRedeemed, "wrong beneficiary").statusCode(200)
                .body("redemptionId", equalTo(justRedeemed));
        assertThat(LedgerFixtures.storedEvents(another.voucherId(), "voucher.redemption-reversed.v1")).isEqualTo(1);
        reverse(Roles.STRUCTURE, UUID.randomUUID(), justRedeemed, null).statusCode(403);
        reverse(Roles.STRUCTURE, place, UUID.randomUUID().toString(), null).statusCode(404)
                .body("code", equalTo("redemption-not-found"));
    }

    @Test
    void thePlace_reversesWithin24Hours_andTheVoucherCanBeRedeemedAgain() throws Exception {
        clock.advance(Duration.ofHours(23));
        reverse(Roles.STRUCTURE, place, redemptionId, "wrong beneficiary").statusCode(200)
                .body("redemptionId", equalTo(redemptionId))
                .body("reason", equalTo("wrong beneficiary"))
                .body("reversedBy", equalTo("structure:" + place))
                .body("amountCents", equalTo(1000));

        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redemption-reversed.v1")).isEqualTo(1);
        LedgerFixtures.awaitRedemptionView(redemptionId, 2);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/redemptions/" + redemptionId)
                .then().statusCode(200).body("reversed", equalTo(true));
        reverse(Roles.STRUCTURE, place, redemptionId, null)
                .statusCode(409).body("code", equalTo("redemption-already-reversed"));

        redeem(place, voucher.code(), "atelier-collectif").statusCode(201);
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(2);
    }

    @Test
    void thePlace_isRefusedAfter24Hours_butTheOperatorReversesWithAReason() throws Exception {
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        reverse(Roles.STRUCTURE, place, redemptionId, "too late")
                .statusCode(409).body("code", equalTo("reversal-window-closed"));
        reverse(Roles.OPERATOR, "ops", redemptionId, " ")
                .statusCode(400).body("code", equalTo("reversal-reason-required"));
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redemption-reversed.v1")).isZero();

        reverse(Roles.OPERATOR, "ops", redemptionId, "beneficiary complaint upheld").statusCode(200)
                .body("reversedBy", equalTo("operator:ops"));
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redemption-reversed.v1")).isEqualTo(1);
    }

    @Test
    void aReimbursedRedemption_isNeverReversed() throws Exception {
        ledger.reimburse(voucher, UUID.fromString(redemptionId), place);
        reverse(Roles.STRUCTURE, place, redemptionId, "oops")
                .statusCode(409).body("code", equalTo("redemption-already-reimbursed"));
        reverse(Roles.OPERATOR, "ops", redemptionId, "fraud")
                .statusCode(409).body("code", equalTo("redemption-already-reimbursed"));
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redemption-reversed.v1")).isZero();
    }

    @Test
    void anotherPlace_aFunder_orAnUnknownRedemption_cannotBeReversed() throws Exception {
        reverse(Roles.STRUCTURE, UUID.randomUUID(), redemptionId, "not mine")
                .statusCode(403).body("code", equalTo("forbidden"));
        reverse(Roles.FUNDER, voucher.funderId(), redemptionId, "no").statusCode(403);
        reverse(Roles.OPERATOR, "ops", UUID.randomUUID().toString(), "who")
                .statusCode(404).body("code", equalTo("redemption-not-found"));
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redemption-reversed.v1")).isZero();
    }

    @Test
    void aRetriedReversal_withTheSameKey_getsTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .header("Idempotency-Key", key).contentType("application/json").body(Map.of("reason", "mistake"))
                .when().post("/redemptions/" + redemptionId + "/reversal")
                .then().statusCode(200).extract().path("reversedAt");
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .header("Idempotency-Key", key).contentType("application/json").body(Map.of("reason", "mistake"))
                .when().post("/redemptions/" + redemptionId + "/reversal")
                .then().statusCode(200).header("Idempotency-Replayed", "true").body("reversedAt", equalTo(first));
        await().atMost(LedgerFixtures.PATIENCE).until(() ->
                LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redemption-reversed.v1") == 1);
    }
}
