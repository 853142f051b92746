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
import org.junit.jupiter.api.Test;
import org.passledger.labelling.support.Places;
import org.passledger.labelling.support.Sirets;
import org.passledger.testkit.LedgerTestResources;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RegistrationTest {

    @Test
    void registration_withFullData_isReadBackWithProfileAndLocation() {
        UUID place = UUID.randomUUID();
        String siret = Sirets.fresh();
        Places.register(place, Places.registration(siret)).statusCode(201).body("version", equalTo(2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("siret", equalTo(siret))
                        .body("legalForm", equalTo("association loi 1901"))
                        .body("latitude", equalTo(43.6955f))
                        .body("labelStatus", equalTo("NONE"))
                        .body("profile.contact.email", equalTo("contact@connect-et-vous.fr"))
                        .body("profile.sites[0].address.commune", equalTo("Le Cailar"))
                        .body("profile.catalogue.code", equalTo(List.of("first-steps-computer", "online-procedures")))
                        .body("profile.catalogue[1].durationMinutes", equalTo(90))
                        .body("profile.openingHours.size()", equalTo(3)));
    }

    @Test
    void profileEdit_isAnEventInTheHistory_andReplacesTheProfile() {
        UUID place = Places.registered();
        given().header("Authorization", Places.asPlace(place)).contentType("application/json")
                .body(Map.of("catalogue", List.of(Map.of("code", "smartphone-basics", "label", "Bases du smartphone",
                        "durationMinutes", 60)), "openingHours", List.of(
                        Map.of("day", "FRIDAY", "opens", "10:00", "closes", "12:00"))))
                .when().put("/structures/" + place + "/profile")
                .then().statusCode(200).body("version", equalTo(3));

        given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place + "/history")
                .then().statusCode(200)
                .body("events.type", equalTo(List.of("structure.registered.v1", "structure.profile-changed.v1",
                        "structure.profile-changed.v1")))
                .body("events[2].data.catalogue[0].code", equalTo("smartphone-basics"))
                .body("events[2].data.openingHours[0].day", equalTo("FRIDAY"))
                .body("events.streamVersion", equalTo(List.of(1, 2, 3)))
                .body("events[2].actor", equalTo("structure:" + place));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("profile.catalogue.code", equalTo(List.of("smartphone-basics")))
                        .body("profile.contact", equalTo(null)));
    }

    @Test
    void invalidSiret_isRefused_namingTheField_andNothingIsRecorded() {
        UUID place = UUID.randomUUID();
        Map<String, Object> body = Places.registration("73282932000075");
        Places.register(place, body).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-siret"))
                .body("violations.field", hasItem("siret"));
        given().header("Authorization", Places.asAgency()).when().get("/structures/" + place + "/history")
                .then().statusCode(404);
    }

    @Test
    void postcodeOutsideTheDepartement_isRefused_namingTheField() {
        Map<String, Object> body = Places.registration(Sirets.fresh());
        body.put("address", Map.of("street", "1 rue", "postcode", "34000", "commune", "Montpellier",
                "departement", "30"));
        Places.register(UUID.randomUUID(), body).statusCode(400)
                .body("code", equalTo("postcode-departement-mismatch"))
                .body("violations.field", hasItem("address.postcode"));
    }

    @Test
    void missingFields_areAllNamed() {
        Places.register(UUID.randomUUID(), Map.of("siret", "123")).statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("violations.field", hasItem("siret"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("address"));
    }

    @Test
    void secondRegistration_withTheSameSiret_isRefused() {
        String siret = Sirets.fresh();
        Places.register(UUID.randomUUID(), Places.registration(siret)).statusCode(201);
        UUID other = UUID.randomUUID();
        Places.register(other, Places.registration(siret)).statusCode(409)
                .body("code", equalTo("siret-already-registered"));
        given().header("Authorization", Places.asAgency()).when().get("/structures/" + other + "/history")
                .then().statusCode(404);
    }

    @Test
    void registration_isIdempotent_underTheSameKey() {
        UUID place = UUID.randomUUID();
        Map<String, Object> body = Places.registration(Sirets.fresh());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Places.asPlace(place)).header("Idempotency-Key", "reg-" + place)
                    .contentType("application/json").body(body)
                    .when().post("/structures").then().statusCode(201);
        }
        assertThat(Places.historySize(place)).isEqualTo(2);
    }
}
