package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.payable;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventJson;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.settlement.domain.StatementNumber;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class SettlementLifecycleTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    static JsonPath runSettlement(Period period, String name) {
        var response = given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", period.end().toString(),
                        "name", name))
                .when().post("/settlement-runs")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .extract();
        assertThat(response.header("Location")).endsWith("/settlement-runs/" + response.jsonPath().getString("runId"));
        return response.jsonPath();
    }

    static void awaitPayable(List<Redemption> redemptions) {
        await().atMost(PATIENCE).until(() -> payable(redemptions, false) == redemptions.size());
    }

    static Map<String, Object> statementOf(JsonPath run, UUID place) {
        List<Map<String, Object>> statements = run.getList("statements");
        return statements.stream().filter(s -> place.toString().equals(s.get("structureId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement for place " + place + " in " + statements));
    }

    @Test
    void run_issuesOneStatementPerPlace_citingTheRedemptionEvents_andPaymentReimbursesEachVoucher() {
        Period period = newPeriod();
        UUID placeA = UUID.randomUUID();
        UUID placeB = UUID.randomUUID();
        Redemption a1 = redeem(placeA, 1000, period.at(Duration.ofHours(9)));
        Redemption a2 = redeem(placeA, 1000, period.at(Duration.ofHours(15)));
        Redemption b1 = redeem(placeB, 500, period.start());
        Redemption afterPeriod = redeem(placeA, 1000, period.end());
        awaitPayable(List.of(a1, a2, b1, afterPeriod));

        JsonPath run = runSettlement(period, "lifecycle-" + period.start());
        assertThat(run.getList("statements")).hasSize(2);
        Map<String, Object> statementA = statementOf(run, placeA);
        Map<String, Object> statementB = statementOf(run, placeB);
        assertThat(statementA).containsEntry("totalCents", 2000).containsEntry("lineCount", 2);
        assertThat(statementB).containsEntry("totalCents", 500).containsEntry("lineCount", 1);
        String statementId = (String) statementA.get("statementId");

        // the lines cite the redemption events themselves, in the store and in the read model
        StatementIssued issued = (StatementIssued) EventJson.read("settlement.statement-issued.v1",
                SettlementFixtures.awaitRecord(Topics.SETTLEMENTS, statementId, "settlement.statement-issued.v1").value());
        assertThat(issued.lines()).extracting(l -> l.redemptionEventId())
                .containsExactlyInAnyOrder(a1.eventId(), a2.eventId());
        assertThat(issued.lines()).extracting(l -> l.voucherId())
                .containsExactlyInAnyOrder(a1.voucherId(), a2.voucherId());
        await().atMost(PATIENCE).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, placeA))
                        .when().get("/statements/" + statementId)
                        .then().statusCode(200)
                        .body("status", equalTo("ISSUED"))
                        .body("totalCents", equalTo(2000))
                        .body("lines.redemptionEventId", containsInAnyOrder(a1.eventId().toString(),
                                a2.eventId().toString())));

        // the same period again: everything in it is on a statement already
        JsonPath again = runSettlement(period, "lifecycle-again-" + period.start());
        assertThat(again.getList("statements")).isEmpty();

        SettlementFixtures.verifiedAccount(placeA);
        given().header("Authorization", operator())
                .contentType("application/json").body(Map.of("bankReference", "SEPA-" + statementId))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200)
                .body("amountCents", equalTo(2000))
                .body("vouchersReimbursed", equalTo(2));

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (Redemption redemption : List.of(a1, a2)) {
                ConsumerRecord<String, String> record = SettlementFixtures.record(Topics.SETTLEMENTS,
                        redemption.voucherId().toString(), "voucher.reimbursed.v1");
                assertThat(record).as("reimbursement of %s on the topic", redemption.voucherId()).isNotNull();
                assertThat(KafkaTopics.header(record, CloudEvents.SUBJECT)).isEqualTo(redemption.voucherId().toString());
                assertThat(KafkaTopics.header(record, CloudEvents.SOURCE)).isEqualTo("/pass-ledger/settlement-service");
                assertThat(KafkaTopics.header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(KafkaTopics.header(record, CloudEvents.STREAM_VERSION)).isEqualTo("1");
                assertThat(KafkaTopics.header(record, CloudEvents.ACTOR)).isEqualTo("operator:operator-1");
                VoucherReimbursed reimbursed = (VoucherReimbursed) EventJson.read("voucher.reimbursed.v1", record.value());
                assertThat(reimbursed.statementId().toString()).isEqualTo(statementId);
                assertThat(reimbursed.redemptionId()).isEqualTo(redemption.redemptionId());
                assertThat(reimbursed.amountCents()).isEqualTo(1000);
            }
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "anct"))
                    .when().get("/statements/" + statementId)
                    .then().statusCode(200)
                    .body("status", equalTo("PAID"))
                    .body("bankReference", equalTo("SEPA-" + statementId))
                    .body("eventsApplied", equalTo(2));
            given().header("Authorization", operator())
                    .when().get("/vouchers/" + a1.voucherId() + "/reimbursement")
                    .then().statusCode(200)
                    .body("statementId", equalTo(statementId))
                    .body("amountCents", equalTo(1000))
                    .body("eventsApplied", equalTo(1));
        });
        given().header("Authorization", operator())
                .when().get("/vouchers/" + b1.voucherId() + "/reimbursement")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, placeA))
                .when().get("/structures/" + placeA + "/statements")
                .then().statusCode(200)
                .body("statementId", containsInAnyOrder(statementId))
                .body("[0].status", equalTo("PAID"));
        given().header("Authorization", operator())
                .when().get("/settlement-runs/" + run.getString("runId"))
                .then().statusCode(200)
                .body("statements", hasSize(2));
    }

    @Test
    void confirmingPaymentTwice_isRefused_andReimbursesNothingMore() {
        Period period = newPeriod();
        UUID place = UUID.randomUUID();
        Redemption redemption = redeem(place, 1000, period.at(Duration.ofHours(10)));
        awaitPayable(List.of(redemption));
        String statementId = (String) statementOf(runSettlement(period, "twice-" + period.start()), place)
                .get("statementId");
        SettlementFixtures.verifiedAccount(place);

        given().header("Authorization", operator())
                .contentType("application/json").body(Map.of("bankReference", "SEPA-1"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200);
        given().header("Authorization", operator())
                .contentType("application/json").body(Map.of("bankReference", "SEPA-2"))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("statement-already-paid"));

        assertThat(SettlementFixtures.count("""
                select count(*) from events where type = 'voucher.reimbursed.v1' and stream_id = ?""",
                redemption.voucherId().toString())).isEqualTo(1);
    }

    @Test
    void reversedRedemption_isNeverOnAStatement() {
        Period period = newPeriod();
        UUID place = UUID.randomUUID();
        Redemption kept = redeem(place, 1000, period.at(Duration.ofHours(9)));
        Redemption mistaken = redeem(place, 1000, period.at(Duration.ofHours(10)));
        SettlementFixtures.reverse(mistaken, period.at(Duration.ofHours(11)));
        awaitPayable(List.of(kept));
        await().atMost(PATIENCE).until(() -> payable(List.of(mistaken), true) == 1);

        JsonPath run = runSettlement(period, "reversal-" + period.start());

        assertThat(run.getList("statements")).hasSize(1);
        assertThat(statementOf(run, place)).containsEntry("totalCents", 1000).containsEntry("lineCount", 1);
        assertThat(SettlementFixtures.statementLinesPerRedemption(List.of(kept, mistaken))).containsExactly(1L, 0L);
    }

    @Test
    void concurrentRuns_forTheSamePeriod_putEachRedemptionOnExactlyOneStatement() throws Exception {
        Period period = newPeriod();
        List<Redemption> redemptions = new ArrayList<>();
        for (int place = 0; place < 3; place++) {
            UUID placeId = UUID.randomUUID();
            for (int voucher = 0; voucher < 3; voucher++) {
                redemptions.add(redeem(placeId, 1000, period.at(Duration.ofHours(1 + voucher))));
            }
        }
        awaitPayable(redemptions);

        int runs = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<JsonPath>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String name = "concurrent-" + i + "-" + period.start();
                Callable<JsonPath> run = () -> {
                    start.await();
                    return runSettlement(period, name);
                };
                results.add(pool.submit(run));
            }
            start.countDown();
            int statements = 0;
            long total = 0;
            for (Future<JsonPath> result : results) {
                List<Map<String, Object>> issued = result.get().getList("statements");
                statements += issued.size();
                total += issued.stream().mapToLong(s -> ((Number) s.get("totalCents")).longValue()).sum();
            }
            assertThat(statements).as("one statement per place, whichever run issued it").isEqualTo(3);
            assertThat(total).isEqualTo(9000);
        } finally {
            pool.shutdownNow();
        }
        assertThat(SettlementFixtures.statementLinesPerRedemption(redemptions)).containsOnly(1L)
                .hasSize(redemptions.size());
    }

    @Test
    void statementNumbers_runInSequenceWithinTheYear_withoutGaps() {
        Period period = newPeriod();
        List<Redemption> redemptions = new ArrayList<>();
        for (int place = 0; place < 3; place++) {
            redemptions.add(redeem(UUID.randomUUID(), 1000, period.at(Duration.ofHours(12))));
        }
        awaitPayable(redemptions);
        // a refused run must not take a number
        given().header("Authorization", operator())
                .contentType("application/json")
                .body(Map.of("periodStart", period.start().toString(), "periodEnd", "2999-01-01T00:00:00Z"))
                .when().post("/settlement-runs")
                .then().statusCode(409);

        JsonPath run = runSettlement(period, "numbers-" + period.start());

        List<String> numbers = run.getList("statements.statementNumber", String.class).stream()
                .sorted(Comparator.naturalOrder()).toList();
        assertThat(numbers).hasSize(3);
        int year = Year.now(StatementNumber.BOOKS_ZONE).getValue();
        long first = Long.parseLong(numbers.get(0).substring(5));
        assertThat(numbers).containsExactly(IntStream.range(0, 3)
                .mapToObj(i -> StatementNumber.format(year, first + i)).toArray(String[]::new));
        List<String> all = SettlementFixtures.statementNumbers();
        assertThat(all).containsExactly(IntStream.rangeClosed(1, all.size())
                .mapToObj(i -> StatementNumber.format(year, i)).toArray(String[]::new));
    }

    @Test
    void aReversalArrivingOnceTheRedemptionIsOnAStatement_isFlagged_andChangesNoStatement() {
        Period period = newPeriod();
        UUID place = UUID.randomUUID();
        Redemption redemption = redeem(place, 1000, period.at(Duration.ofHours(9)));
        awaitPayable(List.of(redemption));
        String statementId = (String) statementOf(runSettlement(period, "late-reversal-" + period.start()), place)
                .get("statementId");

        SettlementFixtures.reverse(redemption, period.at(Duration.ofHours(30)));

        await().atMost(PATIENCE).untilAsserted(() ->
                given().header("Authorization", operator())
                        .when().get("/reversal-flags")
                        .then().statusCode(200)
                        .body("findAll { it.redemptionId == '" + redemption.redemptionId() + "' }.statementId",
                                org.hamcrest.Matchers.contains(statementId))
                        .body("findAll { it.redemptionId == '" + redemption.redemptionId() + "' }.reimbursed",
                                org.hamcrest.Matchers.contains(false)));
        assertThat(SettlementFixtures.statementLinesPerRedemption(List.of(redemption))).containsExactly(1L);
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .when().get("/reversal-flags")
                .then().statusCode(403);
    }
}
