package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class SettlementGuardsTest {

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    static long runsNamed(String name) {
        return SettlementFixtures.count("""
                select count(*) from events where type like 'settlement.run-opened.%' and payload ->> 'runName' = ?""",
                name);
    }

    @Test
    void run_isRefused_whenThePeriodIsNotOver() {
        given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", "2026-01-01T00:00:00Z", "periodEnd", "2999-01-01T00:00:00Z",
                        "name", "future"))
                .when().post("/settlement-runs")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("period-in-future"));
        assertThat(runsNamed("future")).isZero();
    }

    @Test
    void run_isRefused_whenThePeriodStartsAfterItEnds() {
        given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", "2025-02-01T00:00:00Z", "periodEnd", "2025-01-01T00:00:00Z",
                        "name", "backwards"))
                .when().post("/settlement-runs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-period"));
        assertThat(runsNamed("backwards")).isZero();
    }

    @Test
    void run_isRefused_whenFieldsAreMissingOrMalformed() {
        given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", "2025-01-01T00:00:00Z"))
                .when().post("/settlement-runs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-period"));
        given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", "2025-01-01T00:00:00Z", "periodEnd", "yesterday"))
                .when().post("/settlement-runs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("periodEnd"));
        given().header("Authorization", operator())
                .contentType("application/json")
                .when().post("/settlement-runs")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", "2025-01-01T00:00:00Z", "periodEnd", "2025-01-02T00:00:00Z",
                        "name", " padded "))
                .when().post("/settlement-runs")
                .then().statusCode(400)
                .body("violations.field", contains("name"));
    }

    @Test
    void run_isRefused_whenItsNameIsTaken_andLeavesNothingBehind() {
        Period period = newPeriod();
        String name = "taken-" + period.start();
        Map<String, String> body = Map.of("periodStart", period.start().toString(),
                "periodEnd", period.end().toString(), "name", name);
        given().header("Authorization", operator()).contentType("application/json").body(body)
                .when().post("/settlement-runs")
                .then().statusCode(201);
        given().header("Authorization", operator()).contentType("application/json").body(body)
                .when().post("/settlement-runs")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("run-name-taken"));
        assertThat(runsNamed(name)).isEqualTo(1);
    }

    @Test
    void run_withoutAName_isNamedAfterItsPeriod() {
        Period period = newPeriod();
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString()))
                .when().post("/settlement-runs")
                .then().statusCode(201)
                .body("name", equalTo("run-" + period.start() + "-" + period.end()));
    }

    @Test
    void run_withTheSameIdempotencyKey_answersTheFirstRunAgain() {
        Period period = newPeriod();
        Map<String, String> body = Map.of("periodStart", period.start().toString(),
                "periodEnd", period.end().toString(), "name", "idempotent-" + period.start());
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", operator()).header("Idempotency-Key", key)
                .contentType("application/json").body(body)
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().path("runId");
        given().header("Authorization", operator()).header("Idempotency-Key", key)
                .contentType("application/json").body(body)
                .when().post("/settlement-runs")
                .then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("runId", equalTo(first));
    }

    @Test
    void paymentConfirmation_isRefused_forAnUnknownStatement_orWithoutABankReference() {
        given().header("Authorization", operator())
                .contentType("application/json").body(Map.of("bankReference", "SEPA-1"))
                .when().post("/statements/" + UUID.randomUUID() + "/payment-confirmation")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("statement-not-found"));
        given().header("Authorization", operator())
                .contentType("application/json").body(Map.of("bankReference", " "))
                .when().post("/statements/" + UUID.randomUUID() + "/payment-confirmation")
                .then().statusCode(400)
                .body("violations.field", contains("bankReference"));
    }

    @Test
    void callers_withoutTokenOrRole_areRefused() {
        given().contentType("application/json")
                .body(Map.of("periodStart", "2025-01-01T00:00:00Z", "periodEnd", "2025-01-02T00:00:00Z"))
                .when().post("/settlement-runs")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/statements/" + UUID.randomUUID())
                .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("periodStart", "2025-01-01T00:00:00Z", "periodEnd", "2025-01-02T00:00:00Z"))
                .when().post("/settlement-runs")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .contentType("application/json").body(Map.of("bankReference", "SEPA-1"))
                .when().post("/statements/" + UUID.randomUUID() + "/payment-confirmation")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .when().get("/vouchers/" + UUID.randomUUID() + "/reimbursement")
                .then().statusCode(403);
    }

    @Test
    void aPlace_cannotReadAnotherPlacesStatements() {
        Period period = newPeriod();
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Redemption redemption = redeem(owner, 1000, period.at(Duration.ofHours(8)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> payable(List.of(redemption), false) == 1);
        String statementId = given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", "privacy-" + period.start()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().path("statements[0].statementId");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, owner))
                        .when().get("/statements/" + statementId)
                        .then().statusCode(200));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/statements/" + statementId)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/structures/" + owner + "/statements")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/statements/" + statementId)
                .then().statusCode(403);
    }
}
