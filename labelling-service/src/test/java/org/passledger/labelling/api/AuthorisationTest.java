package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.labelling.support.Places;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Each role against a place that is not its own: reads and writes are refused, and nothing is recorded. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class AuthorisationTest {

    static RequestSpecification as(String role, Object party) {
        return given().header("Authorization", TestTokens.bearer(role, party)).contentType("application/json");
    }

    static Map<String, Object> details() {
        return Map.of("name", "Renamed", "legalForm", "SCIC", "address", Map.of("street", "3 rue Neuve",
                "postcode", "30600", "commune", "Vauvert", "departement", "30"));
    }

    @Test
    void anotherPlace_canNeitherReadNorChangeThePlace() {
        UUID victim = Places.registered();
        UUID application = Places.applied(victim);
        UUID intruder = Places.registered();
        int before = Places.historySize(victim);

        as(Roles.STRUCTURE, intruder).when().get("/structures/" + victim).then().statusCode(403)
                .body("code", equalTo("forbidden"));
        as(Roles.STRUCTURE, intruder).when().get("/structures/" + victim + "/history").then().statusCode(403);
        as(Roles.STRUCTURE, intruder).queryParam("date", "2027-01-01")
                .when().get("/structures/" + victim + "/labelled-on").then().statusCode(403);
        as(Roles.STRUCTURE, intruder).body(Map.of("catalogue", List.of()))
                .when().put("/structures/" + victim + "/profile").then().statusCode(403);
        as(Roles.STRUCTURE, intruder).body(details())
                .when().put("/structures/" + victim + "/details").then().statusCode(403);
        as(Roles.STRUCTURE, intruder).body(Map.of("charterAccepted", true))
                .when().post("/structures/" + victim + "/label-applications").then().statusCode(403);
        as(Roles.STRUCTURE, intruder)
                .when().post("/structures/" + victim + "/label-applications/" + application + "/withdraw")
                .then().statusCode(403);
        assertThat(Places.historySize(victim)).isEqualTo(before);
    }

    @Test
    void aPlace_cannotDecideOnALabel_notEvenItsOwn() {
        UUID place = Places.registered();
        Places.applied(place);
        for (String action : List.of("grant", "refuse", "renew", "suspend", "reinstate", "revoke")) {
            as(Roles.STRUCTURE, place).body(Map.of("conventionReference", "X", "validFrom", "2027-01-01",
                            "reason", "self"))
                    .when().post("/structures/" + place + "/label/" + action).then().statusCode(403);
        }
        as(Roles.STRUCTURE, place).when().get("/agency/label-applications").then().statusCode(403);
        as(Roles.STRUCTURE, place).when().get("/agency/labels").then().statusCode(403);
    }

    @Test
    void fundersAndDistributors_haveNoAccessToPlaces() {
        UUID place = Places.granted("2026-12-01");
        for (String role : List.of(Roles.FUNDER, Roles.DISTRIBUTOR)) {
            UUID party = UUID.randomUUID();
            as(role, party).when().get("/structures/" + place).then().statusCode(403);
            as(role, party).when().get("/structures/" + place + "/history").then().statusCode(403);
            as(role, party).body(Map.of("reason", "x")).when().post("/structures/" + place + "/label/suspend")
                    .then().statusCode(403);
            as(role, party).body(Map.of("catalogue", List.of()))
                    .when().put("/structures/" + place + "/profile").then().statusCode(403);
            as(role, party).when().get("/agency/labels/expiring").then().statusCode(403);
        }
    }

    @Test
    void operator_readsButCannotDecide() {
        UUID place = Places.granted("2026-12-01");
        as(Roles.OPERATOR, "ops").when().get("/structures/" + place + "/history").then().statusCode(200);
        as(Roles.OPERATOR, "ops").body(Map.of("reason", "x")).when().post("/structures/" + place + "/label/revoke")
                .then().statusCode(403);
        as(Roles.OPERATOR, UUID.randomUUID()).body(Map.of("catalogue", List.of()))
                .when().put("/structures/" + place + "/profile").then().statusCode(403);
    }

    @Test
    void agency_readsAnyPlaceHistory_butCannotRegisterOrEditAPlace() {
        UUID place = Places.registered();
        given().header("Authorization", Places.asAgency()).when().get("/structures/" + place + "/history")
                .then().statusCode(200).body("events[0].type", equalTo("structure.registered.v1"));
        as(Roles.AGENCY, UUID.randomUUID()).body(Places.registration("73282932000074"))
                .when().post("/structures").then().statusCode(403);
        as(Roles.AGENCY, "anct").body(Map.of("catalogue", List.of()))
                .when().put("/structures/" + place + "/profile").then().statusCode(403);
        as(Roles.AGENCY, "anct").body(details())
                .when().put("/structures/" + place + "/details").then().statusCode(403);
    }

    @Test
    void withoutAToken_onlyTheDirectoryIsOpen() {
        UUID place = Places.registered();
        given().when().get("/structures/" + place).then().statusCode(401);
        given().contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/structures/" + place + "/label/suspend").then().statusCode(401);
        given().when().get("/agency/labels").then().statusCode(401);
        given().when().get("/directory/places").then().statusCode(200);
        given().when().get("/directory/places.csv").then().statusCode(200);
    }
}
