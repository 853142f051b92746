package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** The calls the service tests make, written once. */
final class IssuanceApi {

    static final int NEXT_YEAR = LocalDate.now().getYear() + 1;

    private IssuanceApi() {
    }

    static Map<String, Object> programme(long budgetCents, int bookSize) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Pass Numérique Gard " + NEXT_YEAR);
        body.put("funderName", "Département du Gard");
        body.put("funderType", "departement");
        body.put("budgetCents", budgetCents);
        body.put("bookSize", bookSize);
        body.put("territory", List.of("30"));
        body.put("validUntil", NEXT_YEAR + "-12-31");
        body.put("acceptedUntil", (NEXT_YEAR + 1) + "-01-31");
        body.put("targetPublics", List.of("seniors"));
        return body;
    }

    static ValidatableResponse open(UUID funder, Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .contentType("application/json").body(body)
                .when().post("/programmes").then();
    }

    static UUID openProgramme(UUID funder, long budgetCents, int bookSize) {
        return UUID.fromString(open(funder, programme(budgetCents, bookSize)).statusCode(201)
                .extract().path("programmeId"));
    }

    static ValidatableResponse order(UUID funder, UUID programmeId, int books) {
        return given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .contentType("application/json").body(Map.of("books", books))
                .when().post("/programmes/" + programmeId + "/orders").then();
    }

    static JsonPath placeOrder(UUID funder, UUID programmeId, int books) {
        return order(funder, programmeId, books).statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse fund(String role, Object party, UUID programmeId, String orderId) {
        return given().header("Authorization", TestTokens.bearer(role, party))
                .contentType("application/json").body(Map.of("paymentOrderReference", "MANDAT-" + orderId.substring(0, 8)))
                .when().post("/programmes/" + programmeId + "/orders/" + orderId + "/funding").then();
    }

    static ValidatableResponse distribute(UUID distributor, String code) {
        return given().header("Authorization", TestTokens.bearer(Roles.DISTRIBUTOR, distributor))
                .contentType("application/json").body(Map.of("code", code, "ageBracket", "60-74", "postcode", "30600"))
                .when().post("/vouchers/distributions").then();
    }

    static ValidatableResponse registerDistributor(UUID funder, UUID programmeId, UUID distributor) {
        return given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .contentType("application/json")
                .body(Map.of("distributorId", distributor.toString(), "name", "CCAS de Nîmes", "kind", "ccas"))
                .when().post("/programmes/" + programmeId + "/distributors").then();
    }

    static ValidatableResponse consign(UUID funder, UUID programmeId, UUID distributor, List<String> bookIds) {
        return given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .contentType("application/json")
                .body(Map.of("distributorId", distributor.toString(), "bookIds", bookIds))
                .when().post("/programmes/" + programmeId + "/consignments").then();
    }

    /** Registers the distributor for the programme (if need be) and moves every book of the order to its stock. */
    static void stock(UUID funder, UUID programmeId, UUID distributor, JsonPath order) {
        registerDistributor(funder, programmeId, distributor).statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        List<String> books = order.<String>getList("vouchers.bookId").stream().distinct().toList();
        consign(funder, programmeId, distributor, books).statusCode(201);
    }

    static ValidatableResponse distributeBook(UUID distributor, String bookId) {
        return given().header("Authorization", TestTokens.bearer(Roles.DISTRIBUTOR, distributor))
                .contentType("application/json").body(Map.of("bookId", bookId))
                .when().post("/vouchers/book-distributions").then();
    }

    static ValidatableResponse get(String role, Object party, String path) {
        return given().header("Authorization", TestTokens.bearer(role, party)).when().get(path).then();
    }

    static ValidatableResponse post(String role, Object party, String path, Object body) {
        return given().header("Authorization", TestTokens.bearer(role, party))
                .contentType("application/json").body(body).when().post(path).then();
    }

    static ValidatableResponse voucher(String role, Object party, String code) {
        return given().header("Authorization", TestTokens.bearer(role, party))
                .when().get("/vouchers/" + code).then();
    }

    static ValidatableResponse programmeView(String role, Object party, UUID programmeId) {
        return given().header("Authorization", TestTokens.bearer(role, party))
                .when().get("/programmes/" + programmeId).then();
    }

    /** Publishes an event as its owning service would: CloudEvents headers, key = subject, JSON value. */
    static EventEnvelope publish(String topic, LedgerEvent event, String source, String actor) {
        EventEnvelope envelope = EventEnvelope.of(event, UUID.randomUUID(), source, java.time.Instant.now(), 1,
                UUID.randomUUID(), null, actor);
        send(topic, envelope);
        return envelope;
    }

    static void send(String topic, EventEnvelope envelope) {
        KafkaTopics.send(topic, envelope.kafkaKey(), envelope.kafkaValue(), envelope.toKafkaHeaders());
    }

    /** Whether a consumer group has committed past every record now on the topic. */
    static boolean consumedEverything(String groupId, String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LedgerTestResources.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition).offset();
                OffsetAndMetadata done = committed.get(partition);
                if (end > 0 && (done == null || done.offset() < end)) {
                    return false;
                }
            }
            return true;
        }
    }

    static Duration patience() {
        return Duration.ofSeconds(60);
    }
}
