package org.passledger.labelling.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.TestTokens;

/** Drives places through the HTTP API the way their staff and the agency would. */
public final class Places {

    public static final String AGENCY_ID = "anct";

    private Places() {
    }

    public static String asPlace(UUID place) {
        return TestTokens.bearer(Roles.STRUCTURE, place);
    }

    public static String asAgency() {
        return TestTokens.bearer(Roles.AGENCY, AGENCY_ID);
    }

    public static Map<String, Object> registration(String siret) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Connect & vous");
        body.put("siret", siret);
        body.put("legalForm", "association loi 1901");
        body.put("address", Map.of("street", "1 place de la Mairie", "postcode", "30600", "commune", "Vauvert",
                "departement", "30"));
        body.put("location", Map.of("latitude", 43.6955, "longitude", 4.2769));
        body.put("openingHours", List.of(
                Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:30"),
                Map.of("day", "MONDAY", "opens", "14:00", "closes", "17:00"),
                Map.of("day", "WEDNESDAY", "opens", "14:00", "closes", "18:00")));
        body.put("contact", Map.of("email", "contact@connect-et-vous.fr", "phone", "04 66 00 00 00",
                "website", "https://connect-et-vous.fr"));
        body.put("sites", List.of(Map.of("name", "Antenne du Cailar", "address", Map.of("street", "2 rue du Port",
                "postcode", "30740", "commune", "Le Cailar", "departement", "30"))));
        body.put("catalogue", List.of(
                Map.of("code", "first-steps-computer", "label", "Premiers pas sur ordinateur", "durationMinutes", 120),
                Map.of("code", "online-procedures", "label", "Démarches administratives en ligne", "durationMinutes", 90)));
        return body;
    }

    public static ValidatableResponse register(UUID place, Map<String, Object> body) {
        return given().header("Authorization", asPlace(place)).contentType("application/json").body(body)
                .when().post("/structures").then();
    }

    public static UUID registered() {
        UUID place = UUID.randomUUID();
        register(place, registration(Sirets.fresh())).statusCode(201);
        return place;
    }

    public static ValidatableResponse apply(UUID place, Map<String, Object> body) {
        return given().header("Authorization", asPlace(place)).contentType("application/json").body(body)
                .when().post("/structures/" + place + "/label-applications").then();
    }

    public static UUID applied(UUID place) {
        String id = apply(place, Map.of("answers", Map.of("public-accueilli", "tout public"), "charterAccepted", true))
                .statusCode(201).extract().path("applicationId");
        return UUID.fromString(id);
    }

    public static ValidatableResponse decide(UUID place, String action, Map<String, Object> body) {
        return given().header("Authorization", asAgency()).contentType("application/json").body(body)
                .when().post("/structures/" + place + "/label/" + action).then();
    }

    public static ValidatableResponse grant(UUID place, String validFrom) {
        return decide(place, "grant", Map.of("conventionReference", "ANCT-" + validFrom, "validFrom", validFrom));
    }

    public static UUID granted(String validFrom) {
        UUID place = registered();
        applied(place);
        grant(place, validFrom).statusCode(200);
        return place;
    }

    public static int historySize(UUID place) {
        return given().header("Authorization", asAgency()).when().get("/structures/" + place + "/history")
                .then().statusCode(200).extract().path("events.size()");
    }
}
