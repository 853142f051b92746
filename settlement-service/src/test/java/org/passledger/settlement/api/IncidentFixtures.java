package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.testkit.TestTokens;

/** Paid statements and incidents, over HTTP, as the operator would. */
public final class IncidentFixtures {

    /** A statement of the place for the amounts, in a run of its own. */
    public record Issued(String statementId, List<Redemption> redemptions) {

        public UUID voucher(int index) {
            return redemptions.get(index).voucherId();
        }
    }

    private IncidentFixtures() {
    }

    public static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    /** Redemptions of the place redeemed a while before {@code now}, settled into one statement. */
    public static Issued statement(UUID place, Instant now, long... amounts) {
        Period period = SettlementFixtures.newPeriod();
        List<Redemption> redemptions = new ArrayList<>();
        for (long cents : amounts) {
            redemptions.add(redeem(place, cents, period.at(Duration.ofHours(10))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> payable(redemptions, false) == redemptions.size());
        JsonPath run = given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", "incident-" + period.start() + "-" + UUID.randomUUID()))
                .when().post("/settlement-runs")
                .then().statusCode(201).extract().jsonPath();
        return new Issued(run.getString("statements.find { it.structureId == '" + place + "' }.statementId"),
                redemptions);
    }

    public static JsonPath confirm(String statementId, String reference) {
        return given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("bankReference", reference))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200).extract().jsonPath();
    }

    public static String openIncident(UUID place, String kind, List<UUID> vouchers, long cents) {
        return given().header("Authorization", operator()).contentType("application/json")
                .body(Map.of("structureId", place, "kind", kind, "voucherIds", vouchers, "amountCents", cents,
                        "description", "checked on site"))
                .when().post("/incidents")
                .then().statusCode(201).extract().path("incidentId");
    }

    public static void validate(String incidentId) {
        given().header("Authorization", operator())
                .when().post("/incidents/" + incidentId + "/validation")
                .then().statusCode(200);
    }

    public static JsonPath incident(String incidentId) {
        return given().header("Authorization", operator())
                .when().get("/incidents/" + incidentId)
                .then().statusCode(200).extract().jsonPath();
    }
}
