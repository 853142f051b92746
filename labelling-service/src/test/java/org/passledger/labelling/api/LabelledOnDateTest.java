package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.ProjectionRunner;
import org.passledger.labelling.application.LabelExpiryJob;
import org.passledger.labelling.support.Places;
import org.passledger.labelling.support.TestClock;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/** A place walked through grant, suspension, reinstatement, renewal and expiry, with the clock under control. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class LabelledOnDateTest {

    @Inject
    TestClock clock;

    @Inject
    LabelExpiryJob expiryJob;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void labelledOnDate_followsGrantSuspensionReinstatementRenewalAndExpiry() throws Throwable {
        clock.set("2027-01-10T09:00:00Z");
        UUID place = Places.registered();
        Places.applied(place);
        Places.grant(place, "2027-01-15").statusCode(200);

        clock.set("2027-03-01T10:00:00Z");
        Places.decide(place, "suspend", Map.of("reason", "Contrôle qualité")).statusCode(200);
        clock.set("2027-03-05T08:00:00Z");
        Places.decide(place, "reinstate", Map.of()).statusCode(200);

        clock.set("2029-12-01T09:00:00Z");
        awaitLabel(place, "GRANTED", "2030-01-14");
        assertThat(expiringWithin60Days()).contains(place.toString());
        Places.decide(place, "renew", Map.of("conventionReference", "ANCT-2030-030-0001")).statusCode(200);
        awaitLabel(place, "GRANTED", "2033-01-14");
        assertThat(expiringWithin60Days()).doesNotContain(place.toString());

        clock.set("2033-01-14T12:00:00Z");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueLabels())).doesNotContain(place);
        clock.set("2033-01-15T06:00:00Z");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueLabels())).contains(place);
        awaitLabel(place, "EXPIRED", "2033-01-14");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueLabels())).doesNotContain(place);

        assertLabelledOn(place, "2027-01-14", false, false);
        assertLabelledOn(place, "2027-01-15", true, true);
        assertLabelledOn(place, "2027-03-01", true, false);
        assertLabelledOn(place, "2027-03-03", false, false);
        assertLabelledOn(place, "2027-03-05", true, false);
        assertLabelledOn(place, "2028-06-30", true, true);
        assertLabelledOn(place, "2030-01-14", true, true);
        assertLabelledOn(place, "2030-01-15", true, true);
        assertLabelledOn(place, "2033-01-14", true, true);
        assertLabelledOn(place, "2033-01-15", false, false);

        // the same answer from the topic alone, as redemption-service reads it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topicTypes(place)).containsExactly("structure.registered.v1", "structure.profile-changed.v1",
                        "structure.label-applied.v2",
                        "structure.label-granted.v1", "structure.label-suspended.v1", "structure.label-reinstated.v1",
                        "structure.label-renewed.v1", "structure.label-expired.v1"));
        var renewed = (StructureEvent.LabelRenewed) topicEvents(place).get(6);
        assertThat(renewed.validFrom()).hasToString("2030-01-15");
        var expired = (StructureEvent.LabelExpired) topicEvents(place).get(7);
        assertThat(expired.expiredOn()).hasToString("2033-01-14");
        var expiredRecord = KafkaTopics.readAll(Topics.STRUCTURES).stream()
                .filter(r -> place.toString().equals(r.key())).toList().get(7);
        assertThat(KafkaTopics.header(expiredRecord, CloudEvents.SUBJECT)).isEqualTo(place.toString());
        assertThat(KafkaTopics.header(expiredRecord, CloudEvents.STREAM_VERSION)).isEqualTo("8");
        assertThat(KafkaTopics.header(expiredRecord, CloudEvents.ACTOR)).isEqualTo(LabelExpiryJob.ACTOR);
        assertThat(KafkaTopics.header(expiredRecord, CloudEvents.TIME)).isEqualTo("2033-01-15T06:00:00Z");
        assertThat(KafkaTopics.header(expiredRecord, CloudEvents.ID)).isNotBlank();
    }

    @Test
    void expiredLabel_cannotBeRenewedSuspendedOrReinstated_andNothingIsRecorded() throws Throwable {
        clock.set("2027-01-10T09:00:00Z");
        UUID place = Places.granted("2027-01-15");
        awaitLabel(place, "GRANTED", "2030-01-14");
        clock.set("2030-01-15T09:00:00Z");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueLabels())).contains(place);
        int before = Places.historySize(place);

        Places.decide(place, "renew", Map.of("conventionReference", "late")).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("label-expired"));
        Places.decide(place, "suspend", Map.of("reason", "x")).statusCode(409).body("code", equalTo("label-expired"));
        Places.decide(place, "reinstate", Map.of()).statusCode(409).body("code", equalTo("label-expired"));
        Places.decide(place, "revoke", Map.of("reason", "x")).statusCode(409).body("code", equalTo("label-expired"));
        assertThat(Places.historySize(place)).isEqualTo(before);
    }

    private static void awaitLabel(UUID place, String status, String validUntil) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Places.asAgency()).when().get("/structures/" + place)
                        .then().statusCode(200)
                        .body("labelStatus", equalTo(status))
                        .body("labelValidUntil", equalTo(validUntil)));
    }

    private static List<String> expiringWithin60Days() {
        return given().header("Authorization", Places.asAgency()).queryParam("size", 500)
                .when().get("/agency/labels/expiring")
                .then().statusCode(200).extract().jsonPath().getList("items.structureId", String.class);
    }

    private static void assertLabelledOn(UUID place, String date, boolean labelled, boolean allDay) {
        given().header("Authorization", Places.asPlace(place)).queryParam("date", date)
                .when().get("/structures/" + place + "/labelled-on")
                .then().statusCode(200)
                .body("date", equalTo(date))
                .body("labelled", equalTo(labelled))
                .body("labelledAllDay", equalTo(allDay));
    }

    private static List<String> topicTypes(UUID place) {
        return KafkaTopics.readAll(Topics.STRUCTURES).stream().filter(r -> place.toString().equals(r.key()))
                .map(r -> KafkaTopics.header(r, CloudEvents.TYPE)).toList();
    }

    private static List<Object> topicEvents(UUID place) {
        return KafkaTopics.readAll(Topics.STRUCTURES).stream().filter(r -> place.toString().equals(r.key()))
                .map(ProjectionRunner::decode).map(EventEnvelope::data).map(Object.class::cast).toList();
    }
}
