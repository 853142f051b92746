package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** A place can never redeem as, reverse for, or read the redemptions of another place. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ObjectLevelAuthorisationTest {

    @Inject
    Clock clock;

    @Test
    void aPlaceNamingAnotherPlaceInTheBody_stillRedeemsAsItself() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID mine = ledger.labelledPlace();
        UUID other = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        Map<String, Object> body = Redeeming.body(voucher.code(), "atelier-collectif");
        body.put("structureId", other.toString());
        String id = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, mine))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body)
                .when().post("/redemptions")
                .then().statusCode(201).body("structureId", equalTo(mine.toString()))
                .extract().path("redemptionId");
        LedgerFixtures.awaitRedemptionView(id, 1);

        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/redemptions/" + id).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/structures/" + mine + "/redemptions").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, other))
                .when().get("/structures/" + mine + "/redemptions/pending-reimbursement").then().statusCode(403);
        RedemptionReversalTest.reverse(Roles.STRUCTURE, other, id, "not mine").statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, mine))
                .when().get("/redemptions/" + id).then().statusCode(200).body("reversed", equalTo(false));
    }
}
