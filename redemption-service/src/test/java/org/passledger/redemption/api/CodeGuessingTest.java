package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Unknown codes are counted per place: past 10 in 10 minutes the place gets 429 and the operator an alert. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class CodeGuessingTest {

    static final int THRESHOLD = 10;

    @Inject
    TestClock clock;

    LedgerFixtures ledger;

    @BeforeEach
    void fixtures() {
        ledger = new LedgerFixtures(clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void pastTheThreshold_thePlaceIsThrottled_evenForAGoodCode_andTheOperatorIsAlerted() throws Exception {
        UUID guesser = ledger.labelledPlace();
        UUID neighbour = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        LedgerFixtures.awaitIssuanceCaughtUp();
        for (int i = 0; i < THRESHOLD; i++) {
            String guess = "PN" + String.format("%010d", i);
            if (i % 2 == 0) {
                redeem(guesser, guess, "atelier-collectif").statusCode(404).body("code", equalTo("unknown-voucher"));
            } else {
                ValidationTest.validate(guesser, guess, "atelier-collectif").statusCode(200)
                        .body("code", equalTo("unknown-voucher"));
            }
        }

        redeem(guesser, voucher.code(), "atelier-collectif")
                .statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("too-many-unknown-codes"));
        ValidationTest.validate(guesser, voucher.code(), "atelier-collectif").statusCode(429);
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                .queryParam("structureId", guesser.toString())
                .when().get("/admin/code-guessing-alerts")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].attempts", equalTo(THRESHOLD));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, guesser))
                .when().get("/admin/code-guessing-alerts").then().statusCode(403);

        // another place is not affected
        ValidationTest.validate(neighbour, voucher.code(), "atelier-collectif").statusCode(200)
                .body("redeemable", equalTo(true));

        // once the window has passed, the place works again
        clock.advance(Duration.ofMinutes(11));
        redeem(guesser, voucher.code(), "atelier-collectif").statusCode(201);
    }

    @Test
    void knownCodesRefusedForARule_areNotCounted() {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(java.util.List.of("30"), java.util.List.of(), true, false);
        for (int i = 0; i < THRESHOLD + 2; i++) {
            redeem(place, voucher.code(), "atelier-collectif").statusCode(409);
        }
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                .queryParam("structureId", place.toString())
                .when().get("/admin/code-guessing-alerts")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json").body(Map.of("code", voucher.code(), "service", "atelier-collectif"))
                .when().post("/redemptions/validations")
                .then().statusCode(200).body("code", equalTo("voucher-not-distributed"));
    }
}
