package org.passledger.issuance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.NEXT_YEAR;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.post;
import static org.passledger.issuance.api.IssuanceApi.programmeView;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventEnvelope;
import org.passledger.events.ProgrammeEvent.BooksCancelled;
import org.passledger.events.ProgrammeEvent.BooksConsigned;
import org.passledger.events.ProgrammeEvent.DistributorRegistered;
import org.passledger.events.ProgrammeEvent.ProgrammeValidityExtended;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Distributors, consignments, cancelled books and programme-wide validity are events of the programme's
 * stream: on its topic with CloudEvents headers, and the read models they feed rebuild to the live state.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ProgrammeFactsAsEventsTest {

    @Test
    void distributorConsignmentCancellationAndExtension_arePublishedOnTheProgrammeTopic_withCloudEventsHeaders() {
        UUID funder = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 20_000, 10);
        JsonPath order = placeOrder(funder, programmeId, 2);
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        List<String> books = order.<String>getList("vouchers.bookId").stream().distinct().toList();

        registerDistributor(funder, programmeId, distributor).statusCode(201);
        consign(funder, programmeId, distributor, List.of(books.get(0))).statusCode(201);
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + books.get(1) + "/cancellation",
                Map.of("reason", "lost in the post")).statusCode(200).body("releasedCents", equalTo(10_000));
        consign(funder, programmeId, distributor, List.of(books.get(1))).statusCode(409)
                .body("code", equalTo("book-cancelled"));
        LocalDate validUntil = LocalDate.parse(NEXT_YEAR + 1 + "-01-31");
        LocalDate acceptedUntil = LocalDate.parse(NEXT_YEAR + 1 + "-04-30");
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/validity",
                Map.of("validUntil", validUntil.toString(), "acceptedUntil", acceptedUntil.toString()))
                .statusCode(200);

        await().atMost(patience()).until(() -> KafkaTopics.readAll(Topics.PROGRAMMES).stream()
                .filter(r -> programmeId.toString().equals(r.key())).count() == 7);
        List<EventEnvelope> stream = KafkaTopics.readAll(Topics.PROGRAMMES).stream()
                .filter(r -> programmeId.toString().equals(r.key()))
                .map(ProgrammeFactsAsEventsTest::envelope).toList();
        assertThat(stream).extracting(EventEnvelope::type).containsExactly("programme.opened.v1",
                "programme.books-ordered.v1", "programme.funding-confirmed.v1", "programme.distributor-registered.v1",
                "programme.books-consigned.v1", "programme.books-cancelled.v1", "programme.validity-extended.v1");

        DistributorRegistered registered = (DistributorRegistered) stream.get(3).data();
        assertThat(registered.distributorId()).isEqualTo(distributor);
        assertThat(registered.kind()).isEqualTo("ccas");
        BooksConsigned consigned = (BooksConsigned) stream.get(4).data();
        assertThat(consigned.bookIds()).containsExactly(UUID.fromString(books.get(0)));
        assertThat(consigned.previousDistributorId()).isNull();
        assertThat(consigned.voucherCount()).isEqualTo(10);
        BooksCancelled cancelled = (BooksCancelled) stream.get(5).data();
        assertThat(cancelled.bookIds()).containsExactly(UUID.fromString(books.get(1)));
        assertThat(cancelled.releasedCents()).isEqualTo(10_000);
        assertThat(cancelled.voucherCount()).isEqualTo(10);
        assertThat(cancelled.funderId()).isEqualTo(funder);
        ProgrammeValidityExtended extended = (ProgrammeValidityExtended) stream.get(6).data();
        assertThat(extended.validUntil()).isEqualTo(validUntil);
        assertThat(extended.acceptedUntil()).isEqualTo(acceptedUntil);

        ConsumerRecord<String, String> record = KafkaTopics.readAll(Topics.PROGRAMMES).stream()
                .filter(r -> programmeId.toString().equals(r.key()))
                .filter(r -> "programme.books-cancelled.v1".equals(KafkaTopics.header(r, CloudEvents.TYPE)))
                .findFirst().orElseThrow();
        assertThat(KafkaTopics.header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaTopics.header(record, CloudEvents.SUBJECT)).isEqualTo(programmeId.toString());
        assertThat(KafkaTopics.header(record, CloudEvents.DATA_SCHEMA))
                .isEqualTo("https://pass-ledger.org/schemas/programme.books-cancelled.v1.json");
        assertThat(KafkaTopics.header(record, CloudEvents.STREAM_VERSION)).isEqualTo("6");
        assertThat(KafkaTopics.header(record, CloudEvents.ACTOR)).contains(funder.toString());

        // the budget check folds the release: one book fits again, a second does not
        placeOrder(funder, programmeId, 1);
        IssuanceApi.order(funder, programmeId, 1).statusCode(409).body("code", equalTo("budget-exceeded"));
    }

    @Test
    void rebuildingEachProjection_givesBackTheLiveState() {
        UUID funder = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, 30_000, 10);
        JsonPath order = placeOrder(funder, programmeId, 3);
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        List<String> books = order.<String>getList("vouchers.bookId").stream().distinct().toList();
        registerDistributor(funder, programmeId, distributor).statusCode(201);
        consign(funder, programmeId, distributor, List.of(books.get(0))).statusCode(201);
        IssuanceApi.distribute(distributor, order.getString("vouchers[0].code")).statusCode(201);
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + books.get(2) + "/cancellation",
                Map.of("reason", "damaged")).statusCode(200);
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/validity",
                Map.of("validUntil", NEXT_YEAR + 1 + "-01-31", "acceptedUntil", NEXT_YEAR + 1 + "-04-30"))
                .statusCode(200);
        String code = order.getString("vouchers[0].code");
        String dashboard = "/programmes/" + programmeId + "/dashboard";
        await().atMost(patience()).untilAsserted(() -> {
            programmeView(Roles.FUNDER, funder, programmeId).statusCode(200)
                    .body("cancelled.count", equalTo(10)).body("distributed.count", equalTo(1))
                    .body("validUntil", equalTo(NEXT_YEAR + 1 + "-01-31"));
            get(Roles.FUNDER, funder, dashboard).statusCode(200).body("committedCents", equalTo(20_000));
            IssuanceApi.voucher(Roles.FUNDER, funder, code).statusCode(200).body("status", equalTo("DISTRIBUTED"));
        });
        Map<String, Object> programmeLive = programmeView(Roles.FUNDER, funder, programmeId).extract().jsonPath()
                .getMap("");
        Map<String, Object> dashboardLive = get(Roles.FUNDER, funder, dashboard).extract().jsonPath().getMap("");
        Map<String, Object> voucherLive = IssuanceApi.voucher(Roles.FUNDER, funder, code).extract().jsonPath()
                .getMap("");

        for (String projection : List.of("issuance.voucher-view", "issuance.programme-view")) {
            given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "operator"))
                    .when().post("/admin/projections/" + projection + "/rebuild")
                    .then().statusCode(200).body("projection", equalTo(projection));
        }

        assertThat(withoutUpdatedAt(programmeView(Roles.FUNDER, funder, programmeId).extract().jsonPath()
                .getMap(""))).isEqualTo(withoutUpdatedAt(programmeLive));
        assertThat(get(Roles.FUNDER, funder, dashboard).extract().jsonPath().<String, Object>getMap(""))
                .isEqualTo(dashboardLive);
        assertThat(withoutUpdatedAt(IssuanceApi.voucher(Roles.FUNDER, funder, code).extract().jsonPath().getMap("")))
                .isEqualTo(withoutUpdatedAt(voucherLive));
        assertThat(dashboardLive.get("committedCents")).isEqualTo(20_000);
        assertThat(dashboardLive.get("remainingCents")).isEqualTo(10_000);
    }

    private static Map<String, Object> withoutUpdatedAt(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove("updatedAt");
        return copy;
    }

    private static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return EventEnvelope.fromKafka(headers, record.key(), record.value());
    }
}
