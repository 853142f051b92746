package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ProjectionExactlyOnceTest {

    static final String DEAD_LETTERS = "kernel-test.dead-letter.v1";

    @Test
    void theSameEventDeliveredTwice_changesTheProjectionOnce() {
        UUID voucher = UUID.randomUUID();
        KernelApi.extend(voucher, 0, "2027-01-31").then().statusCode(201);
        awaitView(voucher, 1);

        ConsumerRecord<String, String> published = recordsOf(voucher).get(0);
        KafkaTopics.send(Topics.VOUCHERS, published.key(), published.value(), headersOf(published));
        KernelApi.extend(voucher, 1, "2027-02-28").then().statusCode(201);

        // same key, same partition: once the second event is applied, the duplicate before it was seen too
        awaitView(voucher, 2);
        KernelApi.asOperator().get("/test/vouchers/" + voucher).then()
                .body("extensions", equalTo(2)).body("acceptedUntil", equalTo("2027-02-28"));
    }

    @Test
    void aMalformedRecord_goesToTheDeadLetterTopicWithItsReason_andTheNextRecordIsProcessed() {
        UUID voucher = UUID.randomUUID();
        Map<String, String> headers = Map.of(CloudEvents.SPEC_VERSION, "1.0", CloudEvents.ID, UUID.randomUUID().toString(),
                CloudEvents.TYPE, "voucher.validity-extended.v1", CloudEvents.SUBJECT, voucher.toString());
        KafkaTopics.send(Topics.VOUCHERS, voucher.toString(), "{not json", headers);
        KernelApi.extend(voucher, 0, "2027-01-31").then().statusCode(201);

        awaitView(voucher, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KafkaTopics.readAll(DEAD_LETTERS).stream()
                    .filter(r -> voucher.toString().equals(r.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo("{not json");
            assertThat(KafkaTopics.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        });
    }

    @Test
    void aRecordThatFailsOnItsOwn_isDeadLettered_andTheOthersOfItsBatchAreAppliedOnce() {
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        KernelApi.extend(before, 0, "2027-01-31").then().statusCode(201);
        KernelApi.extend(failing, 0, "1999-01-31").then().statusCode(201);
        KernelApi.extend(after, 0, "2027-03-31").then().statusCode(201);

        awaitView(before, 1);
        awaitView(after, 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KafkaTopics.readAll(DEAD_LETTERS).stream()
                    .filter(r -> failing.toString().equals(r.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(KafkaTopics.header(dead.get(0), "dead-letter-reason")).contains("before 2000");
            assertThat(KafkaTopics.header(dead.get(0), CloudEvents.TYPE)).isEqualTo("voucher.validity-extended.v1");
        });
        KernelApi.asOperator().get("/test/vouchers/" + failing).then().statusCode(404);
        KernelApi.asOperator().get("/test/vouchers/" + before).then().body("eventsApplied", equalTo(1));
    }

    @Test
    void aRebuiltProjection_equalsTheLiveOne_andReplayingTheTopicChangesNothing() throws Exception {
        for (int i = 0; i < 5; i++) {
            UUID voucher = UUID.randomUUID();
            for (int version = 0; version <= i % 3; version++) {
                KernelApi.extend(voucher, version, "2027-01-2" + version).then().statusCode(201);
            }
            awaitView(voucher, i % 3 + 1);
        }
        List<String> live = snapshot();

        KernelApi.asOperator().post("/admin/projections/kernel-test.validity/rebuild").then().statusCode(200);
        assertThat(snapshot()).isEqualTo(live);

        KernelApi.asOperator().post("/admin/projections/kernel-test.validity/rebuild").then().statusCode(200);
        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void rebuildingAnUnknownProjection_isNotFound_andOnlyTheOperatorMayRebuild() {
        KernelApi.asOperator().post("/admin/projections/no-such-thing/rebuild").then().statusCode(404)
                .body("code", equalTo("projection-not-found"));
        io.restassured.RestAssured.given()
                .header("Authorization", org.passledger.testkit.TestTokens.bearer("agency", "anct"))
                .post("/admin/projections/kernel-test.validity/rebuild").then().statusCode(403);
    }

    private static void awaitView(UUID voucher, int events) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                KernelApi.asOperator().get("/test/vouchers/" + voucher).then().statusCode(200)
                        .body("eventsApplied", equalTo(events)));
    }

    private static List<ConsumerRecord<String, String>> recordsOf(UUID voucher) {
        return new ArrayList<>(KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .filter(r -> voucher.toString().equals(r.key())).toList());
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static List<String> snapshot() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = LedgerTestResources.database().connect();
             ResultSet result = connection.createStatement().executeQuery(
                     "select voucher_id, extensions, accepted_until, events_applied from validity_view order by voucher_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getInt(2) + "|" + result.getString(3) + "|" + result.getInt(4));
            }
        }
        return rows;
    }
}
