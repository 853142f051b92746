package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** POST /redemptions/validations: the same rules as a redemption, and nothing written. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ValidationTest {

    static final List<String> GARD = List.of("30");
    static final List<String> WORKSHOPS = List.of("atelier-collectif");

    @Inject
    Clock clock;

    LedgerFixtures ledger;

    @BeforeEach
    void fixtures() {
        ledger = new LedgerFixtures(clock);
    }

    static ValidatableResponse validate(UUID place, String code, String service) {
        return given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json").body(Map.of("code", code, "service", service))
                .when().post("/redemptions/validations")
                .then();
    }

    @Test
    void aRedeemableVoucher_isOk_withItsValue_andStaysRedeemable() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        validate(place, LedgerFixtures.typed(voucher.code()), "atelier-collectif").statusCode(200)
                .body("redeemable", equalTo(true)).body("code", equalTo("ok")).body("amountCents", equalTo(1000));
        validate(place, voucher.code(), "atelier-collectif").statusCode(200).body("redeemable", equalTo(true));

        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isZero();
        redeem(place, voucher.code(), "atelier-collectif").statusCode(201);
        validate(place, voucher.code(), "atelier-collectif").statusCode(200)
                .body("redeemable", equalTo(false)).body("code", equalTo("voucher-already-redeemed"));
    }

    @Test
    void eachRefusal_isAnsweredWithItsCode() {
        UUID gard = ledger.labelledPlace();
        UUID herault = ledger.labelledPlace("34", "34000");
        assertRefused(gard, ledger.voucher(GARD, WORKSHOPS, false, false).code(), "atelier-collectif",
                "voucher-not-activated");
        assertRefused(gard, ledger.voucher(GARD, WORKSHOPS, true, false).code(), "atelier-collectif",
                "voucher-not-distributed");
        TestVoucher expired = ledger.distributedVoucher();
        ledger.expire(expired);
        assertRefused(gard, expired.code(), "atelier-collectif", "voucher-expired");
        assertRefused(herault, ledger.voucher(GARD, WORKSHOPS, true, true).code(), "atelier-collectif",
                "outside-territory");
        assertRefused(gard, ledger.voucher(GARD, WORKSHOPS, true, true).code(), "accompagnement-individuel",
                "service-not-allowed");
        assertRefused(UUID.randomUUID(), ledger.distributedVoucher().code(), "atelier-collectif",
                "structure-not-labelled");
        LedgerFixtures.awaitIssuanceCaughtUp();
        assertRefused(gard, "PN00-0000-0001", "atelier-collectif", "unknown-voucher");
    }

    @Test
    void validation_requiresTheStructureRole_andValidFields() {
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .contentType("application/json").body(Map.of("code", "PN7K3Q9X2MHD", "service", "atelier-collectif"))
                .when().post("/redemptions/validations").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .contentType("application/json").body(Map.of("code", "PN/7K", "service", "atelier-collectif"))
                .when().post("/redemptions/validations").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
    }

    private static void assertRefused(UUID place, String code, String service, String refusal) {
        validate(place, code, service).statusCode(200)
                .body("redeemable", equalTo(false))
                .body("code", equalTo(refusal))
                .body("amountCents", nullValue());
    }
}
