package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.programmeView;
import static org.passledger.issuance.api.IssuanceApi.publish;
import static org.passledger.issuance.api.IssuanceApi.voucher;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.EventEnvelope;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Redemption and settlement publish the rest of a voucher's life; the funder sees it here. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class VoucherLifeAcrossTopicsTest {

    static final String REDEMPTION_SOURCE = "/pass-ledger/redemption-service";
    static final String SETTLEMENT_SOURCE = "/pass-ledger/settlement-service";

    record Distributed(UUID funder, UUID programmeId, UUID voucherId, String code) {
    }

    static Distributed distributedVoucher() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 100_000, 5);
        JsonPath order = placeOrder(funder, programmeId, 1);
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        String code = order.getString("vouchers[0].code");
        UUID distributor = UUID.randomUUID();
        IssuanceApi.stock(funder, programmeId, distributor, order);
        distribute(distributor, code).statusCode(201);
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, funder, code).statusCode(200)
                .body("status", equalTo("DISTRIBUTED")).body("eventsApplied", equalTo(3)));
        return new Distributed(funder, programmeId, UUID.fromString(order.getString("vouchers[0].voucherId")), code);
    }

    @Test
    void redeemedThenReimbursed_movesTheVoucherToReimbursed_andRedeliveriesChangeNothing() throws Exception {
        Distributed v = distributedVoucher();
        UUID structure = UUID.randomUUID();
        UUID redemption = UUID.randomUUID();

        EventEnvelope redeemed = publish(Topics.REDEMPTIONS, new VoucherRedeemed(v.voucherId(), redemption,
                v.programmeId(), v.funder(), structure, "30", "atelier-collectif", 1000, "ATELIER-12", null,
                Instant.now()), REDEMPTION_SOURCE, "structure:" + structure);
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, v.funder(), v.code()).statusCode(200)
                .body("status", equalTo("REDEEMED"))
                .body("structureId", equalTo(structure.toString()))
                .body("redeemedAt", notNullValue())
                .body("eventsApplied", equalTo(4)));

        EventEnvelope reimbursed = publish(Topics.SETTLEMENTS, new VoucherReimbursed(v.voucherId(), redemption,
                UUID.randomUUID(), structure, v.programmeId(), v.funder(), 1000, Instant.now()), SETTLEMENT_SOURCE,
                "settlement-run");
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, v.funder(), v.code()).statusCode(200)
                .body("status", equalTo("REIMBURSED"))
                .body("reimbursedAt", notNullValue())
                .body("eventsApplied", equalTo(5)));
        await().atMost(patience()).untilAsserted(() -> programmeView(Roles.FUNDER, v.funder(), v.programmeId())
                .statusCode(200)
                .body("redeemed.count", equalTo(1)).body("redeemed.amountCents", equalTo(1000))
                .body("reimbursed.count", equalTo(1)).body("reimbursed.amountCents", equalTo(1000)));
        int programmeEventsBefore = programmeView(Roles.FUNDER, v.funder(), v.programmeId()).extract()
                .path("eventsApplied");

        // the same records again, as an at-least-once producer or a rebalance would deliver them
        IssuanceApi.send(Topics.REDEMPTIONS, redeemed);
        IssuanceApi.send(Topics.SETTLEMENTS, reimbursed);
        await().atMost(patience()).until(() -> IssuanceApi.consumedEverything("issuance-service.redemptions",
                Topics.REDEMPTIONS) && IssuanceApi.consumedEverything("issuance-service.settlements", Topics.SETTLEMENTS));

        voucher(Roles.FUNDER, v.funder(), v.code()).statusCode(200)
                .body("status", equalTo("REIMBURSED")).body("eventsApplied", equalTo(5));
        programmeView(Roles.FUNDER, v.funder(), v.programmeId()).statusCode(200)
                .body("redeemed.count", equalTo(1)).body("reimbursed.count", equalTo(1))
                .body("eventsApplied", equalTo(programmeEventsBefore));

        // replaying every topic from the start (duplicates included) rebuilds the same read models
        for (String projection : List.of("issuance.voucher-view", "issuance.programme-view")) {
            given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "operator"))
                    .when().post("/admin/projections/" + projection + "/rebuild")
                    .then().statusCode(200).body("projection", equalTo(projection));
        }
        voucher(Roles.FUNDER, v.funder(), v.code()).statusCode(200)
                .body("status", equalTo("REIMBURSED")).body("structureId", equalTo(structure.toString()))
                .body("eventsApplied", equalTo(5));
        programmeView(Roles.FUNDER, v.funder(), v.programmeId()).statusCode(200)
                .body("issued.count", equalTo(5)).body("activated.count", equalTo(5))
                .body("distributed.count", equalTo(1)).body("redeemed.count", equalTo(1))
                .body("reimbursed.count", equalTo(1)).body("eventsApplied", equalTo(programmeEventsBefore));
    }

    @Test
    void reversedRedemption_returnsTheVoucherToDistributed() {
        Distributed v = distributedVoucher();
        UUID structure = UUID.randomUUID();
        UUID redemption = UUID.randomUUID();
        publish(Topics.REDEMPTIONS, new VoucherRedeemed(v.voucherId(), redemption, v.programmeId(), v.funder(),
                structure, "30", "atelier-collectif", 1000, null, null, Instant.now()), REDEMPTION_SOURCE,
                "structure:" + structure);
        publish(Topics.REDEMPTIONS, new RedemptionReversed(v.voucherId(), redemption, v.programmeId(), v.funder(),
                structure, 1000, "scanned the wrong voucher", "structure:" + structure, Instant.now()),
                REDEMPTION_SOURCE, "structure:" + structure);

        await().atMost(patience()).untilAsserted(() -> voucher(Roles.OPERATOR, "operator", v.code()).statusCode(200)
                .body("status", equalTo("DISTRIBUTED"))
                .body("redeemedAt", nullValue())
                .body("structureId", nullValue())
                .body("eventsApplied", equalTo(5)));
        await().atMost(patience()).untilAsserted(() -> programmeView(Roles.AGENCY, "anct", v.programmeId())
                .statusCode(200).body("redeemed.count", equalTo(0)).body("distributed.count", equalTo(1)));
    }
}
