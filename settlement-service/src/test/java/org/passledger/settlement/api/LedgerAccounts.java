package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

/** What the double-entry ledger says of one account, once the events reached its projection. */
final class LedgerAccounts {

    private LedgerAccounts() {
    }

    static void awaitAccount(String bearer, String account, long debitCents, long creditCents, long balanceCents) {
        await(account).atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer)
                .when().get("/ledger/accounts/" + account + "/statement")
                .then().statusCode(200)
                .body("totalDebitCents", equalTo((int) debitCents))
                .body("totalCreditCents", equalTo((int) creditCents))
                .body("closingBalanceCents", equalTo((int) balanceCents)));
    }
}
