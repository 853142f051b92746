package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.api.PaymentBatchApiTest.approve;
import static org.passledger.settlement.api.PaymentBatchApiTest.operator;
import static org.passledger.settlement.api.PaymentBatchApiTest.statements;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RejectionAfterConfirmationTest {

    static void confirm(String statementId, String reference, int status) {
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", reference))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(status);
    }

    static String newVerifiedAccount(UUID place, String iban) {
        String accountId = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json")
                .body(Map.of("iban", iban, "bic", "PSSTFRPPMON", "holderName", "New bank"))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(201).extract().path("accountId");
        given().header("Authorization", operator()).contentType("application/json").body(Map.of())
                .when().post("/payout-accounts/" + accountId + "/verification")
                .then().statusCode(200);
        return accountId;
    }

    static long events(String type, String statementId) {
        return SettlementFixtures.count("select count(*) from events where type = ? and stream_id = ?", type,
                statementId);
    }

    @Test
    void aTransferRejectedAfterConfirmation_isPaidAgainOnTheNextAccount_andEachVoucherIsReimbursedOnce() {
        UUID place = UUID.randomUUID();
        String statementId = (String) statements(Map.of(place, new long[] {1000, 1500})).get(0).get("statementId");
        String firstAccount = SettlementFixtures.verifiedAccount(place);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-FIRST"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200)
                .body("amountCents", equalTo(2500))
                .body("vouchersReimbursed", equalTo(2));

        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "AC04 closed account number"))
                .when().post("/statements/" + statementId + "/payment-rejection")
                .then().statusCode(200)
                .body("afterConfirmation", equalTo(true))
                .body("amountCents", equalTo(2500))
                .body("accountId", equalTo(firstAccount));
        given().header("Authorization", operator())
                .when().get("/payout-accounts/" + firstAccount)
                .then().statusCode(200).body("status", equalTo("REFUSED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", operator())
                .when().get("/statements/" + statementId)
                .then().statusCode(200)
                .body("status", equalTo("ISSUED"))
                .body("eventsApplied", equalTo(3)));
        SettlementFixtures.awaitRecord(Topics.SETTLEMENTS, statementId, "settlement.payment-rejected.v1");
        // owed again, but not to a refused account
        confirm(statementId, "SEPA-NOWHERE", 409);
        // the ledger shows it: reimbursed 2500, paid 2500, the transfer back 2500: the place is owed 2500 (balance debit - credit)
        LedgerAccounts.awaitAccount(operator(), "place:" + place, 2500, 2500 + 2500, -2500);

        // paid again on the next verified account, without reimbursing the vouchers again
        String secondAccount = newVerifiedAccount(place, SettlementFixtures.OTHER_IBAN);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-SECOND"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200)
                .body("amountCents", equalTo(2500))
                .body("vouchersReimbursed", equalTo(0));
        given().header("Authorization", operator())
                .when().get("/statements/" + statementId + "/payment-instruction")
                .then().statusCode(200).body("accountId", equalTo(secondAccount)).body("amountCents", equalTo(2500));

        // rejected once more, then paid through a payment batch
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "AC06 blocked account"))
                .when().post("/statements/" + statementId + "/payment-rejection")
                .then().statusCode(200).body("afterConfirmation", equalTo(true));
        newVerifiedAccount(place, "FR7630001007941234567890185");
        approve(statementId);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(statementId)))
                .when().post("/payment-batches")
                .then().statusCode(201).body("controlSumCents", equalTo(2500));
        confirm(statementId, "SEPA-THIRD", 200);
        confirm(statementId, "SEPA-FOURTH", 409);

        assertThat(events("settlement.payment-confirmed.v1", statementId)).isEqualTo(3);
        assertThat(events("settlement.payment-rejected.v1", statementId)).isEqualTo(2);
        assertThat(SettlementFixtures.count("""
                select count(*) from events where type = 'voucher.reimbursed.v1' and payload ->> 'statementId' = ?""",
                statementId)).isEqualTo(2);
        assertThat(SettlementFixtures.count("""
                select coalesce(sum(cast(payload ->> 'amountCents' as bigint)), 0) from events
                where type = 'voucher.reimbursed.v1' and payload ->> 'statementId' = ?""", statementId))
                .isEqualTo(2500);
        // each of the two vouchers' streams holds one reimbursement
        assertThat(SettlementFixtures.count("""
                select count(distinct stream_id) from events where type = 'voucher.reimbursed.v1'
                and payload ->> 'statementId' = ?""", statementId)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", operator())
                .when().get("/statements/" + statementId)
                .then().statusCode(200)
                .body("status", equalTo("PAID"))
                .body("totalCents", equalTo(2500))
                .body("clawbackCents", equalTo(0))
                .body("netCents", equalTo(2500)));
    }

    @Test
    void aRejectionBeforeConfirmation_isAnEventToo() {
        UUID place = UUID.randomUUID();
        String statementId = (String) statements(Map.of(place, new long[] {700})).get(0).get("statementId");
        SettlementFixtures.verifiedAccount(place);
        approve(statementId);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(statementId)))
                .when().post("/payment-batches")
                .then().statusCode(201);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "AC04"))
                .when().post("/statements/" + statementId + "/payment-rejection")
                .then().statusCode(200)
                .body("afterConfirmation", equalTo(false))
                .body("amountCents", equalTo(700));
        assertThat(SettlementFixtures.count("""
                select count(*) from events where type = 'settlement.payment-rejected.v1' and stream_id = ?
                and payload ->> 'afterConfirmation' = 'false'""", statementId)).isEqualTo(1);
        assertThat(SettlementFixtures.count("""
                select count(*) from events where type = 'voucher.reimbursed.v1' and payload ->> 'statementId' = ?""",
                statementId)).isZero();
    }
}
