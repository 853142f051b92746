package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.api.SettlementFixtures.IBAN;
import static org.passledger.settlement.api.SettlementFixtures.OTHER_IBAN;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class PayoutAccountApiTest {

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    static String place(UUID place) {
        return TestTokens.bearer(Roles.STRUCTURE, place);
    }

    static String register(UUID place, String iban, String holder) {
        return given().header("Authorization", place(place)).contentType("application/json")
                .body(Map.of("iban", iban, "bic", "AGRIFRPPXXX", "holderName", holder))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract().path("accountId");
    }

    static String statementFor(UUID place) {
        Period period = newPeriod();
        Redemption redemption = redeem(place, 1500, period.at(Duration.ofHours(10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> payable(List.of(redemption), false) == 1);
        return given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", "accounts-" + period.start()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().path("statements[0].statementId");
    }

    static long reimbursementsOf(String statementId) {
        return SettlementFixtures.count("""
                select count(*) from events where type = 'voucher.reimbursed.v1' and payload ->> 'statementId' = ?""",
                statementId);
    }

    @Test
    void anInvalidIban_isRefused_andNothingIsRegistered() {
        UUID place = UUID.randomUUID();
        given().header("Authorization", place(place)).contentType("application/json")
                .body(Map.of("iban", "FR7630006000011234567890188", "bic", "AGRIFRPPXXX", "holderName", "X"))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-iban"));
        given().header("Authorization", place(place)).contentType("application/json")
                .body(Map.of("iban", IBAN, "bic", "not a bic", "holderName", "X"))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(400)
                .body("violations.field", contains("bic"));
        given().header("Authorization", operator())
                .when().get("/structures/" + place + "/payout-account")
                .then().statusCode(404);
        assertThat(SettlementFixtures.count("select count(*) from payout_accounts where structure_id = ?", place))
                .isZero();
    }

    @Test
    void aPlace_registersItsOwnAccountOnly() {
        UUID place = UUID.randomUUID();
        String accountId = register(place, IBAN, "Connect & vous");
        given().header("Authorization", place(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("iban", IBAN, "bic", "AGRIFRPPXXX", "holderName", "Someone else"))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(403);
        given().header("Authorization", place(UUID.randomUUID()))
                .when().get("/payout-accounts/" + accountId)
                .then().statusCode(403);
        given().header("Authorization", place(place)).contentType("application/json").body(Map.of())
                .when().post("/payout-accounts/" + accountId + "/verification")
                .then().statusCode(403);
    }

    @Test
    void payment_needsAVerifiedAccount_andCopiesItsIbanAndHolder_whichALaterChangeNeverAlters() {
        UUID place = UUID.randomUUID();
        String statementId = statementFor(place);
        Map<String, String> confirmation = Map.of("bankReference", "SEPA-" + statementId);

        // no account at all
        given().header("Authorization", operator()).contentType("application/json").body(confirmation)
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("no-verified-account"));

        // a pending account is not enough
        String first = register(place, IBAN, "Connect & vous");
        given().header("Authorization", operator()).contentType("application/json").body(confirmation)
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(409)
                .body("code", equalTo("no-verified-account"));
        assertThat(reimbursementsOf(statementId)).isZero();
        assertThat(SettlementFixtures.count("select count(*) from payment_instructions where statement_id = ?",
                UUID.fromString(statementId))).isZero();

        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "RIB checked"))
                .when().post("/payout-accounts/" + first + "/verification")
                .then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        given().header("Authorization", operator()).contentType("application/json").body(Map.of())
                .when().post("/payout-accounts/" + first + "/verification")
                .then().statusCode(409)
                .body("code", equalTo("account-not-pending"));
        given().header("Authorization", operator()).contentType("application/json").body(confirmation)
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200)
                .body("amountCents", equalTo(1500));
        assertThat(reimbursementsOf(statementId)).isEqualTo(1);

        // a new IBAN: a new account, pending again; the old one is closed; the past payment is untouched
        String second = register(place, OTHER_IBAN, "Connect et vous");
        assertThat(second).isNotEqualTo(first);
        given().header("Authorization", place(place))
                .when().get("/statements/" + statementId + "/payment-instruction")
                .then().statusCode(200)
                .body("accountId", equalTo(first))
                .body("iban", equalTo(IBAN))
                .body("holderName", equalTo("Connect & vous"))
                .body("amountCents", equalTo(1500));
        given().header("Authorization", operator())
                .when().get("/payout-accounts/" + first)
                .then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("history.status", contains("PENDING", "VERIFIED", "CLOSED"))
                .body("history[1].actor", equalTo("operator:operator-1"))
                .body("history[1].reason", equalTo("RIB checked"));
        given().header("Authorization", place(place))
                .when().get("/structures/" + place + "/payout-account")
                .then().statusCode(200)
                .body("accountId", equalTo(second))
                .body("iban", equalTo(OTHER_IBAN))
                .body("status", equalTo("PENDING"));
    }

    @Test
    void aRefusedAccount_isNeverPaid() {
        UUID place = UUID.randomUUID();
        String statementId = statementFor(place);
        String accountId = SettlementFixtures.verifiedAccount(place);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "holder name differs"))
                .when().post("/payout-accounts/" + accountId + "/refusal")
                .then().statusCode(200)
                .body("status", equalTo("REFUSED"));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "again"))
                .when().post("/payout-accounts/" + accountId + "/refusal")
                .then().statusCode(409)
                .body("code", equalTo("account-not-open"));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-X"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(409)
                .body("code", equalTo("no-verified-account"));
        assertThat(reimbursementsOf(statementId)).isZero();
    }
}
