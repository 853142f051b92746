package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.projection.ProjectionRunner;
import org.passledger.labelling.projection.LabelApplicationsProjection;
import org.passledger.labelling.projection.StructureProfileProjection;
import org.passledger.labelling.projection.StructureViewProjection;
import org.passledger.labelling.support.Places;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Details and profile edits, withdrawals and refusals are events of the place's own stream: published on the
 * labelling topic with their CloudEvents headers, listed by the history, and folded by projections that a
 * rebuild from the topic regenerates exactly.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class StructureEventsOnTopicTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static Map<String, Object> details(String name, String street, String postcode, String commune, String departement) {
        return Map.of("name", name, "legalForm", "SCIC", "address", Map.of("street", street, "postcode", postcode,
                "commune", commune, "departement", departement), "location", Map.of("latitude", 43.7, "longitude", 4.3));
    }

    static io.restassured.response.ValidatableResponse changeDetails(UUID place, Map<String, Object> body) {
        return given().header("Authorization", Places.asPlace(place)).contentType("application/json").body(body)
                .when().put("/structures/" + place + "/details").then();
    }

    static void withdraw(UUID place, UUID application) {
        given().header("Authorization", Places.asPlace(place)).contentType("application/json")
                .when().post("/structures/" + place + "/label-applications/" + application + "/withdraw")
                .then().statusCode(200);
    }

    static List<ConsumerRecord<String, String>> records(UUID place) {
        return KafkaTopics.readAll(Topics.STRUCTURES).stream().filter(r -> place.toString().equals(r.key())).toList();
    }

    static List<String> topicTypes(UUID place) {
        return records(place).stream().map(r -> KafkaTopics.header(r, CloudEvents.TYPE)).toList();
    }

    @Test
    void withdrawalRefusalAndEdits_arePublished_withCloudEventsHeaders() {
        UUID place = Places.registered();
        UUID first = Places.applied(place);
        withdraw(place, first);
        UUID second = Places.applied(place);
        Places.decide(place, "refuse", Map.of("reason", "Questionnaire incomplet")).statusCode(200);
        changeDetails(place, details("Connect & vous Vauvert", "3 avenue Jean Jaurès", "30600", "Vauvert", "30"))
                .statusCode(200).body("version", equalTo(7));
        given().header("Authorization", Places.asPlace(place)).contentType("application/json")
                .body(Map.of("catalogue", List.of(Map.of("code", "smartphone-basics", "label", "Bases du smartphone",
                        "durationMinutes", 60))))
                .when().put("/structures/" + place + "/profile").then().statusCode(200).body("version", equalTo(8));

        List<String> expected = List.of("structure.registered.v1", "structure.profile-changed.v1",
                "structure.label-applied.v2", "structure.application-withdrawn.v1", "structure.label-applied.v2",
                "structure.label-refused.v1", "structure.details-changed.v1", "structure.profile-changed.v1");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topicTypes(place)).isEqualTo(expected));

        List<ConsumerRecord<String, String>> records = records(place);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String type = expected.get(i);
            assertThat(KafkaTopics.header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(KafkaTopics.header(record, CloudEvents.ID)).isNotBlank();
            assertThat(KafkaTopics.header(record, CloudEvents.SOURCE)).isEqualTo("/pass-ledger/labelling-service");
            assertThat(KafkaTopics.header(record, CloudEvents.SUBJECT)).isEqualTo(place.toString());
            assertThat(KafkaTopics.header(record, CloudEvents.STREAM_VERSION)).isEqualTo(String.valueOf(i + 1));
            assertThat(KafkaTopics.header(record, CloudEvents.DATA_SCHEMA))
                    .isEqualTo("https://pass-ledger.org/schemas/" + type + ".json");
            assertThat(KafkaTopics.header(record, CloudEvents.TIME)).isNotBlank();
            assertThat(KafkaTopics.header(record, CloudEvents.CORRELATION_ID)).isNotBlank();
            assertThat(EventCatalog.isKnown(type)).isTrue();
        }
        assertThat(KafkaTopics.header(records.get(3), CloudEvents.ACTOR)).isEqualTo("structure:" + place);
        assertThat(KafkaTopics.header(records.get(5), CloudEvents.ACTOR)).isEqualTo("agency:" + Places.AGENCY_ID);

        List<Object> events = records.stream().map(ProjectionRunner::decode).map(EventEnvelope::data)
                .map(Object.class::cast).toList();
        assertThat(events.get(2)).isInstanceOfSatisfying(StructureEvent.LabelAppliedV2.class, applied -> {
            assertThat(applied.applicationId()).isEqualTo(first);
            assertThat(applied.answers()).containsEntry("public-accueilli", "tout public");
            assertThat(applied.charterAcceptedAt()).isNotNull();
        });
        assertThat(events.get(3)).isEqualTo(new StructureEvent.ApplicationWithdrawn(place, first,
                ((StructureEvent.ApplicationWithdrawn) events.get(3)).withdrawnAt()));
        assertThat(events.get(5)).isInstanceOfSatisfying(StructureEvent.LabelRefused.class, refused -> {
            assertThat(refused.applicationId()).isEqualTo(second);
            assertThat(refused.reason()).isEqualTo("Questionnaire incomplet");
        });
        assertThat(events.get(6)).isInstanceOfSatisfying(StructureEvent.StructureDetailsChanged.class, changed -> {
            assertThat(changed.name()).isEqualTo("Connect & vous Vauvert");
            assertThat(changed.address().street()).isEqualTo("3 avenue Jean Jaurès");
        });
        assertThat(events.get(7)).isInstanceOfSatisfying(StructureEvent.ProfileChanged.class, changed ->
                assertThat(changed.catalogue()).singleElement()
                        .satisfies(service -> assertThat(service.code()).isEqualTo("smartphone-basics")));
    }

    @Test
    void history_listsEveryEventOfTheStream_withItsVersionAndActor() {
        UUID place = Places.registered();
        UUID application = Places.applied(place);
        withdraw(place, application);
        Places.applied(place);
        Places.decide(place, "refuse", Map.of("reason", "Pas de médiateur")).statusCode(200);
        changeDetails(place, details("Nouveau nom", "5 rue Haute", "30600", "Vauvert", "30")).statusCode(200);

        given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place + "/history")
                .then().statusCode(200)
                .body("events.type", equalTo(List.of("structure.registered.v1", "structure.profile-changed.v1",
                        "structure.label-applied.v2", "structure.application-withdrawn.v1",
                        "structure.label-applied.v2", "structure.label-refused.v1", "structure.details-changed.v1")))
                .body("events.streamVersion", equalTo(List.of(1, 2, 3, 4, 5, 6, 7)))
                .body("events[3].data.applicationId", equalTo(application.toString()))
                .body("events[3].actor", equalTo("structure:" + place))
                .body("events[5].data.reason", equalTo("Pas de médiateur"))
                .body("events[5].actor", equalTo("agency:" + Places.AGENCY_ID))
                .body("events[6].data.name", equalTo("Nouveau nom"));
    }

    @Test
    void detailsEdit_changesNameLegalFormAndAddress_butNeverTheSiret() {
        UUID place = Places.registered();
        String siret = given().header("Authorization", Places.asAgency()).when().get("/structures/" + place + "/history")
                .then().extract().path("events[0].data.siret");
        Map<String, Object> body = new java.util.HashMap<>(
                details("Connect & vous Nîmes", "9 rue de l'Aspic", "30000", "Nîmes", "30"));
        body.put("siret", "73282932000074");
        changeDetails(place, body).statusCode(200).body("version", equalTo(3));

        await().atMost(PATIENCE).untilAsserted(() ->
                given().header("Authorization", Places.asPlace(place)).when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("name", equalTo("Connect & vous Nîmes"))
                        .body("legalForm", equalTo("SCIC"))
                        .body("street", equalTo("9 rue de l'Aspic"))
                        .body("postcode", equalTo("30000"))
                        .body("commune", equalTo("Nîmes"))
                        .body("siret", equalTo(siret))
                        .body("eventsApplied", equalTo(3)));
    }

    @Test
    void detailsEdit_withAPostcodeOutsideTheDepartement_isRefused_namingTheField_andRecordsNothing() {
        UUID place = Places.registered();
        changeDetails(place, details("n", "1 rue", "34000", "Montpellier", "30")).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("postcode-departement-mismatch"))
                .body("violations.field", hasItem("address.postcode"));
        changeDetails(place, Map.of("legalForm", "SCIC")).statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("name")))
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("address")));
        assertThat(Places.historySize(place)).isEqualTo(2);
    }

    @Test
    void detailsEdit_toAnotherDepartement_isRefused_whileLabelled() {
        UUID place = Places.granted("2026-12-01");
        int before = Places.historySize(place);
        changeDetails(place, details("n", "1 rue", "34000", "Montpellier", "34")).statusCode(409)
                .body("code", equalTo("departement-change-while-labelled"));
        assertThat(Places.historySize(place)).isEqualTo(before);
    }

    @Test
    void detailsEdit_ofAnUnknownPlace_isNotFound() {
        UUID place = UUID.randomUUID();
        changeDetails(place, details("n", "1 rue", "30600", "Vauvert", "30")).statusCode(404)
                .body("code", equalTo("structure-not-found"));
    }

    @Test
    void rebuildingEveryLabellingProjection_fromTheTopic_givesTheLiveState() throws Exception {
        List<UUID> places = new ArrayList<>();
        UUID withdrawn = Places.registered();
        withdraw(withdrawn, Places.applied(withdrawn));
        places.add(withdrawn);
        UUID refused = Places.registered();
        Places.applied(refused);
        Places.decide(refused, "refuse", Map.of("reason", "Incomplet")).statusCode(200);
        places.add(refused);
        UUID edited = Places.granted("2026-12-01");
        changeDetails(edited, details("Renommé", "7 rue Basse", "30600", "Vauvert", "30")).statusCode(200);
        given().header("Authorization", Places.asPlace(edited)).contentType("application/json")
                .body(Map.of("catalogue", List.of(Map.of("code", "video-calls", "label", "Appels vidéo",
                        "durationMinutes", 45)), "contact", Map.of("email", "accueil@renomme.fr")))
                .when().put("/structures/" + edited + "/profile").then().statusCode(200);
        Places.decide(edited, "suspend", Map.of("reason", "Contrôle")).statusCode(200);
        places.add(edited);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(eventsApplied("structure_view", withdrawn)).isEqualTo(4);
            assertThat(eventsApplied("structure_view", refused)).isEqualTo(4);
            assertThat(eventsApplied("structure_view", edited)).isEqualTo(7);
            assertThat(eventsApplied("structure_profile", edited)).isEqualTo(2);
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(rows(APPLICATIONS, withdrawn)).singleElement().asString().contains("WITHDRAWN");
            assertThat(rows(APPLICATIONS, refused)).singleElement().asString().contains("REFUSED").contains("Incomplet");
            assertThat(rows(APPLICATIONS, edited)).singleElement().asString().contains("GRANTED");
        });
        given().header("Authorization", Places.asPlace(withdrawn)).when().get("/structures/" + withdrawn)
                .then().body("labelStatus", equalTo("NONE")).body("application.status", equalTo("WITHDRAWN"));
        given().header("Authorization", Places.asPlace(edited)).when().get("/structures/" + edited)
                .then().body("labelStatus", equalTo("SUSPENDED")).body("name", equalTo("Renommé"))
                .body("profile.catalogue.code", equalTo(List.of("video-calls")))
                .body("profile.contact.email", equalTo("accueil@renomme.fr"));

        List<List<String>> live = snapshot(places);
        for (String projection : List.of(StructureViewProjection.NAME, StructureProfileProjection.NAME,
                LabelApplicationsProjection.NAME)) {
            given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                    .when().post("/admin/projections/" + projection + "/rebuild")
                    .then().statusCode(200).body("projection", equalTo(projection));
        }
        assertThat(snapshot(places)).isEqualTo(live);
        assertThat(eventsApplied("structure_view", edited)).isEqualTo(7);
    }

    @Test
    void aV1Application_publishedBeforeTheQuestionnaireTravelled_isStillProjected() throws Exception {
        UUID place = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        java.time.Instant at = java.time.Instant.parse("2026-01-12T09:40:00Z");
        UUID correlation = UUID.randomUUID();
        List<org.passledger.events.LedgerEvent> events = List.of(
                new StructureEvent.StructureRegistered(place, "Ancien lieu", "73282932000074", "association",
                        new org.passledger.events.values.Address("1 rue", "30600", "Vauvert", "30"), null, at),
                new StructureEvent.LabelApplied(place, application, List.of("online-procedures"), at),
                new StructureEvent.LabelRefused(place, application, "Incomplet", at.plusSeconds(60)));
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope envelope = EventEnvelope.of(events.get(i), UUID.randomUUID(), "/pass-ledger/labelling-service",
                    at.plusSeconds(i), i + 1, correlation, null, "structure:" + place);
            KafkaTopics.send(Topics.STRUCTURES, envelope.kafkaKey(),
                    org.passledger.events.EventJson.write(events.get(i)), envelope.toKafkaHeaders());
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows(APPLICATIONS, place)).singleElement()
                .asString().contains("status=REFUSED").contains("charter_accepted=null").contains("answers={}"));
        assertThat(eventsApplied("structure_view", place)).isEqualTo(3);
        given().header("Authorization", Places.asAgency()).when().get("/structures/" + place)
                .then().statusCode(200).body("labelStatus", equalTo("NONE"))
                .body("application.status", equalTo("REFUSED"))
                .body("application.charterAccepted", equalTo(null));
    }

    static final String VIEW = "select * from structure_view where structure_id = ?";
    static final String PROFILE = "select * from structure_profile where structure_id = ?";
    static final String APPLICATIONS = "select * from label_applications where structure_id = ? order by submitted_at";

    static List<List<String>> snapshot(List<UUID> places) throws Exception {
        List<List<String>> all = new ArrayList<>();
        for (UUID place : places) {
            all.add(rows(VIEW, place));
            all.add(rows(PROFILE, place));
            all.add(rows(APPLICATIONS, place));
        }
        return all;
    }

    static List<String> rows(String sql, UUID place) throws Exception {
        try (Connection db = LedgerTestResources.database().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, place);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(result.getMetaData().getColumnName(c)).append('=').append(result.getString(c))
                                .append(';');
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }

    static int eventsApplied(String table, UUID place) throws Exception {
        try (Connection db = LedgerTestResources.database().connect();
             PreparedStatement query = db.prepareStatement(
                     "select events_applied from " + table + " where structure_id = ?")) {
            query.setObject(1, place);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        }
    }
}
