package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.distributeBook;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.post;
import static org.passledger.issuance.api.IssuanceApi.publish;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventJson;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** The funder's dashboard, the CSV export and the agency's overview, against what the topics say. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class DashboardAndExportTest {

    static final String REDEMPTION_SOURCE = "/pass-ledger/redemption-service";
    static final String SETTLEMENT_SOURCE = "/pass-ledger/settlement-service";

    final UUID funder = UUID.randomUUID();
    final UUID distributor = UUID.randomUUID();

    @Test
    void dashboard_equalsWhatTheEventsSay_afterRedemptionsAndReimbursementsFlowBack() {
        UUID programmeId = openProgramme(funder, 1_000_000, 5);
        JsonPath order = placeOrder(funder, programmeId, 3); // books A, B, C of 5 vouchers of 10 EUR
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        List<String> books = order.<String>getList("vouchers.bookId").stream().distinct().toList();
        List<String> bookA = order.getList("vouchers.findAll { it.bookId == '" + books.get(0) + "' }.code");
        List<String> idsA = order.getList("vouchers.findAll { it.bookId == '" + books.get(0) + "' }.voucherId");
        List<String> idsB = order.getList("vouchers.findAll { it.bookId == '" + books.get(1) + "' }.voucherId");

        registerDistributor(funder, programmeId, distributor).statusCode(201);
        consign(funder, programmeId, distributor, books.subList(0, 2)).statusCode(201);
        for (String code : bookA.subList(0, 3)) {
            distribute(distributor, code).statusCode(201); // 3 of book A, 2 stay in stock
        }
        distributeBook(distributor, books.get(1)).statusCode(201); // all of book B
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + books.get(2) + "/cancellation",
                Map.of("reason", "never needed")).statusCode(200); // book C

        UUID structure = UUID.randomUUID();
        for (String voucherId : List.of(idsA.get(0), idsA.get(1), idsB.get(0))) {
            publish(Topics.REDEMPTIONS, redeemed(UUID.fromString(voucherId), programmeId, structure),
                    REDEMPTION_SOURCE, "structure:" + structure);
        }
        publish(Topics.SETTLEMENTS, new VoucherReimbursed(UUID.fromString(idsA.get(0)), UUID.randomUUID(),
                UUID.randomUUID(), structure, programmeId, funder, 1000, Instant.now()), SETTLEMENT_SOURCE,
                "settlement-run");

        String dashboard = "/programmes/" + programmeId + "/dashboard";
        await().atMost(patience()).untilAsserted(() -> get(Roles.FUNDER, funder, dashboard).statusCode(200)
                .body("reimbursed.count", equalTo(1)).body("redeemed.count", equalTo(3))
                .body("cancelled.count", equalTo(5)));
        JsonPath figures = get(Roles.FUNDER, funder, dashboard).statusCode(200).extract().jsonPath();

        // what the topics say about this programme
        List<LedgerEvent> voucherEvents = events(Topics.VOUCHERS, programmeId);
        long issued = count(voucherEvents, VoucherEvent.VoucherIssued.class);
        long handedOut = count(voucherEvents, VoucherEvent.VoucherDistributed.class);
        long cancelled = count(voucherEvents, VoucherEvent.VoucherCancelled.class);
        List<LedgerEvent> redemptions = events(Topics.REDEMPTIONS, programmeId);
        Set<UUID> redeemedIds = redemptions.stream().map(e -> ((VoucherRedeemed) e).voucherId())
                .collect(Collectors.toSet());
        long reimbursedCents = events(Topics.SETTLEMENTS, programmeId).stream()
                .mapToLong(e -> ((VoucherReimbursed) e).amountCents()).sum();
        assertThat(List.of(issued, handedOut, cancelled, (long) redeemedIds.size())).containsExactly(15L, 8L, 5L, 3L);

        assertThat(figures.getLong("budgetCents")).isEqualTo(1_000_000);
        assertThat(figures.getLong("committedCents")).isEqualTo((issued - cancelled) * 1000);
        assertThat(figures.getLong("remainingCents")).isEqualTo(1_000_000 - (issued - cancelled) * 1000);
        assertThat(figures.getLong("issued.count")).isEqualTo(issued);
        assertThat(figures.getLong("issued.amountCents")).isEqualTo(issued * 1000);
        assertThat(figures.getLong("activated.count")).isEqualTo(count(voucherEvents, VoucherEvent.VoucherActivated.class));
        assertThat(figures.getLong("inDistributorStock.count")).isEqualTo(2);
        assertThat(figures.getLong("inDistributorStock.amountCents")).isEqualTo(2_000);
        assertThat(figures.getLong("handedOut.count")).isEqualTo(handedOut);
        assertThat(figures.getLong("handedOut.amountCents")).isEqualTo(handedOut * 1000);
        assertThat(figures.getLong("startedBooks.count")).isEqualTo(2);
        assertThat(figures.getLong("startedBooks.amountCents")).isEqualTo(10_000);
        assertThat(figures.getLong("redeemed.count")).isEqualTo(redeemedIds.size());
        assertThat(figures.getLong("redeemed.amountCents")).isEqualTo(redemptions.stream()
                .mapToLong(e -> ((VoucherRedeemed) e).faceValueCents()).sum());
        assertThat(figures.getLong("expired.count")).isZero();
        assertThat(figures.getLong("cancelled.count")).isEqualTo(cancelled);
        assertThat(figures.getLong("cancelled.amountCents")).isEqualTo(cancelled * 1000);
        assertThat(figures.getLong("reimbursed.count")).isEqualTo(1);
        assertThat(figures.getLong("reimbursed.amountCents")).isEqualTo(reimbursedCents);

        get(Roles.AGENCY, "anct", dashboard).statusCode(200).body("issued.count", equalTo(15));
        get(Roles.FUNDER, UUID.randomUUID(), dashboard).statusCode(403);
        get(Roles.DISTRIBUTOR, distributor, dashboard).statusCode(403);

        // the CSV export: a header and one line per voucher, no code
        String csv = given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get("/programmes/" + programmeId + "/vouchers.csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(16);
        assertThat(lines.get(0)).startsWith("voucherId,orderId,bookId,positionInBook,faceValueCents");
        assertThat(lines.stream().filter(l -> l.contains(",REIMBURSED,"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains(",REDEEMED,"))).hasSize(2);
        assertThat(lines.stream().filter(l -> l.contains(",CANCELLED,"))).hasSize(5);
        assertThat(lines.stream().filter(l -> l.contains(",ACTIVE," + distributor))).hasSize(2);
        assertThat(csv).doesNotContain(bookA.get(0)).doesNotContain(bookA.get(0).replace("-", ""));
        get(Roles.FUNDER, UUID.randomUUID(), "/programmes/" + programmeId + "/vouchers.csv").statusCode(403);
        get(Roles.AGENCY, "anct", "/programmes/" + programmeId + "/vouchers.csv").statusCode(200);
    }

    @Test
    void agencyOverview_groupsProgrammesByDepartementAndFunderType() {
        Map<String, Object> body = IssuanceApi.programme(500_000, 10);
        body.put("territory", List.of("2A", "2B"));
        body.put("funderType", "foundation");
        UUID programmeId = UUID.fromString(IssuanceApi.open(funder, body).statusCode(201).extract().path("programmeId"));
        placeOrder(funder, programmeId, 2);

        await().atMost(patience()).untilAsserted(() -> {
            JsonPath overview = get(Roles.AGENCY, "anct", "/agency/overview").statusCode(200).extract().jsonPath();
            for (String departement : List.of("2A", "2B")) {
                String row = "find { it.departement == '" + departement + "' && it.funderType == 'foundation' }";
                // the read model may not have the row yet: an assertion (retried), not a null dereference
                assertThat((Object) overview.get(row)).as("row of " + departement).isNotNull();
                assertThat(overview.getLong(row + ".programmes")).isGreaterThanOrEqualTo(1);
                assertThat(overview.getLong(row + ".budgetCents")).isGreaterThanOrEqualTo(500_000);
                assertThat(overview.getLong(row + ".issued.count")).isGreaterThanOrEqualTo(20);
            }
        });
        get(Roles.FUNDER, funder, "/agency/overview").statusCode(403);
        get(Roles.DISTRIBUTOR, distributor, "/agency/overview").statusCode(403);
    }

    VoucherRedeemed redeemed(UUID voucherId, UUID programmeId, UUID structure) {
        return new VoucherRedeemed(voucherId, UUID.randomUUID(), programmeId, funder, structure, "30", "atelier-collectif",
                1000, null, null, Instant.now());
    }

    List<LedgerEvent> events(String topic, UUID programmeId) {
        return KafkaTopics.readAll(topic).stream()
                .map(r -> EventJson.read(KafkaTopics.header(r, CloudEvents.TYPE), r.value()))
                .filter(e -> programmeId.equals(programmeOf(e)))
                .toList();
    }

    static UUID programmeOf(LedgerEvent event) {
        if (event instanceof VoucherEvent.VoucherIssued e) {
            return e.programmeId();
        }
        if (event instanceof VoucherEvent.VoucherActivated e) {
            return e.programmeId();
        }
        if (event instanceof VoucherEvent.VoucherDistributed e) {
            return e.programmeId();
        }
        if (event instanceof VoucherEvent.VoucherCancelled e) {
            return e.programmeId();
        }
        if (event instanceof VoucherRedeemed e) {
            return e.programmeId();
        }
        if (event instanceof VoucherReimbursed e) {
            return e.programmeId();
        }
        return null;
    }

    static long count(List<LedgerEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
