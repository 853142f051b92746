package org.passledger.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventJson;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.metrics.LedgerMetrics;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.PrometheusScrape;

/** What an operator reads at /q/metrics after some work: the kernel's series, with values that follow the work. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class OperationalMetricsTest {

    static final long RELAY_LOCK = 0x5041_5353_4c45_4447L; // OutboxRelay's lock
    static final Map<String, String> VALIDITY = Map.of("channel", "test-vouchers", "projection", "kernel-test.validity");
    static final Map<String, String> CHANNEL = Map.of("channel", "test-vouchers", "topic", "issuance.voucher-events.v1",
            "group", "kernel-test.projections");

    @Test
    void appliedEvents_refusals_deadLetters_lagAndOutbox_areCounted() {
        PrometheusScrape before = scrape();
        UUID good = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        KernelApi.extend(good, 0, "2027-01-31").then().statusCode(201);
        KernelApi.extend(good, 1, "2027-02-28").then().statusCode(201);
        KernelApi.extend(poison, 0, "1999-01-31").then().statusCode(201); // the projection refuses it: a dead letter
        String conflict = KernelApi.extend(good, 0, "2027-03-31").then().statusCode(409).extract().path("code");
        KernelApi.asOperator().body("{\"validUntil\": 7").post("/test/vouchers/" + good + "/extensions")
                .then().statusCode(400).body("code", equalTo("malformed-json"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                KernelApi.asOperator().get("/test/vouchers/" + good).then().statusCode(200).body("eventsApplied", equalTo(2)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.sum("ledger_projection_events_applied_total", VALIDITY)
                    - before.sum("ledger_projection_events_applied_total", VALIDITY)).isGreaterThanOrEqualTo(2);
            assertThat(after.sum("ledger_projection_dead_letters_total", Map.of("channel", "test-vouchers"))
                    - before.sum("ledger_projection_dead_letters_total", Map.of("channel", "test-vouchers"))).isEqualTo(1);
            assertThat(after.sum("ledger_problems_total", Map.of("code", conflict, "status", "409"))
                    - before.sum("ledger_problems_total", Map.of("code", conflict, "status", "409"))).isEqualTo(1);
            assertThat(after.sum("ledger_problems_total", Map.of("code", "malformed-json", "status", "400"))
                    - before.sum("ledger_problems_total", Map.of("code", "malformed-json", "status", "400"))).isEqualTo(1);
            // everything published and applied: the outbox is empty, and the consumer group has committed it all
            assertThat(after.value("ledger_outbox_depth", Map.of())).isZero();
            assertThat(after.value("ledger_outbox_oldest_age_seconds", Map.of())).isZero();
            assertThat(after.value("ledger_consumer_lag_records", CHANNEL)).isZero();
            assertThat(after.value("ledger_consumer_lag_seconds", CHANNEL)).isZero();
        });

        PrometheusScrape scrape = scrape();
        assertThat(scrape.sum("http_server_requests_seconds_bucket", Map.of("uri", "/test/vouchers/{voucherId}/extensions",
                "method", "POST", "status", "201", "le", "+Inf"))).isGreaterThanOrEqualTo(3);
        assertThat(scrape.sum("ledger_events_appended_total", Map.of("service", "kernel-test"))).isGreaterThanOrEqualTo(3);
        List<String> absent = LedgerMetrics.PROMETHEUS_SERIES.stream()
                .filter(name -> !name.equals("ledger_group_commit_commands_total")) // only where GroupCommit runs
                .filter(name -> !scrape.has(name)).toList();
        assertThat(absent).as("series the dashboard may use but the service does not expose").isEmpty();
    }

    @Test
    void theOutboxGauges_countRowsNotYetPublished_andTheAgeOfTheOldest() throws Exception {
        try (Connection relayLock = LedgerTestResources.database().connect();
             Connection writer = LedgerTestResources.database().connect()) {
            relayLock.setAutoCommit(false);
            relayLock.createStatement().execute("select pg_advisory_xact_lock(" + RELAY_LOCK + ")"); // the relay waits
            UUID voucher = UUID.randomUUID();
            var event = new VoucherValidityExtended(voucher, new UUID(0, 1), LocalDate.of(2026, 12, 31),
                    LocalDate.of(2027, 1, 31), Instant.now());
            try (PreparedStatement insert = writer.prepareStatement("""
                    with appended as (
                        insert into events (stream_id, version, event_id, type, topic, payload, correlation_id, actor, recorded_at)
                        values (?, 1, ?, ?, ?, cast(? as jsonb), ?, 'test', now() - interval '2 minutes') returning position)
                    insert into outbox (position) select position from appended""")) {
                insert.setString(1, voucher.toString());
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, EventCatalog.typeOf(event));
                insert.setString(4, EventCatalog.topicOf(event));
                insert.setString(5, EventJson.write(event));
                insert.setObject(6, UUID.randomUUID());
                insert.executeUpdate();
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.value("ledger_outbox_depth", Map.of())).isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("ledger_outbox_oldest_age_seconds", Map.of())).isBetween(120.0, 600.0);
            });
            relayLock.rollback();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("ledger_outbox_depth", Map.of())).isZero();
            assertThat(scrape.value("ledger_outbox_oldest_age_seconds", Map.of())).isZero();
        });
    }

    static PrometheusScrape scrape() {
        return PrometheusScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
