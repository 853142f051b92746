package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class StructureLifecycleTest {

    static final String SIRET = "73282932000074";

    static Map<String, Object> registration(String siret) {
        return Map.of("name", "Connect & vous", "siret", siret, "legalForm", "association",
                "address", Map.of("street", "1 place de la Mairie", "postcode", "30600", "commune", "Vauvert",
                        "departement", "30"));
    }

    @Test
    void registeredAppliedAndGrantedPlace_isLabelledInTheReadModel_andOnTheTopic() {
        UUID place = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json").body(registration(SIRET))
                .when().post("/structures")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/structures/" + place)).body("version", equalTo(1));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .contentType("application/json")
                .body(Map.of("services", java.util.List.of("first-steps-computer"), "charterAccepted", true))
                .when().post("/structures/" + place + "/label-applications")
                .then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                .contentType("application/json")
                .body(Map.of("conventionReference", "ANCT-2026-030-0001", "validFrom", "2026-12-01"))
                .when().post("/structures/" + place + "/label/grant")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                        .when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("labelStatus", equalTo("GRANTED"))
                        .body("labelValidUntil", equalTo("2029-11-30"))
                        .body("eventsApplied", equalTo(3)));

        var records = KafkaTopics.readAll(Topics.STRUCTURES).stream()
                .filter(r -> place.toString().equals(r.key())).toList();
        assertThat(records).extracting(r -> KafkaTopics.header(r, CloudEvents.TYPE))
                .containsExactly("structure.registered.v1", "structure.label-applied.v2", "structure.label-granted.v1");
        assertThat(KafkaTopics.header(records.get(0), CloudEvents.SOURCE)).isEqualTo("/pass-ledger/labelling-service");
    }
}
