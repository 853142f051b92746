package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.open;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.order;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.programme;
import static org.passledger.issuance.api.IssuanceApi.programmeView;
import static org.passledger.issuance.api.IssuanceApi.voucher;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RequestValidationAndAccessTest {

    @Test
    void programmeWithBadFields_isRefused_namingEachField() {
        Map<String, Object> body = programme(-5, 7);
        body.put("territory", List.of("30", "99"));
        body.put("feeRateBasisPoints", 10_001);
        body.put("funderType", "bank");
        open(UUID.randomUUID(), body).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("violations.field", hasItems("bookSize", "budgetCents", "territory", "feeRateBasisPoints",
                        "funderType"))
                .body("violations.find { it.field == 'territory' }.message", org.hamcrest.Matchers.containsString("'99'"));
    }

    @Test
    void programmeWhoseVouchersStopBeingAcceptedBeforeTheirValidityEnds_isRefused() {
        Map<String, Object> body = programme(100_000, 10);
        body.put("acceptedUntil", IssuanceApi.NEXT_YEAR + "-12-30");
        open(UUID.randomUUID(), body).statusCode(400).body("code", equalTo("accepted-until-before-valid-until"));
    }

    @Test
    void programmeWithoutOptionalTerms_getsTheSchemesDefaults() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 100_000, 10);
        var order = placeOrder(funder, programmeId, 1);
        assertThat(order.getLong("faceValueCents")).isEqualTo(1000);
        assertThat(order.getLong("feeCents")).isEqualTo(400); // 4 % of 100 EUR
    }

    @Test
    void orderOfNoBooksOrTooMany_isRefused_namingTheField() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 100_000, 10);
        order(funder, programmeId, 0).statusCode(400).body("violations[0].field", equalTo("books"));
        order(funder, programmeId, 1001).statusCode(400).body("violations[0].field", equalTo("books"));
    }

    @Test
    void distributionWithABadPostcode_isRefused_namingTheField() {
        given().header("Authorization", TestTokens.bearer(Roles.DISTRIBUTOR, UUID.randomUUID()))
                .contentType("application/json").body(Map.of("code", "2345-6789-ABCD-EF", "postcode", "3060"))
                .when().post("/vouchers/distributions")
                .then().statusCode(400).body("violations.field", hasItems("postcode"));
    }

    @Test
    void withoutToken_everyOperationAnswers401() {
        given().contentType("application/json").body(programme(100_000, 10))
                .when().post("/programmes").then().statusCode(401).body("code", equalTo("unauthenticated"));
        given().when().get("/programmes/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType("application/json").body(Map.of("code", "2345-6789-ABCD-EF"))
                .when().post("/vouchers/distributions").then().statusCode(401);
    }

    @Test
    void anotherFunder_mayNeitherOrderNorFundNorReadSomeoneElsesProgramme() {
        UUID owner = UUID.randomUUID();
        UUID intruder = UUID.randomUUID();
        UUID programmeId = openProgramme(owner, 100_000, 10);
        order(intruder, programmeId, 1).statusCode(403).body("code", equalTo("forbidden"));
        var placed = placeOrder(owner, programmeId, 1);
        String orderId = placed.getString("orderId");
        fund(Roles.FUNDER, intruder, programmeId, orderId).statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, intruder))
                .when().get("/programmes/" + programmeId + "/orders/" + orderId).then().statusCode(403);

        fund(Roles.FUNDER, owner, programmeId, orderId).statusCode(200);
        String code = placed.getString("vouchers[0].code");
        org.awaitility.Awaitility.await().atMost(IssuanceApi.patience()).untilAsserted(() ->
                voucher(Roles.FUNDER, owner, code).statusCode(200).body("status", equalTo("ACTIVE")));
        voucher(Roles.FUNDER, intruder, code).statusCode(403);
        voucher(Roles.DISTRIBUTOR, UUID.randomUUID(), code).statusCode(403);
        voucher(Roles.STRUCTURE, UUID.randomUUID(), code).statusCode(403);
        programmeView(Roles.FUNDER, intruder, programmeId).statusCode(403);
        programmeView(Roles.FUNDER, owner, programmeId).statusCode(200);
    }

    @Test
    void rolesOtherThanTheOnesNamed_areRefused() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 100_000, 10);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .contentType("application/json").body(programme(100_000, 10))
                .when().post("/programmes").then().statusCode(403);
        order(funder, programmeId, 1).statusCode(201);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .contentType("application/json").body(Map.of("code", "2345-6789-ABCD-EF"))
                .when().post("/vouchers/distributions").then().statusCode(403); // a funder is not a distributor
    }

    @Test
    void unknownProgrammesAndOrders_answer404() {
        UUID funder = UUID.randomUUID();
        order(funder, UUID.randomUUID(), 1).statusCode(404).body("code", equalTo("programme-not-found"));
        UUID programmeId = openProgramme(funder, 100_000, 10);
        fund(Roles.OPERATOR, "operator", programmeId, UUID.randomUUID().toString()).statusCode(404)
                .body("code", equalTo("order-not-found"));
        programmeView(Roles.AGENCY, "anct", UUID.randomUUID()).statusCode(404);
        String neverIssued = org.passledger.issuance.domain.VoucherCode.generate(new java.util.Random(7)).printable();
        voucher(Roles.AGENCY, "anct", neverIssued).statusCode(404).body("code", equalTo("unknown-voucher"));
        voucher(Roles.AGENCY, "anct", "2345-6789-ABCD-EE").statusCode(400).body("code", equalTo("invalid-voucher-code"));
    }
}
