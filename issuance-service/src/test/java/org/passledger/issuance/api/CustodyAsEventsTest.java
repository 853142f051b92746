package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.distributeBook;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.post;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Custody as voucher.consigned.v1 on each voucher's stream: a hand-out racing a re-consignment is decided by
 * the stream versions (exactly one wins), and the stock and history read models equal the events, also after
 * a rebuild.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class CustodyAsEventsTest {

    final UUID funder = UUID.randomUUID();
    final UUID nimes = UUID.randomUUID();
    final UUID ales = UUID.randomUUID();

    JsonPath fundedBooks(UUID programmeId, int books) {
        JsonPath order = placeOrder(funder, programmeId, books);
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        registerDistributor(funder, programmeId, nimes).statusCode(201);
        registerDistributor(funder, programmeId, ales).statusCode(201);
        return order;
    }

    static List<String> books(JsonPath order) {
        return order.<String>getList("vouchers.bookId").stream().distinct().toList();
    }

    @Test
    void aHandOutRacingAReConsignment_exactlyOneWins_andTheLoserIsToldWhy() throws Exception {
        UUID programmeId = openProgramme(funder, 1_000_000, 5);
        int rounds = 6;
        JsonPath order = fundedBooks(programmeId, rounds);
        List<String> books = books(order);
        consign(funder, programmeId, nimes, books).statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String book = books.get(round);
                String code = order.getString("vouchers[" + round * 5 + "].code");
                boolean wholeBook = round % 2 == 0;
                CountDownLatch start = new CountDownLatch(1);
                Future<ValidatableResponse> handOut = pool.submit(racer(start,
                        () -> wholeBook ? distributeBook(nimes, book) : distribute(nimes, code)));
                Future<ValidatableResponse> moved = pool.submit(racer(start,
                        () -> consign(funder, programmeId, ales, List.of(book))));
                start.countDown();
                int handOutStatus = handOut.get().extract().statusCode();
                int movedStatus = moved.get().extract().statusCode();

                assertThat(List.of(handOutStatus, movedStatus)).as("round " + round).containsOnlyOnce(201);
                if (handOutStatus == 201) {
                    moved.get().body("code", equalTo("book-already-handed-out"));
                    distribute(ales, code).statusCode(403);
                } else {
                    handOut.get().statusCode(403).body("code", equalTo("not-in-your-stock"));
                    distribute(ales, code).statusCode(201);
                }
            }
        } finally {
            pool.shutdown();
        }
        // on every voucher's stream, a hand-out is by whoever held the voucher when it was appended
        List<String> voucherIds = order.getList("vouchers.voucherId");
        await().atMost(patience()).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(Topics.VOUCHERS);
            for (String voucherId : voucherIds) {
                String holder = null;
                for (ConsumerRecord<String, String> r : records) {
                    if (!voucherId.equals(r.key())) {
                        continue;
                    }
                    String type = KafkaTopics.header(r, CloudEvents.TYPE);
                    JsonPath data = JsonPath.from(r.value());
                    if ("voucher.consigned.v1".equals(type)) {
                        holder = data.getString("distributorId");
                    } else if ("voucher.distributed.v1".equals(type)) {
                        assertThat(data.getString("distributorId")).isEqualTo(holder);
                    }
                }
                assertThat(holder).as("holder of " + voucherId).isNotNull();
            }
        });
    }

    static Callable<ValidatableResponse> racer(CountDownLatch start, Callable<ValidatableResponse> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }

    @Test
    void stockAndHistory_equalTheEvents_andARebuildGivesThemBack() {
        UUID programmeId = openProgramme(funder, 1_000_000, 5);
        JsonPath order = fundedBooks(programmeId, 3);
        List<String> books = books(order);
        consign(funder, programmeId, ales, books).statusCode(201);
        consign(funder, programmeId, nimes, books.subList(0, 2)).statusCode(201);
        String handedOut = order.getString("vouchers[1].code");
        distribute(nimes, handedOut).statusCode(201);
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + books.get(1) + "/cancellation",
                Map.of("reason", "damaged")).statusCode(200);

        await().atMost(patience()).untilAsserted(() -> {
            stock(nimes).body("vouchersInStock", equalTo(4)).body("books.size()", equalTo(1))
                    .body("books[0].bookId", equalTo(books.get(0))).body("books[0].handedOut", equalTo(1));
            stock(ales).body("vouchersInStock", equalTo(5)).body("books[0].bookId", equalTo(books.get(2)));
            assertThat(history(handedOut).getList("steps.type")).containsExactly("voucher.issued.v1",
                    "voucher.activated.v1", "voucher.consigned.v1", "voucher.consigned.v1",
                    "voucher.distributed.v1");
        });
        // each read-model row counted each of its voucher's events once
        String voucherId = order.getString("vouchers[1].voucherId");
        String cancelledId = order.getString("vouchers[5].voucherId");
        assertThat(eventsApplied("voucher_holding", voucherId)).isEqualTo(3); // consigned twice, handed out
        assertThat(eventsApplied("voucher_history", voucherId)).isEqualTo(5);
        assertThat(eventsApplied("voucher_holding", cancelledId)).isEqualTo(3); // consigned twice, cancelled
        assertThat(eventsApplied("voucher_history", cancelledId)).isEqualTo(5);

        String nimesStock = stock(nimes).extract().asString();
        String alesStock = stock(ales).extract().asString();
        String history = history(handedOut).prettify();
        for (String projection : List.of("issuance.distributor-stock", "issuance.voucher-history")) {
            given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "operator"))
                    .when().post("/admin/projections/" + projection + "/rebuild")
                    .then().statusCode(200).body("projection", equalTo(projection));
        }
        assertThat(stock(nimes).extract().asString()).isEqualTo(nimesStock);
        assertThat(stock(ales).extract().asString()).isEqualTo(alesStock);
        assertThat(history(handedOut).prettify()).isEqualTo(history);
        assertThat(eventsApplied("voucher_holding", voucherId)).isEqualTo(3);
        assertThat(eventsApplied("voucher_history", voucherId)).isEqualTo(5);
    }

    ValidatableResponse stock(UUID distributor) {
        return get(Roles.DISTRIBUTOR, distributor, "/distributors/" + distributor + "/stock").statusCode(200);
    }

    JsonPath history(String code) {
        return get(Roles.FUNDER, funder, "/vouchers/" + code + "/history").statusCode(200).extract().jsonPath();
    }

    static long eventsApplied(String table, String voucherId) {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement statement = connection.prepareStatement(
                     "select events_applied from " + table + " where voucher_id = cast(? as uuid)")) {
            statement.setString(1, voucherId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
