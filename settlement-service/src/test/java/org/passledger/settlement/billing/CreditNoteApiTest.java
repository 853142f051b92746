package org.passledger.settlement.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.settlement.billing.BillingFixtures.count;
import static org.passledger.settlement.billing.BillingFixtures.operator;
import static org.passledger.settlement.billing.BillingFixtures.parse;
import static org.passledger.settlement.billing.BillingFixtures.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class CreditNoteApiTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Instant AT = Instant.parse("2026-07-01T08:00:00Z");

    static UUID expire(UUID voucher, UUID programme, UUID funder, long cents) {
        return publish(new VoucherExpired(voucher, programme, funder, cents, LocalDate.of(2026, 6, 30), AT), AT);
    }

    static List<Map<String, Object>> run() {
        return given().header("Authorization", operator())
                .when().post("/credit-note-runs")
                .then().statusCode(200).extract().jsonPath().getList("creditNotes");
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> notes, UUID programme) {
        return notes.stream().filter(n -> programme.toString().equals(n.get("programmeId"))).toList();
    }

    @Test
    void unusedVouchersAreCreditedOncePerProgramme_evenWithTwoRunsAtOnce_andTheFunderSeesIt() throws Exception {
        UUID funder = UUID.randomUUID();
        UUID programmeA = UUID.randomUUID();
        UUID programmeB = UUID.randomUUID();
        UUID v1 = UUID.randomUUID();
        UUID v1Event = expire(v1, programmeA, funder, 1_000);
        expire(UUID.randomUUID(), programmeA, funder, 1_500);
        publish(new VoucherCancelled(UUID.randomUUID(), programmeA, funder, 2_000, "book lost", AT), AT);
        expire(UUID.randomUUID(), programmeB, funder, 700);
        // a redelivery, and the same voucher said unused twice: still one voucher to credit
        publish(new VoucherExpired(v1, programmeA, funder, 1_000, LocalDate.of(2026, 6, 30), AT), AT, v1Event);
        UUID twice = publish(new VoucherCancelled(v1, programmeA, funder, 1_000, "cancelled as well", AT), AT);
        await().atMost(PATIENCE).until(() -> count("select count(*) from inbox where projection = ? and event_id = cast(? as uuid)",
                UnusedVouchersProjection.NAME, twice.toString()) == 1 && count("select count(*) from unused_vouchers where funder_id = cast(? as uuid)",
                funder.toString()) == 4);
        assertThat(count("select events_applied from unused_vouchers where voucher_id = cast(? as uuid)",
                v1.toString())).isEqualTo(2);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Map<String, Object>> issued = new ArrayList<>();
        try {
            Callable<List<Map<String, Object>>> call = CreditNoteApiTest::run;
            List<Future<List<Map<String, Object>>>> runs = pool.invokeAll(List.of(call, call));
            for (Future<List<Map<String, Object>>> f : runs) {
                issued.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(of(issued, programmeA)).singleElement().satisfies(note -> {
            assertThat(note).containsEntry("amountCents", 4_500).containsEntry("voucherCount", 3)
                    .containsEntry("funderId", funder.toString());
            assertThat((String) note.get("creditNoteNumber")).matches("AV-\\d{4}-\\d{6}");
        });
        assertThat(of(issued, programmeB)).singleElement().satisfies(note ->
                assertThat(note).containsEntry("amountCents", 700).containsEntry("voucherCount", 1));
        assertThat(of(run(), programmeA)).isEmpty();
        assertThat(count("select count(*) from events where type = 'settlement.credit-note-issued.v1' "
                + "and payload ->> 'funderId' = ?", funder.toString())).isEqualTo(2);

        String bearer = TestTokens.bearer(Roles.FUNDER, funder);
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", bearer)
                .when().get("/funders/" + funder + "/balance")
                .then().statusCode(200).body("creditedCents", equalTo(5_200)).body("balanceCents", equalTo(-5_200)));
        given().header("Authorization", bearer).when().get("/funders/" + funder + "/credit-notes")
                .then().statusCode(200).body("size()", equalTo(2));
        List<CSVRecord> rows = parse(given().header("Authorization", bearer)
                .when().get("/funders/" + funder + "/credit-notes.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString());
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("amount_cents"))).sum()).isEqualTo(5_200);
        assertThat(rows.stream().map(r -> r.get("amount_eur"))).containsExactlyInAnyOrder("45.00", "7.00");
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().get("/funders/" + funder + "/credit-notes").then().statusCode(403);
    }

    @Test
    void creditNoteNumbers_runWithoutGaps() {
        UUID funder = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            expire(UUID.randomUUID(), UUID.randomUUID(), funder, 100 + i);
        }
        await().atMost(PATIENCE).until(() -> count(
                "select count(*) from unused_vouchers where funder_id = cast(? as uuid)", funder.toString()) == 3);
        run();
        List<String> numbers = BillingFixtures.strings("""
                select payload ->> 'creditNoteNumber' from events where type = 'settlement.credit-note-issued.v1'
                order by 1""");
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).endsWith(String.format("-%06d", i + 1));
        }
    }

    @Inject
    MonthlyCreditNotes monthly;

    @Test
    void theMonthlyRun_creditsOnceAMonth() {
        UUID funder = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        expire(UUID.randomUUID(), programme, funder, 300);
        await().atMost(PATIENCE).until(() -> count(
                "select count(*) from unused_vouchers where funder_id = cast(? as uuid)", funder.toString()) == 1);
        YearMonth month = YearMonth.of(2099, 1); // a month the scheduler never reaches in a test
        List<CreditNotes.Issued> first = monthly.runMonth(month).await().atMost(PATIENCE);
        assertThat(first).filteredOn(n -> n.programmeId().equals(programme)).singleElement()
                .satisfies(n -> assertThat(n.amountCents()).isEqualTo(300));
        expire(UUID.randomUUID(), programme, funder, 400);
        await().atMost(PATIENCE).until(() -> count(
                "select count(*) from unused_vouchers where funder_id = cast(? as uuid)", funder.toString()) == 2);
        assertThat(monthly.runMonth(month).await().atMost(PATIENCE)).as("the month ran already").isNull();
        assertThat(count("select credit_notes from credit_note_months where month = '2099-01'")).isPositive();
        // the operator's run still credits what came in since
        assertThat(of(run(), programme)).singleElement().satisfies(n -> assertThat(n).containsEntry("amountCents", 400));
    }

    @Test
    void onlyTheOperatorRunsCreditNotes() {
        given().header("Authorization", TestTokens.bearer(Roles.FUNDER, UUID.randomUUID()))
                .when().post("/credit-note-runs").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "agency-1"))
                .when().post("/credit-note-runs").then().statusCode(403);
        given().when().post("/credit-note-runs").then().statusCode(401);
    }
}
