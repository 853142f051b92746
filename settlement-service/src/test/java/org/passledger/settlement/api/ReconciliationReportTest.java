package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ReconciliationReportTest {

    static JsonPath report(UUID programmeId) {
        return given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "agency-1"))
                .queryParam("programmeId", programmeId)
                .when().get("/reconciliation")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<CSVRecord> csv(String path, UUID programmeId) throws Exception {
        String body = given().header("Authorization", IncidentFixtures.operator())
                .queryParam("programmeId", programmeId)
                .when().get(path)
                .then().statusCode(200).extract().asString();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    @Test
    void aCleanFlow_balances_withNoDifference_andAnInjectedReimbursement_isListedWithItsVoucher() throws Exception {
        Period period = SettlementFixtures.newPeriod();
        Period unsettled = SettlementFixtures.newPeriod();
        UUID place = UUID.randomUUID();
        ProgrammeFixtures programme = new ProgrammeFixtures(20_000, 2_500, 4, period.start());
        UUID paid = programme.voucher(true);
        UUID owed = programme.voucher(true);
        UUID expired = programme.voucher(true);
        UUID unused = programme.voucher(false);
        programme.redeem(paid, place, "30", period.at(Duration.ofHours(9)));
        programme.redeem(owed, place, "30", unsettled.at(Duration.ofHours(9)));
        programme.expire(expired, period.at(Duration.ofHours(20)));
        await().atMost(Duration.ofSeconds(30)).until(() -> SettlementFixtures.count(
                "select count(*) from payable_redemption where voucher_id = ?", paid) == 1);
        SettlementFixtures.verifiedAccount(place);
        String statementId = given().header("Authorization", IncidentFixtures.operator()).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", "recon-" + period.start()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().path("statements[0].statementId");
        IncidentFixtures.confirm(statementId, "SEPA-RECON");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath report = report(programme.programmeId);
            assertThat(report.getInt("programmes[0].reimbursedCount")).isEqualTo(1);
            assertThat(report.getInt("programmes[0].issuedCount")).isEqualTo(4);
            assertThat(report.getInt("programmes[0].redeemedCount")).isEqualTo(2);
            assertThat(report.getLong("programmes[0].creditedCents")).isEqualTo(2500);
        });
        JsonPath clean = report(programme.programmeId);
        assertThat(clean.getInt("differenceCount")).isZero();
        assertThat(clean.getInt("programmes[0].handedOutCount")).isEqualTo(3);
        assertThat(clean.getLong("programmes[0].budgetCents")).isEqualTo(20_000);
        assertThat(clean.getLong("programmes[0].reimbursedCents")).isEqualTo(2500);
        assertThat(clean.getLong("programmes[0].owedCents")).isEqualTo(2500);
        assertThat(clean.getLong("programmes[0].unusedCents")).isEqualTo(10_000 + 2500);
        assertThat(clean.getLong("programmes[0].balanceGapCents")).isZero();
        assertThat(clean.getBoolean("programmes[0].balanced")).isTrue();
        assertThat(clean.getBoolean("programmes[0].chainHolds")).isTrue();

        // a reimbursement of a voucher never redeemed, sent straight to the topic
        programme.injectReimbursement(unused, place, 2500);
        await().atMost(Duration.ofSeconds(30)).until(() -> report(programme.programmeId).getInt("differenceCount") > 0);
        JsonPath dirty = report(programme.programmeId);
        assertThat(dirty.getInt("differenceCount")).isEqualTo(1);
        assertThat(dirty.getString("programmes[0].differences[0].voucherId")).isEqualTo(unused.toString());
        assertThat(dirty.getString("programmes[0].differences[0].code")).isEqualTo("reimbursed-not-redeemed");
        assertThat(dirty.getInt("programmes[0].reimbursedCount")).isEqualTo(2);

        List<CSVRecord> differences = csv("/reconciliation/differences.csv", programme.programmeId);
        assertThat(differences).hasSize(1);
        assertThat(differences.get(0).get("voucher_id")).isEqualTo(unused.toString());
        assertThat(differences.get(0).get("actual_eur")).isEqualTo("25.00");
        List<CSVRecord> programmes = csv("/reconciliation/programmes.csv", programme.programmeId);
        assertThat(programmes).hasSize(1);
        assertThat(Long.parseLong(programmes.get(0).get("reimbursed_cents")))
                .isEqualTo(dirty.getLong("programmes[0].reimbursedCents"));
        assertThat(programmes.get(0).get("budget_eur")).isEqualTo("200.00");

        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/reconciliation").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, programme.funderId))
                .when().get("/reconciliation").then().statusCode(403);
    }
}
