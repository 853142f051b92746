package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.passledger.settlement.api.IncidentFixtures.confirm;
import static org.passledger.settlement.api.IncidentFixtures.incident;
import static org.passledger.settlement.api.IncidentFixtures.openIncident;
import static org.passledger.settlement.api.IncidentFixtures.operator;
import static org.passledger.settlement.api.IncidentFixtures.statement;
import static org.passledger.settlement.api.IncidentFixtures.validate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.IncidentFixtures.Issued;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class IncidentClawbackTest {

    static void refused(Map<String, Object> body, int status, String code) {
        given().header("Authorization", operator()).contentType("application/json").body(body)
                .when().post("/incidents")
                .then().statusCode(status).body("code", equalTo(code));
    }

    static long clawbacks(String incidentId) {
        return SettlementFixtures.count("""
                select coalesce(sum(cast(payload ->> 'amountCents' as bigint)), 0) from events
                where type = 'settlement.clawback-applied.v1' and stream_id = ?""", incidentId);
    }

    @Test
    void opening_isRefused_forVouchersNotReimbursedToThePlace_orAboveWhatTheyWerePaid() {
        UUID place = UUID.randomUUID();
        Issued paid = statement(place, Instant.now(), 1000);
        SettlementFixtures.verifiedAccount(place);
        confirm(paid.statementId(), "SEPA-P");
        Issued unpaid = statement(place, Instant.now(), 700);
        long before = SettlementFixtures.count("select count(*) from incidents");

        refused(Map.of("structureId", place, "kind", "fraud", "voucherIds", List.of(unpaid.voucher(0)),
                "amountCents", 100, "description", "x"), 409, "voucher-not-reimbursed-to-place");
        refused(Map.of("structureId", UUID.randomUUID(), "kind", "fraud", "voucherIds", List.of(paid.voucher(0)),
                "amountCents", 100, "description", "x"), 409, "voucher-not-reimbursed-to-place");
        refused(Map.of("structureId", place, "kind", "fraud", "voucherIds", List.of(paid.voucher(0)),
                "amountCents", 1001, "description", "x"), 409, "incident-amount-too-high");
        refused(Map.of("structureId", place, "kind", "typo", "voucherIds", List.of(paid.voucher(0)),
                "amountCents", 100, "description", "x"), 400, "invalid-incident-kind");
        refused(Map.of("structureId", place, "kind", "fraud", "voucherIds", List.of(paid.voucher(0)),
                "amountCents", 0, "description", "x"), 400, "validation-failed");
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place)).contentType("application/json")
                .body(Map.of("structureId", place, "kind", "fraud", "voucherIds", List.of(paid.voucher(0)),
                        "amountCents", 100, "description", "x"))
                .when().post("/incidents")
                .then().statusCode(403);
        assertThat(SettlementFixtures.count("select count(*) from incidents")).isEqualTo(before);

        String dismissed = openIncident(place, "overpayment", List.of(paid.voucher(0)), 1000);
        given().header("Authorization", operator()).contentType("application/json").body(Map.of("reason", " "))
                .when().post("/incidents/" + dismissed + "/dismissal")
                .then().statusCode(400).body("code", equalTo("validation-failed"));
        given().header("Authorization", operator())
                .when().get("/incidents/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("incident-not-found"));
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "the workshop took place"))
                .when().post("/incidents/" + dismissed + "/dismissal")
                .then().statusCode(200).body("status", equalTo("DISMISSED")).body("outstandingCents", equalTo(0));
        given().header("Authorization", operator())
                .when().post("/incidents/" + dismissed + "/validation")
                .then().statusCode(409).body("code", equalTo("incident-not-open"));
        given().header("Authorization", operator())
                .when().post("/incidents/" + UUID.randomUUID() + "/validation")
                .then().statusCode(404).body("code", equalTo("incident-not-found"));
        SettlementFixtures.awaitRecord(Topics.SETTLEMENTS, dismissed, "settlement.incident-dismissed.v1");
    }

    @Test
    void validatedIncidents_areRecoveredFromTheNextPayouts_oldestFirst_andTheTransferIsTheNet() {
        UUID place = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Issued first = statement(place, Instant.now(), 1000, 2000);
        SettlementFixtures.verifiedAccount(place);
        confirm(first.statementId(), "SEPA-1");

        String older = openIncident(place, "fraud", List.of(first.voucher(0)), 800);
        String newer = openIncident(place, "overpayment", List.of(first.voucher(1)), 1500);
        assertThat(incident(older).getString("status")).isEqualTo("OPEN");
        validate(older);
        validate(newer);
        given().header("Authorization", operator())
                .when().post("/incidents/" + older + "/validation")
                .then().statusCode(409).body("code", equalTo("incident-not-open"));
        given().header("Authorization", operator()).contentType("application/json").body(Map.of("reason", "late"))
                .when().post("/incidents/" + older + "/dismissal")
                .then().statusCode(409).body("code", equalTo("incident-not-open"));

        // a payout of 1000: 800 for the older incident, 200 for the newer, nothing transferred
        Issued second = statement(place, Instant.now(), 1000);
        PaymentBatchApiTest.approve(second.statementId());
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(second.statementId())))
                .when().post("/payment-batches")
                .then().statusCode(409).body("code", equalTo("nothing-to-transfer"));
        assertThat(incident(older).getLong("reservedCents")).isZero();
        JsonPath paid = confirm(second.statementId(), "SEPA-2");
        assertThat(paid.getLong("amountCents")).isZero();
        assertThat(clawbacks(older)).isEqualTo(800);
        assertThat(clawbacks(newer)).isEqualTo(200);

        // a payout of 1700 in a payment batch: the 1300 left on the newer incident are deducted, the file carries 400
        Issued third = statement(place, Instant.now(), 1700);
        PaymentBatchApiTest.approve(third.statementId());
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(third.statementId())))
                .when().post("/payment-batches")
                .then().statusCode(201)
                .body("controlSumCents", equalTo(400))
                .body("transfers[0].amountCents", equalTo(400));
        assertThat(incident(newer).getLong("reservedCents")).isEqualTo(1300);
        JsonPath thirdPaid = confirm(third.statementId(), "SEPA-3");
        assertThat(thirdPaid.getLong("amountCents")).isEqualTo(400);
        assertThat(clawbacks(newer)).isEqualTo(1500);

        JsonPath newerView = incident(newer);
        assertThat(newerView.getLong("recoveredCents")).isEqualTo(1500);
        assertThat(newerView.getLong("outstandingCents")).isZero();
        assertThat(newerView.getLong("reservedCents")).isZero();
        assertThat(newerView.getList("clawbacks")).hasSize(2);
        assertThat(incident(older).getLong("outstandingCents")).isZero();
        assertThat(SettlementFixtures.count("""
                select count(*) from events where type = 'settlement.payment-confirmed.v1' and stream_id = ?
                and payload ->> 'amountCents' = '400'""", third.statementId())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", operator())
                .when().get("/statements/" + third.statementId())
                .then().statusCode(200)
                .body("status", equalTo("PAID"))
                .body("totalCents", equalTo(1700))
                .body("clawbackCents", equalTo(1300))
                .body("netCents", equalTo(400)));
        // the next payout is paid in full
        Issued fourth = statement(place, Instant.now(), 300);
        assertThat(confirm(fourth.statementId(), "SEPA-4").getLong("amountCents")).isEqualTo(300);

        // the ledger shows the recovery: the 2300 owed by the place were clawed back from 6000 reimbursed, 3700 paid
        LedgerAccounts.awaitAccount(operator(), "place-receivable:" + place, 2300, 2300, 0);
        LedgerAccounts.awaitAccount(operator(), "place:" + place, 3700 + 2300, 6000, 0);

        // who sees what
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/incidents/" + older).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/incidents/" + older).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/structures/" + place + "/incidents").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/incidents/" + older).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "agency-1"))
                .when().get("/structures/" + place + "/incidents")
                .then().statusCode(200).body("$", hasSize(2))
                .body("[0].incidentId", equalTo(older));
    }

    @Test
    void aTransferRejectedBeforeConfirmation_releasesItsClawback_forTheNextPayout() {
        UUID place = UUID.randomUUID();
        Issued first = statement(place, Instant.now(), 1000);
        SettlementFixtures.verifiedAccount(place);
        confirm(first.statementId(), "SEPA-A");
        String incidentId = openIncident(place, "fraud", List.of(first.voucher(0)), 300);
        validate(incidentId);

        Issued second = statement(place, Instant.now(), 500);
        PaymentBatchApiTest.approve(second.statementId());
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(second.statementId())))
                .when().post("/payment-batches")
                .then().statusCode(201).body("controlSumCents", equalTo(200));
        given().header("Authorization", operator()).contentType("application/json").body(Map.of("reason", "AC04"))
                .when().post("/statements/" + second.statementId() + "/payment-rejection")
                .then().statusCode(200).body("amountCents", equalTo(200)).body("afterConfirmation", equalTo(false));
        assertThat(incident(incidentId).getLong("reservedCents")).isZero();
        assertThat(incident(incidentId).getLong("outstandingCents")).isEqualTo(300);

        RejectionAfterConfirmationTest.newVerifiedAccount(place, SettlementFixtures.OTHER_IBAN);
        assertThat(confirm(second.statementId(), "SEPA-B").getLong("amountCents")).isEqualTo(200);
        assertThat(clawbacks(incidentId)).isEqualTo(300);
        assertThat(incident(incidentId).getLong("outstandingCents")).isZero();
    }

    @Test
    void twoPayoutsAtOnce_recoverAnIncidentOnce() throws Exception {
        UUID place = UUID.randomUUID();
        Issued first = statement(place, Instant.now(), 1000);
        SettlementFixtures.verifiedAccount(place);
        confirm(first.statementId(), "SEPA-C0");
        String incidentId = openIncident(place, "fraud", List.of(first.voucher(0)), 500);
        validate(incidentId);
        List<String> statements = List.of(statement(place, Instant.now(), 400).statementId(),
                statement(place, Instant.now(), 400).statementId());

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        long transferred = 0;
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (String statementId : statements) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", operator()).contentType("application/json")
                            .body(Map.of("bankReference", "SEPA-C-" + statementId))
                            .when().post("/statements/" + statementId + "/payment-confirmation")
                            .then().statusCode(200).extract().<Integer>path("amountCents");
                }));
            }
            start.countDown();
            for (var result : results) {
                transferred += result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(transferred).isEqualTo(800 - 500);
        assertThat(clawbacks(incidentId)).isEqualTo(500);
        assertThat(incident(incidentId).getLong("outstandingCents")).isZero();
    }
}
