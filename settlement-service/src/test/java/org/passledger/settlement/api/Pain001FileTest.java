package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.api.IncidentFixtures.openIncident;
import static org.passledger.settlement.api.IncidentFixtures.operator;
import static org.passledger.settlement.api.IncidentFixtures.statement;
import static org.passledger.settlement.api.IncidentFixtures.validate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.IncidentFixtures.Issued;
import org.passledger.settlement.sepa.Pain001;
import org.passledger.settlement.sepa.SepaRules;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;
import org.w3c.dom.Document;

/**
 * A payment batch as a bank receives it: several statements, holders whose names carry accents and signs, one
 * transfer net of a clawback; the file is valid against the official ISO 20022 schema and keeps the EPC rules.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class Pain001FileTest {

    @Test
    void aBatchOfSeveralStatements_withAccentedHolders_andAClawback_isAValidSepaFile() throws Exception {
        UUID mediatheque = UUID.randomUUID();
        UUID association = UUID.randomUUID();
        Issued earlier = statement(mediatheque, Instant.now(), 1000);
        verifiedAccount(mediatheque, "Médiathèque d'Aigues-Mortes — Espace numérique");
        verifiedAccount(association, "Association « Connect & vous », Nîmes");
        IncidentFixtures.confirm(earlier.statementId(), "SEPA-EARLIER");
        validate(openIncident(mediatheque, "overpayment", List.of(earlier.voucher(0)), 250));

        Issued clawedBack = statement(mediatheque, Instant.now(), 1000, 1000);
        Issued whole = statement(association, Instant.now(), 1999);
        PaymentBatchApiTest.approve(clawedBack.statementId());
        PaymentBatchApiTest.approve(whole.statementId());
        String batchId = given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("statementIds", List.of(clawedBack.statementId(), whole.statementId())))
                .when().post("/payment-batches")
                .then().statusCode(201)
                .body("transactionCount", equalTo(2))
                .body("controlSumCents", equalTo(2000 - 250 + 1999))
                .extract().path("batchId");

        String xml = given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .when().get("/payment-batches/" + batchId + "/pain.001")
                .then().statusCode(200).extract().asString();
        Pain001.validate(xml); // the official XSD, independently of the service's own check
        assertThat(SepaRules.brokenRules(xml)).isEmpty();
        Document document = Pain001.parse(xml);
        assertThat(Pain001.transactions(document)).extracting(Pain001.Tx::name).containsExactlyInAnyOrder(
                "Mediatheque d'Aigues-Mortes Espace numerique", "Association Connect vous , Nimes");
        assertThat(Pain001.transactions(document)).extracting(Pain001.Tx::amount)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyInAnyOrder(new BigDecimal("17.50"), new BigDecimal("19.99"));
    }

    private static void verifiedAccount(UUID place, String holder) {
        String accountId = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json")
                .body(Map.of("iban", SettlementFixtures.IBAN, "bic", "AGRIFRPPXXX", "holderName", holder))
                .when().put("/structures/" + place + "/payout-account")
                .then().statusCode(201).extract().path("accountId");
        given().header("Authorization", operator()).contentType("application/json").body(Map.of())
                .when().post("/payout-accounts/" + accountId + "/verification")
                .then().statusCode(200);
    }
}
