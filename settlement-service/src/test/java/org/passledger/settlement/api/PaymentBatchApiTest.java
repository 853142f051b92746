package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.api.SettlementFixtures.IBAN;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.settlement.sepa.Pain001;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;
import org.w3c.dom.Document;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class PaymentBatchApiTest {

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    /** Statements for the places, in one run; returns the run's statements in the places' order. */
    static List<Map<String, Object>> statements(Map<UUID, long[]> amountsByPlace) {
        Period period = newPeriod();
        List<Redemption> redemptions = new java.util.ArrayList<>();
        amountsByPlace.forEach((place, amounts) -> {
            for (long cents : amounts) {
                redemptions.add(redeem(place, cents, period.at(Duration.ofHours(9))));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> payable(redemptions, false) == redemptions.size());
        JsonPath run = given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", "batch-" + period.start()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().jsonPath();
        return run.getList("statements");
    }

    static void approve(Object statementId) {
        given().header("Authorization", operator())
                .when().post("/statements/" + statementId + "/approval")
                .then().statusCode(200)
                .body("approvedBy", equalTo("operator:operator-1"));
    }

    static long batches() {
        return SettlementFixtures.count("select count(*) from payment_batches");
    }

    @Test
    void approvedStatements_arePaidByAValidPain001File_whoseSumsEqualTheStatements() throws Exception {
        UUID placeA = UUID.randomUUID();
        UUID placeB = UUID.randomUUID();
        List<Map<String, Object>> statements = statements(Map.of(placeA, new long[] {1000, 999},
                placeB, new long[] {12345}));
        assertThat(statements).hasSize(2);
        SettlementFixtures.verifiedAccount(placeA);
        SettlementFixtures.verifiedAccount(placeB);
        List<Object> ids = statements.stream().map(s -> s.get("statementId")).toList();

        long before = batches();
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", ids))
                .when().post("/payment-batches")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("statement-not-approved"));

        ids.forEach(PaymentBatchApiTest::approve);
        given().header("Authorization", operator())
                .when().post("/statements/" + ids.get(0) + "/approval")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("statement-already-approved"));
        given().header("Authorization", operator())
                .when().post("/statements/" + UUID.randomUUID() + "/approval")
                .then().statusCode(404);

        JsonPath batch = given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", ids))
                .when().post("/payment-batches")
                .then().statusCode(201)
                .body("transactionCount", equalTo(2))
                .body("controlSumCents", equalTo(1999 + 12345))
                .extract().jsonPath();
        String batchId = batch.getString("batchId");

        String xml = given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .when().get("/payment-batches/" + batchId + "/pain.001")
                .then().statusCode(200)
                .contentType("application/xml")
                .extract().asString();
        Pain001.validate(xml);
        Document document = Pain001.parse(xml);
        assertThat(Pain001.first(document, "MsgId")).isEqualTo(batch.getString("messageId"));
        assertThat(new BigDecimal(Pain001.first(document, "CtrlSum"))).isEqualByComparingTo("143.44");
        List<Pain001.Tx> txs = Pain001.transactions(document);
        assertThat(txs).hasSize(2);
        for (Map<String, Object> statement : statements) {
            Pain001.Tx tx = txs.stream().filter(t -> t.endToEndId().equals(statement.get("statementNumber")))
                    .findFirst().orElseThrow();
            long cents = ((Number) statement.get("totalCents")).longValue();
            assertThat(tx.amount().movePointRight(2).longValueExact()).isEqualTo(cents);
            assertThat(tx.iban()).isEqualTo(IBAN);
            assertThat(tx.currency()).isEqualTo("EUR");
        }
        assertThat(txs.stream().map(Pain001.Tx::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(Pain001.first(document, "CtrlSum"));

        // a statement is in one batch only; once the transfer is confirmed, its instruction names the batch
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(ids.get(0))))
                .when().post("/payment-batches")
                .then().statusCode(409)
                .body("code", equalTo("statement-already-batched"));
        assertThat(batches()).isEqualTo(before + 1);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-" + batch.getString("messageId")))
                .when().post("/statements/" + ids.get(0) + "/payment-confirmation")
                .then().statusCode(200);
        given().header("Authorization", operator())
                .when().get("/statements/" + ids.get(0) + "/payment-instruction")
                .then().statusCode(200)
                .body("batchId", equalTo(batchId));
        given().header("Authorization", operator())
                .when().get("/payment-batches/" + batchId)
                .then().statusCode(200)
                .body("transfers.size()", equalTo(2));
        given().header("Authorization", operator())
                .when().post("/statements/" + ids.get(0) + "/approval")
                .then().statusCode(409)
                .body("code", equalTo("statement-already-paid"));
    }

    @Test
    void aBatch_isRefusedWhole_whenAPlaceHasNoVerifiedAccount() {
        UUID verified = UUID.randomUUID();
        UUID unverified = UUID.randomUUID();
        List<Map<String, Object>> statements = statements(Map.of(verified, new long[] {500},
                unverified, new long[] {700}));
        SettlementFixtures.verifiedAccount(verified);
        List<Object> ids = statements.stream().map(s -> s.get("statementId")).toList();
        ids.forEach(PaymentBatchApiTest::approve);
        long before = batches();

        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", ids))
                .when().post("/payment-batches")
                .then().statusCode(409)
                .body("code", equalTo("no-verified-account"));

        assertThat(batches()).isEqualTo(before);
        assertThat(SettlementFixtures.count("select count(*) from payment_instructions where statement_id = any(?)",
                (Object) ids.stream().map(id -> UUID.fromString((String) id)).toArray(UUID[]::new))).isZero();
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, verified))
                .contentType("application/json").body(Map.of("statementIds", ids))
                .when().post("/payment-batches")
                .then().statusCode(403);
    }

    @Test
    void aRejectedTransfer_refusesTheAccount_andTheAmountIsOwedAgainOnTheNextVerifiedAccount() {
        UUID place = UUID.randomUUID();
        String statementId = (String) statements(Map.of(place, new long[] {2500})).get(0).get("statementId");
        String firstAccount = SettlementFixtures.verifiedAccount(place);
        approve(statementId);
        String firstBatch = given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(statementId)))
                .when().post("/payment-batches")
                .then().statusCode(201).extract().path("batchId");

        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "AC04 closed account number"))
                .when().post("/statements/" + statementId + "/payment-rejection")
                .then().statusCode(200)
                .body("amountCents", equalTo(2500))
                .body("accountId", equalTo(firstAccount))
                .body("batchId", equalTo(firstBatch));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "twice"))
                .when().post("/statements/" + statementId + "/payment-rejection")
                .then().statusCode(409)
                .body("code", equalTo("payment-not-instructed"));
        given().header("Authorization", operator())
                .when().get("/payout-accounts/" + firstAccount)
                .then().statusCode(200)
                .body("status", equalTo("REFUSED"));
        given().header("Authorization", operator())
                .when().get("/payment-batches/" + firstBatch)
                .then().statusCode(200)
                .body("transfers[0].rejected", equalTo(true))
                .body("controlSumCents", equalTo(2500));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-REJECTED"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(409)
                .body("code", equalTo("no-verified-account"));

        // the place registers another account, the operator verifies it: the statement is paid there
        String secondAccount = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json")
                .body(Map.of("iban", SettlementFixtures.OTHER_IBAN, "bic", "PSSTFRPPMON", "holderName", "New bank"))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(201).extract().path("accountId");
        given().header("Authorization", operator()).contentType("application/json").body(Map.of())
                .when().post("/payout-accounts/" + secondAccount + "/verification")
                .then().statusCode(200);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(statementId)))
                .when().post("/payment-batches")
                .then().statusCode(201)
                .body("controlSumCents", equalTo(2500))
                .body("transfers[0].iban", equalTo(SettlementFixtures.OTHER_IBAN))
                .body("transfers[0].rejected", equalTo(false));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-SECOND"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200)
                .body("amountCents", equalTo(2500));
        given().header("Authorization", operator())
                .when().get("/statements/" + statementId + "/payment-instruction")
                .then().statusCode(200)
                .body("accountId", equalTo(secondAccount));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "AC06 blocked account"))
                .when().post("/statements/" + statementId + "/payment-rejection")
                .then().statusCode(200)
                .body("afterConfirmation", equalTo(true))
                .body("accountId", equalTo(secondAccount));
        assertThat(SettlementFixtures.count("""
                select count(*) from events where type = 'voucher.reimbursed.v1' and payload ->> 'statementId' = ?""",
                statementId)).isEqualTo(1);
    }

    @Test
    void twoBatchesAtOnce_forTheSameStatements_payThemOnce() throws Exception {
        UUID place = UUID.randomUUID();
        String statementId = (String) statements(Map.of(place, new long[] {800})).get(0).get("statementId");
        SettlementFixtures.verifiedAccount(place);
        approve(statementId);
        int attempts = 3;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", operator()).contentType("application/json")
                            .body(Map.of("statementIds", List.of(statementId)))
                            .when().post("/payment-batches")
                            .then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(SettlementFixtures.count("select count(*) from payment_instructions where statement_id = ?",
                UUID.fromString(statementId))).isEqualTo(1);
    }
}
