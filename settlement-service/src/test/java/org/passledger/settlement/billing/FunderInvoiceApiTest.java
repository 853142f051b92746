package org.passledger.settlement.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.billing.BillingFixtures.count;
import static org.passledger.settlement.billing.BillingFixtures.operator;
import static org.passledger.settlement.billing.BillingFixtures.parse;
import static org.passledger.settlement.billing.BillingFixtures.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Orders of this class are dated 2033 (rules of its own) and 2030 (no rule at all): no other test uses them. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class FunderInvoiceApiTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static BooksOrdered order(UUID programme, UUID funder, long faceCents, long quotedFee, Instant at) {
        return new BooksOrdered(programme, UUID.randomUUID(), funder, 1, 1, 1, faceCents, faceCents, quotedFee, at);
    }

    static boolean applied(String projection, UUID eventId) {
        return count("select count(*) from inbox where projection = ? and event_id = cast(? as uuid)", projection,
                eventId.toString()) == 1;
    }

    @Test
    void eachOrderIsInvoicedOnce_byTheRuleInForceOnItsParisDay_programmeBeforeDefault_elseTheQuote() {
        UUID funder = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        UUID unruled = UUID.randomUUID();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        FeeRuleApiTest.publish(FeeRuleApiTest.rule("default-2033-" + suffix, null, 250, "2033-01-01", "2033-12-31"))
                .statusCode(201);
        FeeRuleApiTest.publish(FeeRuleApiTest.rule("march-2033-" + suffix, programme, 400, "2033-03-01", "2033-03-31"))
                .statusCode(201);

        // 23:30 on 31 March in Paris: the programme's March rule; 00:30 on 1 April: the default
        BooksOrdered lastOfMarch = order(programme, funder, 12_345, 999, Instant.parse("2033-03-31T21:30:00Z"));
        BooksOrdered firstOfApril = order(programme, funder, 10_000, 999, Instant.parse("2033-03-31T22:30:00Z"));
        BooksOrdered quoted = order(unruled, funder, 20_000, 777, Instant.parse("2030-05-01T10:00:00Z"));
        publish(lastOfMarch, lastOfMarch.orderedAt());
        UUID aprilEvent = publish(firstOfApril, firstOfApril.orderedAt());
        publish(quoted, quoted.orderedAt());
        // a replay of an order (new event id) and a redelivery (same event id) invoice nothing more
        UUID replay = publish(lastOfMarch, lastOfMarch.orderedAt());
        publish(firstOfApril, firstOfApril.orderedAt(), aprilEvent);
        await().atMost(PATIENCE).until(() -> applied(FunderInvoicingProjection.NAME, replay)
                && count("select count(*) from funder_invoice_view where funder_id = cast(? as uuid)",
                funder.toString()) == 3);
        assertThat(count("select count(*) from events where type = 'settlement.funder-invoiced.v1' "
                + "and payload ->> 'funderId' = ?", funder.toString())).isEqualTo(3);

        JsonPath invoices = given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get("/funders/" + funder + "/invoices")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> march = invoiceOf(invoices, lastOfMarch.orderId());
        assertThat(march).containsEntry("feeRuleId", "march-2033-" + suffix).containsEntry("faceValueCents", 12_345)
                .containsEntry("feeCents", 494).containsEntry("totalCents", 12_839)
                .containsEntry("invoiceId", FunderInvoices.invoiceIdOf(lastOfMarch.orderId()).toString());
        assertThat(invoiceOf(invoices, firstOfApril.orderId())).containsEntry("feeRuleId", "default-2033-" + suffix)
                .containsEntry("feeCents", 250).containsEntry("totalCents", 10_250);
        assertThat(invoiceOf(invoices, quoted.orderId())).containsEntry("feeRuleId", "programme-quote")
                .containsEntry("feeCents", 777).containsEntry("totalCents", 20_777);

        // the ledger books each invoice on the funder's account; a funding pays one of them
        publish(new FundingConfirmed(programme, lastOfMarch.orderId(), funder, "VIR-2033-1", 12_839,
                Instant.parse("2033-04-02T09:00:00Z")), Instant.parse("2033-04-02T09:00:00Z"));
        await().atMost(PATIENCE).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get("/funders/" + funder + "/balance")
                .then().statusCode(200)
                .body("invoicedCents", equalTo(43_866)).body("paidCents", equalTo(12_839))
                .body("creditedCents", equalTo(0)).body("reimbursedCents", equalTo(0))
                .body("balanceCents", equalTo(31_027)));

        String csv = given().header("Authorization", operator()).when().get("/funders/" + funder + "/invoices.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("total_cents"))).sum()).isEqualTo(43_866);
        assertThat(rows.stream().filter(r -> r.get("fee_rule_id").equals("programme-quote")).findFirst().orElseThrow()
                .get("total_eur")).isEqualTo("207.77");
    }

    @Test
    void invoiceNumbers_runWithoutGaps() {
        UUID funder = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            BooksOrdered o = order(programme, funder, 1_000 + i, 10, Instant.parse("2030-06-01T10:00:00Z"));
            publish(o, o.orderedAt());
        }
        await().atMost(PATIENCE).until(() -> count(
                "select count(*) from funder_invoice_view where funder_id = cast(? as uuid)", funder.toString()) == 4);
        List<String> numbers = BillingFixtures.strings("""
                select payload ->> 'invoiceNumber' from events where type = 'settlement.funder-invoiced.v1'
                order by 1""");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            expected.add(numbers.get(0).substring(0, 9) + String.format("%06d", i + 1));
        }
        assertThat(numbers).isEqualTo(expected);
    }

    @Test
    void aFunderSeesOnlyItsOwn_theAgencyAny_andAPlaceNone() {
        UUID funder = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/funders/" + funder + "/invoices").then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/funders/" + funder + "/balance").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/funders/" + funder + "/invoices.csv").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, funder))
                .when().get("/funders/" + funder + "/invoices").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "agency-1"))
                .when().get("/funders/" + funder + "/invoices").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get("/funders/" + funder + "/balance").then().statusCode(200).body("balanceCents", equalTo(0));
    }

    static Map<String, Object> invoiceOf(JsonPath invoices, UUID orderId) {
        List<Map<String, Object>> all = invoices.getList("");
        return all.stream().filter(i -> orderId.toString().equals(i.get("orderId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no invoice for order " + orderId + " in " + all));
    }
}
