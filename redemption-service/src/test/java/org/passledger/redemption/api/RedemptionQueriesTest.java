package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** A place's redemptions by period and pending reimbursement; a funder's; the agency's counts. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RedemptionQueriesTest {

    @Inject
    Clock clock;

    @Test
    void aPlace_seesItsRedemptionsByPeriod_andWhatIsPendingReimbursement() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher paid = ledger.distributedVoucher();
        TestVoucher owed = ledger.distributedVoucher();
        String paidId = redeem(place, paid.code(), "atelier-collectif").statusCode(201).extract().path("redemptionId");
        String owedId = redeem(place, owed.code(), "atelier-collectif").statusCode(201).extract().path("redemptionId");
        LedgerFixtures.awaitRedemptionView(paidId, 1);
        LedgerFixtures.awaitRedemptionView(owedId, 1);
        ledger.reimburse(paid, UUID.fromString(paidId), place);
        LocalDate today = LocalDate.ofInstant(clock.instant(), LedgerFixtures.PARIS);

        asPlace(place).queryParam("from", today.minusDays(1).toString()).queryParam("to", today.plusDays(1).toString())
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(200).body("items", hasSize(2));
        asPlace(place).queryParam("from", today.plusDays(1).toString())
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(200).body("items", hasSize(0));
        asPlace(place).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .when().get("/structures/" + place + "/redemptions")
                .then().statusCode(400).body("code", equalTo("invalid-period"));

        asPlace(place).when().get("/structures/" + place + "/redemptions/pending-reimbursement")
                .then().statusCode(200)
                .body("count", equalTo(1)).body("totalCents", equalTo(1000))
                .body("items[0].redemptionId", equalTo(owedId));
        asPlace(UUID.randomUUID()).when().get("/structures/" + place + "/redemptions/pending-reimbursement")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .when().get("/structures/" + place + "/redemptions/pending-reimbursement")
                .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void aFunder_seesTheRedemptionsOfItsProgrammes_only() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        String id = redeem(place, voucher.code(), "atelier-collectif").statusCode(201).extract().path("redemptionId");
        LedgerFixtures.awaitRedemptionView(id, 1);

        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, voucher.funderId()))
                .when().get("/funders/" + voucher.funderId() + "/redemptions")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].redemptionId", equalTo(id));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, voucher.funderId()))
                .queryParam("programmeId", UUID.randomUUID().toString())
                .when().get("/funders/" + voucher.funderId() + "/redemptions")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/funders/" + voucher.funderId() + "/redemptions")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/funders/" + voucher.funderId() + "/redemptions")
                .then().statusCode(403);
    }

    @Test
    void theAgency_countsRedemptionsInForce_perDepartementMonthAndService() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID lozere = ledger.labelledPlace("48", "48000");
        TestVoucher a = ledger.voucher(List.of("48"), List.of(), true, true);
        TestVoucher b = ledger.voucher(List.of("48"), List.of(), true, true);
        TestVoucher c = ledger.voucher(List.of("48"), List.of(), true, true);
        String first = redeem(lozere, a.code(), "atelier-lozere").statusCode(201).extract().path("redemptionId");
        String second = redeem(lozere, b.code(), "atelier-lozere").statusCode(201).extract().path("redemptionId");
        String third = redeem(lozere, c.code(), "permanence-lozere").statusCode(201).extract().path("redemptionId");
        RedemptionReversalTest.reverse(Roles.STRUCTURE, lozere, awaitView(third), "mistake").statusCode(200);
        awaitView(first);
        awaitView(second);
        LedgerFixtures.awaitRedemptionView(third, 2);
        String month = YearMonth.from(LocalDate.ofInstant(clock.instant(), LedgerFixtures.PARIS)).toString();

        JsonPath stats = given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .when().get("/statistics/redemptions")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> lozereRows = stats.getList("rows.findAll { it.departement == '48' }");
        org.assertj.core.api.Assertions.assertThat(lozereRows).containsExactly(Map.of("departement", "48",
                "month", month, "service", "atelier-lozere", "redemptions", 2, "amountCents", 2000));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, lozere))
                .when().get("/statistics/redemptions").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                .when().get("/statistics/redemptions")
                .then().statusCode(200).body("rows.service", hasItem("atelier-lozere"));
    }

    private static String awaitView(String redemptionId) {
        await().atMost(LedgerFixtures.PATIENCE).until(() ->
                LedgerFixtures.eventsApplied("redemption_view", "redemption_id", UUID.fromString(redemptionId)) >= 1);
        return redemptionId;
    }

    private static io.restassured.specification.RequestSpecification asPlace(UUID place) {
        return given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place));
    }
}
