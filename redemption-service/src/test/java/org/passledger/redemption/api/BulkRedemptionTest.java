package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.passledger.redemption.api.Redeeming.body;

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

/** POST /redemptions/bulk: one result per line, good lines not blocked by bad ones, idempotent per line. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class BulkRedemptionTest {

    @Inject
    Clock clock;

    LedgerFixtures ledger;

    @BeforeEach
    void fixtures() {
        ledger = new LedgerFixtures(clock);
    }

    static ValidatableResponse upload(UUID place, String key, Object lines) {
        return given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .header("Idempotency-Key", key)
                .contentType("application/json").body(lines)
                .when().post("/redemptions/bulk")
                .then();
    }

    @Test
    void mixedGoodAndBadLines_eachGetItsOwnResult_andTheGoodOnesAreRedeemed() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher first = ledger.distributedVoucher();
        TestVoucher second = ledger.distributedVoucher();
        TestVoucher notDistributed = ledger.voucher(List.of("30"), List.of("atelier-collectif"), true, false);
        List<Map<String, Object>> lines = List.of(
                body(first.code(), "atelier-collectif"),
                body("PN00-0000-0009", "atelier-collectif"),
                body(first.code(), "atelier-collectif"),
                body(notDistributed.code(), "atelier-collectif"),
                body("PN/bad", "atelier-collectif"),
                body(second.code(), "accompagnement-individuel"));
        String key = UUID.randomUUID().toString();
        LedgerFixtures.awaitIssuanceCaughtUp();

        ValidatableResponse answer = upload(place, key, lines).statusCode(200)
                .body("redeemed", equalTo(2)).body("refused", equalTo(4))
                .body("lines", hasSize(6))
                .body("lines[0].outcome", equalTo("redeemed"))
                .body("lines[0].redemption.voucherId", equalTo(first.voucherId().toString()))
                .body("lines[1].code", equalTo("unknown-voucher"))
                .body("lines[2].code", equalTo("voucher-already-redeemed"))
                .body("lines[3].code", equalTo("voucher-not-distributed"))
                .body("lines[4].code", equalTo("validation-failed"))
                .body("lines[4].redemption", nullValue())
                .body("lines[5].outcome", equalTo("redeemed"))
                .body("lines[5].redemption.service", equalTo("accompagnement-individuel"));
        String firstRedemption = answer.extract().path("lines[0].redemption.redemptionId");

        // the same upload sent again (say the connection dropped): nothing is redeemed twice
        upload(place, key, lines).statusCode(200)
                .body("redeemed", equalTo(2))
                .body("lines[0].redemption.redemptionId", equalTo(firstRedemption))
                .body("lines[2].code", equalTo("voucher-already-redeemed"));
        assertThat(LedgerFixtures.storedEvents(first.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
        assertThat(LedgerFixtures.storedEvents(second.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
        assertThat(LedgerFixtures.storedEvents(notDistributed.voucherId(), "voucher.redeemed.v1")).isZero();
    }

    @Test
    void aCsvUpload_isRedeemedLineByLine() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        String csv = "code,service,sessionReference,staffMember\n"
                + LedgerFixtures.typed(voucher.code()) + ",atelier-collectif,ATELIER-1,c.martin\n"
                + voucher.code() + ",atelier-collectif,,\n";
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("text/csv").body(csv)
                .when().post("/redemptions/bulk/csv")
                .then().statusCode(200)
                .body("redeemed", equalTo(1))
                .body("lines[0].redemption.structureId", equalTo(place.toString()))
                .body("lines[1].code", equalTo("voucher-already-redeemed"));
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);

        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("text/csv").body("voucher;service\nX;Y\n")
                .when().post("/redemptions/bulk/csv")
                .then().statusCode(400).body("code", equalTo("malformed-csv"));
    }

    @Test
    void anUpload_needsAKey_andAtMost500Lines() {
        UUID place = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json").body(List.of(body("PN7K3Q9X2MHD", "atelier-collectif")))
                .when().post("/redemptions/bulk")
                .then().statusCode(400).body("code", equalTo("idempotency-key-required"));
        List<Map<String, Object>> tooMany = java.util.Collections.nCopies(501, body("PN7K3Q9X2MHD", "x"));
        upload(place, UUID.randomUUID().toString(), tooMany).statusCode(400).body("code", equalTo("too-many-lines"));
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, place))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(List.of(body("PN7K3Q9X2MHD", "atelier-collectif")))
                .when().post("/redemptions/bulk")
                .then().statusCode(403);
    }
}
