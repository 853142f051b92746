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
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ReportingTest {

    static final String AGENCY = TestTokens.bearer(Roles.AGENCY, "agency-1");

    static List<CSVRecord> parse(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    static String run(Instant start, Instant end) {
        return given().header("Authorization", IncidentFixtures.operator()).contentType("application/json")
                .body(Map.of("periodStart", start.toString(), "periodEnd", end.toString(),
                        "name", "reporting-" + UUID.randomUUID()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().path("statements[0].statementId");
    }

    @Test
    void agencyTotals_cutMonthsAtMidnightParisTime_andTheCsvAddsUpToTheApi() throws Exception {
        ProgrammeFixtures programme = new ProgrammeFixtures(100_000, 1_000, 10, Instant.parse("2024-01-05T10:00:00Z"));
        UUID place = UUID.randomUUID();
        // 23:59:59 and 00:00:00 in Paris (summer time since that morning) on the last/first day of a month
        VoucherRedeemed march = programme.redeem(UUID.randomUUID(), place, "2A", Instant.parse("2024-03-31T21:59:59Z"));
        programme.redeem(UUID.randomUUID(), place, "2A", Instant.parse("2024-03-31T22:00:00Z"));
        VoucherRedeemed mistaken = programme.redeem(UUID.randomUUID(), place, "2A",
                Instant.parse("2024-04-10T08:00:00Z"));
        ProgrammeFixtures.publish(Topics.REDEMPTIONS, new RedemptionReversed(mistaken.voucherId(),
                mistaken.redemptionId(), programme.programmeId, programme.funderId, place, 1_000, "mistake",
                "structure:" + place, Instant.parse("2024-04-10T08:05:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> SettlementFixtures.count(
                "select count(*) from payable_redemption where redemption_id = ?", march.redemptionId()) == 1);
        SettlementFixtures.verifiedAccount(place);
        IncidentFixtures.confirm(run(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T22:00:00Z")),
                "SEPA-2A");
        String thisMonth = YearMonth.now(ZoneId.of("Europe/Paris")).toString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", AGENCY)
                .queryParam("from", "2024-03").queryParam("to", thisMonth)
                .when().get("/agency/totals")
                .then().statusCode(200)
                .body("findAll { it.departement == '2A' }.size()", equalTo(3))
                .body("find { it.departement == '2A' && it.month == '2024-03' }.redeemedCount", equalTo(1))
                .body("find { it.departement == '2A' && it.month == '2024-04' }.redeemedCount", equalTo(2))
                .body("find { it.departement == '2A' && it.month == '2024-04' }.redeemedCents", equalTo(2000))
                .body("find { it.departement == '2A' && it.month == '2024-04' }.reversedCount", equalTo(1))
                .body("find { it.departement == '2A' && it.month == '" + thisMonth + "' }.reimbursedCount",
                        equalTo(1))
                .body("find { it.departement == '2A' && it.month == '" + thisMonth + "' }.reimbursedCents",
                        equalTo(1000)));

        JsonPath api = given().header("Authorization", AGENCY)
                .queryParam("from", "2024-03").queryParam("to", thisMonth)
                .when().get("/agency/totals").then().statusCode(200).extract().jsonPath();
        List<CSVRecord> csv = parse(given().header("Authorization", AGENCY)
                .queryParam("from", "2024-03").queryParam("to", thisMonth)
                .when().get("/agency/totals.csv").then().statusCode(200).extract().asString());
        assertThat(csv).hasSize(api.getList("$").size());
        assertThat(csv.stream().mapToLong(r -> Long.parseLong(r.get("redeemed_cents"))).sum())
                .isEqualTo(api.getList("redeemedCents", Long.class).stream().mapToLong(Long::longValue).sum());
        assertThat(csv.stream().filter(r -> r.get("departement").equals("2A") && r.get("month").equals("2024-04"))
                .findFirst().orElseThrow().get("redeemed_eur")).isEqualTo("20.00");

        given().header("Authorization", AGENCY).queryParam("from", "2024-13").queryParam("to", "2024-12")
                .when().get("/agency/totals").then().statusCode(400).body("code", equalTo("invalid-month"));
        given().header("Authorization", AGENCY).queryParam("from", "2024-05").queryParam("to", "2024-04")
                .when().get("/agency/totals").then().statusCode(400).body("code", equalTo("invalid-period"));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .queryParam("from", "2024-03").queryParam("to", "2024-04")
                .when().get("/agency/totals").then().statusCode(403);
    }

    @Test
    void aPlacesBalance_showsPendingPayableOnStatementPaidAndOwed_andItsStatementsCsvAddsUp() throws Exception {
        ProgrammeFixtures programme = new ProgrammeFixtures(100_000, 1_000, 10, Instant.parse("2024-01-05T10:00:00Z"));
        UUID place = UUID.randomUUID();
        VoucherRedeemed paid = programme.redeem(UUID.randomUUID(), place, "13", Instant.parse("2024-07-02T10:00:00Z"));
        programme.redeem(UUID.randomUUID(), place, "13", Instant.parse("2024-07-20T10:00:00Z"));
        programme.redeem(UUID.randomUUID(), place, "13", Instant.parse("2024-08-02T10:00:00Z"));
        VoucherRedeemed recent = programme.redeem(UUID.randomUUID(), place, "13", Instant.now().minusSeconds(3600));
        await().atMost(Duration.ofSeconds(30)).until(() -> SettlementFixtures.count(
                "select count(*) from payable_redemption where structure_id = ?", place) == 4);
        SettlementFixtures.verifiedAccount(place);
        IncidentFixtures.confirm(run(Instant.parse("2024-07-02T00:00:00Z"), Instant.parse("2024-07-03T00:00:00Z")),
                "SEPA-13");
        run(Instant.parse("2024-08-02T00:00:00Z"), Instant.parse("2024-08-03T00:00:00Z"));
        String incident = IncidentFixtures.openIncident(place, "overpayment", List.of(paid.voucherId()), 300);
        IncidentFixtures.validate(incident);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/structures/" + place + "/balance")
                .then().statusCode(200)
                .body("pendingCents", equalTo((int) recent.faceValueCents()))
                .body("payableCents", equalTo(1000))
                .body("onStatementCents", equalTo(1000))
                .body("paidCents", equalTo(1000))
                .body("owedByPlaceCents", equalTo(300))
                .body("recoverableCents", equalTo(300)));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .when().get("/structures/" + place + "/balance").then().statusCode(403);
        given().header("Authorization", AGENCY)
                .when().get("/structures/" + place + "/balance").then().statusCode(200);

        JsonPath statements = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/structures/" + place + "/statements").then().statusCode(200).extract().jsonPath();
        List<CSVRecord> csv = parse(given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/structures/" + place + "/statements.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString());
        assertThat(csv).hasSize(2);
        assertThat(csv.stream().mapToLong(r -> Long.parseLong(r.get("total_cents"))).sum())
                .isEqualTo(statements.getList("totalCents", Long.class).stream().mapToLong(Long::longValue).sum());
        assertThat(csv.get(0).get("status")).isEqualTo("PAID");
        assertThat(csv.get(0).get("net_eur")).isEqualTo("10.00");
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .when().get("/structures/" + place + "/statements.csv").then().statusCode(403);
    }
}
