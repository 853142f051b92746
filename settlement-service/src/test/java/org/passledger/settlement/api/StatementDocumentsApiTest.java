package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.passledger.settlement.api.SettlementFixtures.IBAN;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class StatementDocumentsApiTest {

    @Test
    void aPlace_getsItsStatementAsReadablePdfAndCsv_withTotalsEqualToTheStatement() throws Exception {
        Period period = newPeriod();
        UUID place = UUID.randomUUID();
        List<Redemption> redemptions = List.of(redeem(place, 1000, period.at(Duration.ofHours(9))),
                redeem(place, 999, period.at(Duration.ofHours(10))), redeem(place, 1, period.at(Duration.ofHours(11))));
        await().atMost(Duration.ofSeconds(30)).until(() -> payable(redemptions, false) == 3);
        String operator = TestTokens.bearer(Roles.OPERATOR, "operator-1");
        Map<String, Object> statement = given().header("Authorization", operator).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", "documents-" + period.start()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().jsonPath().getMap("statements[0]");
        String statementId = (String) statement.get("statementId");
        assertThat(statement).containsEntry("totalCents", 2000);
        SettlementFixtures.verifiedAccount(place);
        given().header("Authorization", operator).contentType("application/json")
                .body(Map.of("bankReference", "SEPA-DOCS"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200);
        String placeToken = TestTokens.bearer(Roles.STRUCTURE, place);

        byte[] pdf = given().header("Authorization", placeToken)
                .when().get("/statements/" + statementId + "/statement.pdf")
                .then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains((String) statement.get("statementNumber"))
                    .contains("Total : 20.00 EUR (3 ligne(s))")
                    .contains("Statut : PAID")
                    .contains("SEPA-DOCS")
                    .contains(IBAN);
            redemptions.forEach(r -> assertThat(text).contains(r.voucherId().toString()));
        }

        String csv = given().header("Authorization", placeToken)
                .when().get("/statements/" + statementId + "/statement.csv")
                .then().statusCode(200).contentType("text/csv")
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("amount_cents"))).sum()).isEqualTo(2000);
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("amount_eur"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20.00");
        assertThat(rows).extracting(r -> r.get("redemption_event_id")).containsExactlyInAnyOrderElementsOf(
                redemptions.stream().map(r -> r.eventId().toString()).toList());

        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .when().get("/statements/" + statementId + "/statement.pdf")
                .then().statusCode(403);
        given().header("Authorization", operator)
                .when().get("/statements/" + UUID.randomUUID() + "/statement.csv")
                .then().statusCode(404);
    }
}
