package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.labelling.support.Places;
import org.passledger.labelling.support.Sirets;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class LabelApplicationTest {

    static List<String> pendingApplications() {
        return given().header("Authorization", Places.asAgency()).queryParam("size", 500)
                .when().get("/agency/label-applications")
                .then().statusCode(200).extract().jsonPath().getList("items.applicationId", String.class);
    }

    @Test
    void application_withQuestionnaireAndCharter_isPendingForTheAgency_andPublished() {
        UUID place = Places.registered();
        UUID application = Places.applied(place);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pendingApplications()).contains(application.toString()));
        given().header("Authorization", Places.asAgency()).queryParam("size", 500)
                .when().get("/agency/label-applications")
                .then().body("items.find { it.applicationId == '" + application + "' }.answers['public-accueilli']",
                        equalTo("tout public"))
                .body("items.find { it.applicationId == '" + application + "' }.services",
                        equalTo(List.of("first-steps-computer", "online-procedures")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaTopics.readAll(Topics.STRUCTURES).stream().filter(r -> place.toString().equals(r.key()))
                        .map(r -> KafkaTopics.header(r, CloudEvents.TYPE)).toList())
                .containsExactly("structure.registered.v1", "structure.profile-changed.v1",
                        "structure.label-applied.v2"));
    }

    @Test
    void emptyCatalogue_isRefused_namingTheField() {
        UUID place = UUID.randomUUID();
        Map<String, Object> body = Places.registration(Sirets.fresh());
        body.remove("catalogue");
        Places.register(place, body).statusCode(201);
        Places.apply(place, Map.of("charterAccepted", true)).statusCode(400)
                .body("code", equalTo("empty-catalogue"))
                .body("violations.field", hasItem("services"));
        assertThat(Places.historySize(place)).isEqualTo(2);
    }

    @Test
    void missingCharterAcceptance_isRefused_namingTheField() {
        UUID place = Places.registered();
        Places.apply(place, Map.of("answers", Map.of("public-accueilli", "tout public"))).statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("charterAccepted")));
        assertThat(Places.historySize(place)).isEqualTo(2);
    }

    @Test
    void refusedCharter_isRefused_namingTheField() {
        UUID place = Places.registered();
        Places.apply(place, Map.of("charterAccepted", false)).statusCode(400)
                .body("code", equalTo("charter-not-accepted"))
                .body("violations.field", hasItem("charterAccepted"));
    }

    @Test
    void withdrawal_removesThePendingApplication_andAllowsAnother() {
        UUID place = Places.registered();
        UUID application = Places.applied(place);
        given().header("Authorization", Places.asPlace(place)).contentType("application/json")
                .when().post("/structures/" + place + "/label-applications/" + application + "/withdraw")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pendingApplications()).doesNotContain(application.toString()));
        Places.grant(place, "2027-01-01").statusCode(409).body("code", equalTo("no-pending-application"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("labelStatus", equalTo("NONE"))
                        .body("application.status", equalTo("WITHDRAWN")));
        Places.applied(place);
    }

    @Test
    void refusal_givesThePlaceTheReason() {
        UUID place = Places.registered();
        Places.applied(place);
        Places.decide(place, "refuse", Map.of("reason", "Questionnaire incomplet")).statusCode(200);
        Places.decide(place, "refuse", Map.of("reason", "again")).statusCode(409)
                .body("code", equalTo("no-pending-application"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("labelStatus", equalTo("NONE"))
                        .body("application.status", equalTo("REFUSED"))
                        .body("application.reason", equalTo("Questionnaire incomplet")));
        given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place + "/history")
                .then().body("events.type", hasItem("structure.label-refused.v1"));
    }

    @Test
    void invalidTransitions_answer409WithDistinctCodes_andRecordNothing() {
        UUID place = Places.registered();
        Places.decide(place, "suspend", Map.of("reason", "x")).statusCode(409).body("code", equalTo("label-not-granted"));
        Places.decide(place, "reinstate", Map.of()).statusCode(409).body("code", equalTo("label-not-granted"));
        Places.decide(place, "renew", Map.of("conventionReference", "R")).statusCode(409)
                .body("code", equalTo("label-not-granted"));
        Places.applied(place);
        Places.apply(place, Map.of("charterAccepted", true)).statusCode(409)
                .body("code", equalTo("application-already-pending"));
        Places.grant(place, "2026-12-01").statusCode(200);
        Places.decide(place, "reinstate", Map.of()).statusCode(409).body("code", equalTo("label-not-suspended"));
        Places.decide(place, "suspend", Map.of("reason", "Contrôle")).statusCode(200);
        Places.decide(place, "suspend", Map.of("reason", "again")).statusCode(409)
                .body("code", equalTo("label-already-suspended"));
        Places.decide(place, "renew", Map.of("conventionReference", "R")).statusCode(409)
                .body("code", equalTo("label-suspended"));
        Places.decide(place, "revoke", Map.of("reason", "Fraude")).statusCode(200);
        int before = Places.historySize(place);
        Places.decide(place, "suspend", Map.of("reason", "x")).statusCode(409).body("code", equalTo("label-revoked"));
        Places.decide(place, "revoke", Map.of("reason", "x")).statusCode(409).body("code", equalTo("label-revoked"));
        Places.apply(place, Map.of("charterAccepted", true)).statusCode(409).body("code", equalTo("label-revoked"));
        assertThat(Places.historySize(place)).isEqualTo(before);
    }

    @Test
    void concurrentGrants_ofOneApplication_grantExactlyOnce() throws Exception {
        UUID place = Places.registered();
        Places.applied(place);
        List<CompletableFuture<Integer>> grants = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        Places.grant(place, "2026-12-0" + (i + 1)).extract().statusCode()))
                .toList();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (CompletableFuture<Integer> grant : grants) {
            statuses.add(grant.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        given().header("Authorization", Places.asAgency()).when().get("/structures/" + place + "/history")
                .then().body("events.findAll { it.type == 'structure.label-granted.v1' }.size()", equalTo(1));
    }

    @Test
    void grantOfAnUnknownPlace_isNotFound() {
        Places.grant(UUID.randomUUID(), "2027-01-01").statusCode(404).body("code", equalTo("structure-not-found"));
    }

    @Test
    void decisionWithoutReason_isRefused_namingTheField() {
        UUID place = Places.granted("2026-12-01");
        Places.decide(place, "suspend", Map.of()).statusCode(400).body("violations.field", hasItem("reason"));
    }

    @Test
    void agency_seesLabelsByDepartementAndStatus() {
        UUID place = Places.granted("2026-12-01");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> granted = given().header("Authorization", Places.asAgency())
                    .queryParam("departement", "30").queryParam("status", "GRANTED").queryParam("size", 500)
                    .when().get("/agency/labels")
                    .then().statusCode(200).extract().jsonPath().getList("items.structureId", String.class);
            assertThat(granted).contains(place.toString());
        });
        given().header("Authorization", Places.asAgency()).queryParam("departement", "34").queryParam("size", 500)
                .when().get("/agency/labels")
                .then().statusCode(200).body("items.structureId", org.hamcrest.Matchers.not(hasItem(place.toString())));
        given().header("Authorization", Places.asAgency()).when().get("/agency/labels/counts")
                .then().statusCode(200)
                .body("find { it.departement == '30' && it.labelStatus == 'GRANTED' }.places",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }
}
