package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.metrics.LedgerMetrics;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.PrometheusScrape;

/** An operator's view of the counter at /q/metrics: redemptions, refusals under their code, group commit, lag. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RedemptionMetricsTest {

    static final String SERVICE = "atelier-collectif";
    static final Map<String, String> REDEEMED = Map.of("type", "voucher.redeemed.v1", "service", "redemption-service");
    static final Map<String, String> ALREADY_REDEEMED = Map.of("code", "voucher-already-redeemed", "status", "409");
    static final Map<String, String> VIEW = Map.of("channel", "redemptions", "projection", "redemption.redemption-view");

    @Inject
    Clock clock;

    @Test
    void aRedemption_andARefusal_areCounted_andEverySeriesOfTheDashboardIsExposed() {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        LedgerFixtures.awaitIssuanceCaughtUp();
        PrometheusScrape before = scrape();

        redeem(place, voucher.code(), SERVICE).statusCode(201);
        redeem(place, voucher.code(), SERVICE).statusCode(409).body("code", equalTo("voucher-already-redeemed"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.sum("ledger_events_appended_total", REDEEMED) - before.sum("ledger_events_appended_total", REDEEMED))
                    .isEqualTo(1);
            assertThat(after.sum("ledger_problems_total", ALREADY_REDEEMED) - before.sum("ledger_problems_total", ALREADY_REDEEMED))
                    .isEqualTo(1);
            assertThat(after.sum("ledger_group_commit_commands_total", Map.of("command", "redeem"))
                    - before.sum("ledger_group_commit_commands_total", Map.of("command", "redeem"))).isEqualTo(2);
            assertThat(after.sum("ledger_projection_events_applied_total", VIEW)
                    - before.sum("ledger_projection_events_applied_total", VIEW)).isGreaterThanOrEqualTo(1);
            assertThat(after.value("ledger_consumer_lag_records", Map.of("channel", "redemptions"))).isZero();
        });
        PrometheusScrape now = scrape();
        assertThat(LedgerMetrics.PROMETHEUS_SERIES.stream().filter(name -> !now.has(name)).toList())
                .as("series the dashboard may use but redemption-service does not expose").isEmpty();
    }

    static PrometheusScrape scrape() {
        return PrometheusScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
