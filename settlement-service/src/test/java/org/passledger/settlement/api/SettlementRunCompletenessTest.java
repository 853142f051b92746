package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.projection.ConsumerPositions;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.settlement.projection.PayableRedemptionProjection;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** A run says whether settlement had applied every redemption on the topic when it was made, and never waits. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class SettlementRunCompletenessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ConsumerPositions positions;

    @Test
    void aRunWhileARedemptionIsStillToBeApplied_saysIncomplete_andOneAfterCatchingUp_saysComplete() throws Exception {
        Period period = newPeriod();
        UUID place = UUID.randomUUID();
        Redemption redemption;

        try (Connection holder = LedgerTestResources.database().connect()) {
            // the payable-redemption consumer applies each batch under this lock: held, it cannot apply anything
            holder.createStatement().execute("select pg_advisory_lock(hashtext('projection:"
                    + PayableRedemptionProjection.NAME + "'))");
            redemption = redeem(place, 1500, period.at(Duration.ofHours(10)));

            JsonPath early = run(period, "held-back-" + period.start());
            assertThat(early.getBoolean("redemptionsComplete")).isFalse();
            assertThat(early.getLong("redemptionsBehind")).isPositive();
            assertThat(early.getList("statements")).as("the redemption was not applied: nothing to pay yet").isEmpty();
            assertThat(payable(List.of(redemption), false)).isZero();

            String runId = early.getString("runId");
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonPath stored = get(runId);
                assertThat(stored.getBoolean("redemptionsComplete")).isFalse();
                assertThat(stored.getLong("redemptionsBehind")).isEqualTo(early.getLong("redemptionsBehind"));
            });
        } // closing the connection releases the lock

        await().atMost(PATIENCE).until(() -> positions.behind(Topics.REDEMPTIONS) == 0);
        assertThat(payable(List.of(redemption), false)).isEqualTo(1);

        JsonPath caughtUp = run(period, "caught-up-" + period.start());
        assertThat(caughtUp.getBoolean("redemptionsComplete")).isTrue();
        assertThat(caughtUp.getLong("redemptionsBehind")).isZero();
        assertThat(caughtUp.getList("statements.structureId")).containsExactly(place.toString());

        String runId = caughtUp.getString("runId");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath stored = get(runId);
            assertThat(stored.getBoolean("redemptionsComplete")).isTrue();
            assertThat(stored.getLong("redemptionsBehind")).isZero();
        });
    }

    private static JsonPath run(Period period, String name) {
        return given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", name))
                .when().post("/settlement-runs")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    private static JsonPath get(String runId) {
        return given().header("Authorization", operator())
                .when().get("/settlement-runs/" + runId)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }
}
