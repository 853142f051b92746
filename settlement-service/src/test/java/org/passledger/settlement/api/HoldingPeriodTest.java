package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.settlement.domain.StatementNumber;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class HoldingPeriodTest {

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    static JsonPath run(Map<String, String> body) {
        return given().header("Authorization", operator()).contentType("application/json").body(body)
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath runRecent(String name) {
        Instant now = Instant.now();
        return run(Map.of("periodStart", now.minus(Duration.ofDays(3)).toString(),
                "periodEnd", now.minus(Duration.ofMinutes(1)).toString(), "name", name + "-" + UUID.randomUUID()));
    }

    static Optional<Map<String, Object>> statementOf(JsonPath run, UUID place) {
        List<Map<String, Object>> statements = run.getList("statements");
        return statements.stream().filter(s -> place.toString().equals(s.get("structureId"))).findFirst();
    }

    static void awaitPayable(Redemption... redemptions) {
        await().atMost(Duration.ofSeconds(30)).until(() -> payable(List.of(redemptions), false) == redemptions.length);
    }

    static void waive(UUID place) {
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "long-standing partner"))
                .when().put("/structures/" + place + "/holding-waiver")
                .then().statusCode(201)
                .body("waivedBy", equalTo("operator:operator-1"));
    }

    @Test
    void aRecentRedemption_isHeld_untilTheOperatorWaivesTheHoldingPeriodForItsPlace() {
        UUID held = UUID.randomUUID();
        UUID waived = UUID.randomUUID();
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        Redemption heldRedemption = redeem(held, 1000, twoDaysAgo);
        Redemption waivedRedemption = redeem(waived, 700, twoDaysAgo);
        awaitPayable(heldRedemption, waivedRedemption);

        JsonPath first = runRecent("held");
        assertThat(statementOf(first, held)).isEmpty();
        assertThat(statementOf(first, waived)).isEmpty();

        waive(waived);
        given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("reason", "again"))
                .when().put("/structures/" + waived + "/holding-waiver")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("holding-already-waived"));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, waived)).contentType("application/json")
                .body(Map.of("reason", "please"))
                .when().put("/structures/" + waived + "/holding-waiver")
                .then().statusCode(403);

        JsonPath second = runRecent("waived");
        assertThat(statementOf(second, held)).isEmpty();
        assertThat(statementOf(second, waived)).hasValueSatisfying(s ->
                assertThat(s).containsEntry("totalCents", 700).containsEntry("lineCount", 1));

        // the waiver ends, and stays on record; the place's next redemption is held again
        given().header("Authorization", operator())
                .when().delete("/structures/" + waived + "/holding-waiver")
                .then().statusCode(200)
                .body("revokedBy", equalTo("operator:operator-1"))
                .body("revokedAt", notNullValue());
        given().header("Authorization", operator())
                .when().delete("/structures/" + waived + "/holding-waiver")
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, waived))
                .when().get("/structures/" + waived + "/holding-waiver")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].reason", equalTo("long-standing partner"));
        Redemption later = redeem(waived, 300, Instant.now().minus(Duration.ofDays(1)));
        awaitPayable(later);
        assertThat(statementOf(runRecent("revoked"), waived)).isEmpty();
    }

    @Test
    void withoutAPeriod_theRunSettlesThePreviousCalendarMonth_fromMidnightToMidnightParisTime() {
        ZonedDateTime thisMonth = ZonedDateTime.now(StatementNumber.BOOKS_ZONE).truncatedTo(ChronoUnit.DAYS)
                .withDayOfMonth(1);
        ZonedDateTime previousMonth = thisMonth.minusMonths(1);
        UUID place = UUID.randomUUID();
        waive(place);
        Redemption lastSecond = redeem(place, 100, thisMonth.minusSeconds(1).toInstant());
        Redemption nextMonth = redeem(place, 200, thisMonth.toInstant());
        Redemption firstSecond = redeem(place, 400, previousMonth.toInstant());
        Redemption monthBefore = redeem(place, 800, previousMonth.minusSeconds(1).toInstant());
        awaitPayable(lastSecond, nextMonth, firstSecond, monthBefore);

        JsonPath run = run(Map.of("name", "previous-month-" + UUID.randomUUID()));

        assertThat(run.getString("periodStart")).isEqualTo(previousMonth.toInstant().toString());
        assertThat(run.getString("periodEnd")).isEqualTo(thisMonth.toInstant().toString());
        assertThat(statementOf(run, place)).hasValueSatisfying(s ->
                assertThat(s).containsEntry("totalCents", 500).containsEntry("lineCount", 2));
        assertThat(SettlementFixtures.statementLinesPerRedemption(
                List.of(lastSecond, nextMonth, firstSecond, monthBefore))).containsExactly(1L, 0L, 1L, 0L);
    }
}
