package org.passledger.issuance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.distributeBook;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/** Distributors registered by the funder, books consigned to their stock, handed out from it once. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class DistributionTest {

    final UUID funder = UUID.randomUUID();
    final UUID nimes = UUID.randomUUID();
    final UUID ales = UUID.randomUUID();

    JsonPath fundedOrder(UUID programmeId, int books) {
        JsonPath order = placeOrder(funder, programmeId, books);
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        return order;
    }

    static List<String> books(JsonPath order) {
        return order.<String>getList("vouchers.bookId").stream().distinct().toList();
    }

    @Test
    void aDistributor_handsOutOnlyVouchersInItsOwnStock_eachOnce() {
        UUID programmeId = openProgramme(funder, 1_000_000, 5);
        JsonPath order = fundedOrder(programmeId, 2);
        List<String> books = books(order);
        String firstCode = order.getString("vouchers[0].code");
        String secondBookCode = order.getString("vouchers[5].code");

        consign(funder, programmeId, nimes, List.of(books.get(0))).statusCode(409)
                .body("code", equalTo("distributor-not-registered"));
        registerDistributor(funder, programmeId, nimes).statusCode(201).body("kind", equalTo("ccas"));
        registerDistributor(funder, programmeId, nimes).statusCode(409)
                .body("code", equalTo("distributor-already-registered"));
        registerDistributor(funder, programmeId, ales).statusCode(201);
        consign(funder, programmeId, nimes, List.of(books.get(0))).statusCode(201).body("vouchers", equalTo(5));
        consign(funder, programmeId, ales, List.of(books.get(1))).statusCode(201);
        consign(funder, programmeId, nimes, List.of(UUID.randomUUID().toString())).statusCode(404);

        distribute(ales, firstCode).statusCode(403).body("code", equalTo("not-in-your-stock"));
        distribute(nimes, firstCode).statusCode(201).body("beneficiaryRef", startsWith("BEN-"));
        distribute(nimes, firstCode).statusCode(409).body("code", equalTo("voucher-already-distributed"));
        distribute(nimes, secondBookCode).statusCode(403).body("code", equalTo("not-in-your-stock"));

        // a book partly handed out stays where it is
        consign(funder, programmeId, ales, List.of(books.get(0))).statusCode(409)
                .body("code", equalTo("book-already-handed-out"));
        // an untouched book may move on to another registered distributor
        consign(funder, programmeId, nimes, List.of(books.get(1))).statusCode(201);
        distribute(nimes, secondBookCode).statusCode(201);

        await().atMost(patience()).untilAsserted(() -> get(Roles.DISTRIBUTOR, nimes,
                        "/distributors/" + nimes + "/stock").statusCode(200)
                .body("vouchersInStock", equalTo(8))
                .body("books.find { it.bookId == '" + books.get(0) + "' }.handedOut", equalTo(1))
                .body("books.find { it.bookId == '" + books.get(0) + "' }.inStock", equalTo(4)));
        await().atMost(patience()).untilAsserted(() -> get(Roles.DISTRIBUTOR, ales,
                        "/distributors/" + ales + "/stock").statusCode(200)
                .body("vouchersInStock", equalTo(0)));
    }

    @Test
    void aWholeBook_goesToOneBeneficiary_once_andOnlyFromItsHoldersStock() {
        UUID programmeId = openProgramme(funder, 1_000_000, 10);
        JsonPath order = fundedOrder(programmeId, 2);
        List<String> books = books(order);
        registerDistributor(funder, programmeId, nimes).statusCode(201);
        consign(funder, programmeId, nimes, books).statusCode(201).body("vouchers", equalTo(20));

        distributeBook(ales, books.get(0)).statusCode(403).body("code", equalTo("not-in-your-stock"));
        JsonPath handed = distributeBook(nimes, books.get(0)).statusCode(201).extract().jsonPath();
        assertThat(handed.<String>getList("voucherIds")).hasSize(10)
                .containsExactlyInAnyOrderElementsOf(order.<String>getList("vouchers.voucherId").subList(0, 10));
        distributeBook(nimes, books.get(0)).statusCode(409).body("code", equalTo("book-already-handed-out"));
        distribute(nimes, order.getString("vouchers[3].code")).statusCode(409)
                .body("code", equalTo("voucher-already-distributed"));
        distribute(nimes, order.getString("vouchers[10].code")).statusCode(201);
        distributeBook(nimes, books.get(1)).statusCode(409).body("code", equalTo("book-already-handed-out"));
        distributeBook(nimes, UUID.randomUUID().toString()).statusCode(409).body("code", equalTo("book-not-in-stock"));

        String beneficiary = handed.getString("beneficiaryRef");
        var records = KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .filter(r -> "voucher.distributed.v1".equals(KafkaTopics.header(r, CloudEvents.TYPE)))
                .filter(r -> r.value().contains(beneficiary)).toList();
        assertThat(records).hasSize(10);
        assertThat(new HashSet<>(records.stream().map(r -> r.key()).toList())).hasSize(10);
    }

    @Test
    void unfundedVouchers_areNotHandedOut_evenFromStock() {
        UUID programmeId = openProgramme(funder, 1_000_000, 5);
        JsonPath order = placeOrder(funder, programmeId, 1);
        registerDistributor(funder, programmeId, nimes).statusCode(201);
        consign(funder, programmeId, nimes, books(order)).statusCode(201);
        distribute(nimes, order.getString("vouchers[0].code")).statusCode(409)
                .body("code", equalTo("voucher-not-activated"));
        distributeBook(nimes, books(order).get(0)).statusCode(409).body("code", equalTo("voucher-not-activated"));
    }

    @Test
    void voucherHistory_tellsItsFunderDistributorAndTheAgency_theWholeStory() {
        UUID programmeId = openProgramme(funder, 1_000_000, 5);
        JsonPath order = fundedOrder(programmeId, 1);
        registerDistributor(funder, programmeId, nimes).statusCode(201);
        registerDistributor(funder, programmeId, ales).statusCode(201);
        consign(funder, programmeId, ales, books(order)).statusCode(201);
        consign(funder, programmeId, nimes, books(order)).statusCode(201);
        String code = order.getString("vouchers[2].code");
        distribute(nimes, code).statusCode(201);

        for (var reader : List.of(new Object[] {Roles.FUNDER, funder}, new Object[] {Roles.DISTRIBUTOR, nimes},
                new Object[] {Roles.DISTRIBUTOR, ales}, new Object[] {Roles.AGENCY, "anct"})) {
            await().atMost(patience()).untilAsserted(() -> {
                JsonPath history = get((String) reader[0], reader[1], "/vouchers/" + code + "/history")
                        .statusCode(200)
                        .body("funderId", equalTo(funder.toString()))
                        .body("heldBy", equalTo(nimes.toString()))
                        .extract().jsonPath();
                assertThat(history.<String>getList("steps.type")).containsExactly("voucher.issued.v1",
                        "voucher.activated.v1", "voucher.consigned.v1", "voucher.consigned.v1",
                        "voucher.distributed.v1");
                assertThat(history.<String>getList("steps.party")).contains(ales.toString(), nimes.toString());
            });
        }
        get(Roles.DISTRIBUTOR, UUID.randomUUID(), "/vouchers/" + code + "/history").statusCode(403);
        get(Roles.FUNDER, UUID.randomUUID(), "/vouchers/" + code + "/history").statusCode(403);
        get(Roles.STRUCTURE, UUID.randomUUID(), "/vouchers/" + code + "/history").statusCode(403);
        await().atMost(patience()).untilAsserted(() -> get(Roles.FUNDER, funder, "/vouchers/" + code + "/history")
                .body("status", equalTo("DISTRIBUTED")).body("steps.type", hasItem("voucher.distributed.v1")));
    }
}
