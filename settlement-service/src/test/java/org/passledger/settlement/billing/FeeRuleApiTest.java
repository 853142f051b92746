package org.passledger.settlement.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.passledger.settlement.billing.BillingFixtures.count;
import static org.passledger.settlement.billing.BillingFixtures.operator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventJson;
import org.passledger.events.SettlementEvent.FeeRulePublished;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Default rules of this class live in 2031 and from 2090 on: no other test orders then. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class FeeRuleApiTest {

    static Map<String, Object> rule(String id, UUID programme, Integer rate, String from, String until) {
        Map<String, Object> body = new HashMap<>();
        body.put("feeRuleId", id);
        if (programme != null) {
            body.put("programmeId", programme.toString());
        }
        body.put("rateBasisPoints", rate);
        body.put("validFrom", from);
        if (until != null) {
            body.put("validUntil", until);
        }
        return body;
    }

    static io.restassured.response.ValidatableResponse publish(Map<String, Object> body) {
        return given().header("Authorization", operator()).contentType("application/json").body(body)
                .when().post("/fee-rules").then();
    }

    static long published(String id) {
        return count("select count(*) from events where stream_id = ? and type = 'settlement.fee-rule-published.v1'", id);
    }

    @Test
    void operatorPublishesARule_itGoesOnTheTopic_andIsListed() {
        String id = "default-2031-" + UUID.randomUUID().toString().substring(0, 8);
        publish(rule(id, null, 250, "2031-01-01", "2031-12-31"))
                .statusCode(201)
                .body("feeRuleId", equalTo(id)).body("programmeId", nullValue()).body("rateBasisPoints", equalTo(250))
                .body("validFrom", equalTo("2031-01-01")).body("validUntil", equalTo("2031-12-31"))
                .body("publishedBy", equalTo("operator:operator-1"));

        var record = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.readAll(Topics.SETTLEMENTS)
                .stream().filter(r -> id.equals(r.key())).findFirst().orElse(null), r -> r != null);
        assertThat(KafkaTopics.header(record, CloudEvents.TYPE)).isEqualTo("settlement.fee-rule-published.v1");
        FeeRulePublished event = (FeeRulePublished) EventJson.read("settlement.fee-rule-published.v1", record.value());
        assertThat(event.rateBasisPoints()).isEqualTo(250);
        assertThat(event.programmeId()).isNull();

        List<String> ids = given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "agency-1"))
                .when().get("/fee-rules").then().statusCode(200).extract().jsonPath().getList("feeRuleId");
        assertThat(ids).contains(id);
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/fee-rules").then().statusCode(200);
    }

    @Test
    void aRuleIdIsNeverReused_andOverlapsWithinAScopeAreRefused_butNotAcrossScopes() {
        String first = "default-2031b-" + UUID.randomUUID().toString().substring(0, 8);
        UUID programme = UUID.randomUUID();
        String programmeRule = "prog-" + programme;
        publish(rule(programmeRule, programme, 300, "2031-01-01", null)).statusCode(201);
        publish(rule(programmeRule, programme, 300, "2050-01-01", null))
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("fee-rule-exists"));
        publish(rule("other-" + programme, programme, 500, "2035-06-01", "2035-06-30"))
                .statusCode(409).body("code", equalTo("fee-rule-overlaps"));
        assertThat(published(programmeRule)).isEqualTo(1);
        assertThat(published("other-" + programme)).isZero();

        // the default scope is another scope: a default may cover the programme's days
        publish(rule(first, null, 100, "2090-01-01", null)).statusCode(201);
        publish(rule(first + "-x", null, 100, "2095-01-01", "2095-12-31"))
                .statusCode(409).body("code", equalTo("fee-rule-overlaps"));
        publish(rule(first + "-y", null, 100, "2089-01-01", "2090-01-01"))
                .statusCode(409).body("code", equalTo("fee-rule-overlaps"));
        publish(rule(first + "-z", null, 100, "2089-01-01", "2089-12-31")).statusCode(201);
        // the programme's next rule starts where no rule of its own is in force
        UUID other = UUID.randomUUID();
        publish(rule("a-" + other, other, 300, "2031-01-01", "2031-06-30")).statusCode(201);
        publish(rule("b-" + other, other, 350, "2031-07-01", null)).statusCode(201);
    }

    @Test
    void badRules_areRefused_andNothingIsPublished() {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        publish(rule(id, UUID.randomUUID(), 10_001, "2031-01-01", null))
                .statusCode(400).body("code", equalTo("validation-failed"));
        publish(rule(id, UUID.randomUUID(), -1, "2031-01-01", null))
                .statusCode(400).body("code", equalTo("validation-failed"));
        publish(rule(id, UUID.randomUUID(), 100, "2031-02-01", "2031-01-31"))
                .statusCode(400).body("code", equalTo("invalid-period"));
        publish(rule("no spaces allowed", UUID.randomUUID(), 100, "2031-02-01", null))
                .statusCode(400).body("code", equalTo("validation-failed"));
        publish(rule(id, UUID.randomUUID(), null, "2031-02-01", null))
                .statusCode(400).body("code", equalTo("validation-failed"));
        assertThat(published(id)).isZero();
        assertThat(count("select count(*) from fee_rules where fee_rule_id = ?", id)).isZero();

        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .contentType("application/json").body(rule(id, null, 100, "2031-01-01", null))
                .when().post("/fee-rules").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .when().get("/fee-rules").then().statusCode(403);
    }
}
