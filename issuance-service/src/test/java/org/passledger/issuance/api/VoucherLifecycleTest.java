package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.programmeView;
import static org.passledger.issuance.api.IssuanceApi.voucher;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventJson;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class VoucherLifecycleTest {

    @Test
    void openOrderFundDistribute_carriesAVoucherToDistributed_inTheReadModelsAndOnTheTopics() {
        UUID funder = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 5_000_000, 5);

        JsonPath order = placeOrder(funder, programmeId, 2);
        assertThat(order.getInt("voucherCount")).isEqualTo(10);
        assertThat(order.getLong("amountCents")).isEqualTo(10_000);
        assertThat(order.getLong("feeCents")).isEqualTo(400);
        List<String> codes = order.getList("vouchers.code");
        assertThat(codes).hasSize(10).allMatch(VoucherCode::isValid).doesNotHaveDuplicates();
        assertThat(new HashSet<>(order.<String>getList("vouchers.bookId"))).hasSize(2);
        assertThat(order.<Integer>getList("vouchers.positionInBook")).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
        String orderId = order.getString("orderId");
        String voucherId = order.getString("vouchers[0].voucherId");
        String code = codes.get(0);

        fund(Roles.FUNDER, funder, programmeId, orderId).statusCode(200)
                .body("vouchersActivated", equalTo(10)).body("amountCents", equalTo(10_400));
        fund(Roles.OPERATOR, "operator", programmeId, orderId).statusCode(409)
                .body("code", equalTo("order-already-funded"));

        IssuanceApi.stock(funder, programmeId, distributor, order);
        distribute(distributor, code.toLowerCase().replace("-", " ")).statusCode(201)
                .body("voucherId", equalTo(voucherId))
                .body("beneficiaryRef", startsWith("BEN-"));
        distribute(distributor, code).statusCode(409).body("code", equalTo("voucher-already-distributed"));
        distribute(UUID.randomUUID(), codes.get(1)).statusCode(403); // another distributor's stock

        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, funder, code).statusCode(200)
                .body("voucherId", equalTo(voucherId))
                .body("status", equalTo("DISTRIBUTED"))
                .body("distributedTo", equalTo(distributor.toString()))
                .body("faceValueCents", equalTo(1000))
                .body("eventsApplied", equalTo(3)));
        await().atMost(patience()).untilAsserted(() -> programmeView(Roles.FUNDER, funder, programmeId).statusCode(200)
                .body("committedCents", equalTo(10_000))
                .body("remainingCents", equalTo(4_990_000))
                .body("fundedCents", equalTo(10_400))
                .body("feesCents", equalTo(400))
                .body("issued.count", equalTo(10)).body("issued.amountCents", equalTo(10_000))
                .body("activated.count", equalTo(10))
                .body("distributed.count", equalTo(1)).body("distributed.amountCents", equalTo(1_000))
                .body("redeemed.count", equalTo(0))
                // opened + ordered + funded + distributor registered + books consigned + 10 issued
                // + 10 activated + 1 distributed
                .body("eventsApplied", equalTo(26)));
        voucher(Roles.AGENCY, "anct", codes.get(1)).statusCode(200).body("status", equalTo("ACTIVE"));
        programmeView(Roles.OPERATOR, "operator", programmeId).statusCode(200).body("name", startsWith("Pass Numérique"));

        var voucherRecords = KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .filter(r -> voucherId.equals(r.key())).toList();
        assertThat(voucherRecords).extracting(r -> KafkaTopics.header(r, CloudEvents.TYPE))
                .containsExactly("voucher.issued.v1", "voucher.activated.v1", "voucher.consigned.v1",
                        "voucher.distributed.v1");
        assertThat(voucherRecords).extracting(r -> KafkaTopics.header(r, CloudEvents.STREAM_VERSION))
                .containsExactly("1", "2", "3", "4");
        assertThat(voucherRecords).allSatisfy(r -> {
            assertThat(KafkaTopics.header(r, CloudEvents.SOURCE)).isEqualTo("/pass-ledger/issuance-service");
            assertThat(KafkaTopics.header(r, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(KafkaTopics.header(r, CloudEvents.SUBJECT)).isEqualTo(voucherId);
            assertThat(r.value()).doesNotContain(VoucherCode.normalise(code));
        });
        var issued = (VoucherIssued) EventJson.read("voucher.issued.v1", voucherRecords.get(0).value());
        assertThat(issued.codeHash()).isEqualTo(VoucherCode.hash(VoucherCode.normalise(code)));
        assertThat(issued.programmeId()).isEqualTo(programmeId);

        var programmeRecords = KafkaTopics.readAll(Topics.PROGRAMMES).stream()
                .filter(r -> programmeId.toString().equals(r.key())).toList();
        assertThat(programmeRecords).extracting(r -> KafkaTopics.header(r, CloudEvents.TYPE)).containsExactly(
                "programme.opened.v1", "programme.books-ordered.v1", "programme.funding-confirmed.v1",
                "programme.distributor-registered.v1", "programme.books-consigned.v1");
        assertThat(KafkaTopics.header(programmeRecords.get(1), CloudEvents.ACTOR)).isEqualTo("funder:" + funder);
    }

    @Test
    void distribution_isRefused_untilTheOrderIsFunded_andForCodesNoOneIssued() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 100_000, 10);
        JsonPath order = placeOrder(funder, programmeId, 1);
        String code = order.getString("vouchers[3].code");

        UUID distributor = UUID.randomUUID();
        distribute(distributor, code).statusCode(409).body("code", equalTo("voucher-not-in-stock"));
        IssuanceApi.stock(funder, programmeId, distributor, order);
        distribute(distributor, code).statusCode(409).body("code", equalTo("voucher-not-activated"));
        String unknown = VoucherCode.generate(new java.util.Random(99)).printable();
        distribute(UUID.randomUUID(), unknown).statusCode(404).body("code", equalTo("unknown-voucher"));
        String mistyped = code.substring(0, 3) + (code.charAt(3) == 'A' ? 'B' : 'A') + code.substring(4);
        distribute(UUID.randomUUID(), mistyped).statusCode(400).body("code", equalTo("invalid-voucher-code"));

        fund(Roles.OPERATOR, "operator", programmeId, order.getString("orderId")).statusCode(200);
        distribute(distributor, code).statusCode(201);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get("/programmes/" + programmeId + "/orders/" + order.getString("orderId"))
                .then().statusCode(200).body("funded", equalTo(true)).body("voucherCount", equalTo(10));
    }

    @Test
    void orderRepeatedWithTheSameIdempotencyKey_printsOnce_andAnswersTheSameCodes() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 100_000, 10);
        var first = given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .header("Idempotency-Key", "order-" + programmeId).contentType("application/json")
                .body(Map.of("books", 6)).when().post("/programmes/" + programmeId + "/orders")
                .then().statusCode(201).extract();
        var again = given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .header("Idempotency-Key", "order-" + programmeId).contentType("application/json")
                .body(Map.of("books", 6)).when().post("/programmes/" + programmeId + "/orders")
                .then().statusCode(201).header("Idempotency-Replayed", "true").extract();
        assertThat(again.jsonPath().getString("orderId")).isEqualTo(first.jsonPath().getString("orderId"));
        assertThat(again.jsonPath().getList("vouchers.code")).isEqualTo(first.jsonPath().getList("vouchers.code"));
        // 6 books of 100 EUR fit the 1,000 EUR budget once, not twice: the second answer was a replay
        IssuanceApi.order(funder, programmeId, 4).statusCode(201);
        IssuanceApi.order(funder, programmeId, 1).statusCode(409).body("code", equalTo("budget-exceeded"))
                .body("remainingCents", equalTo(0));
    }
}
