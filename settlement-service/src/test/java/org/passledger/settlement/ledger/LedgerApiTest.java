package org.passledger.settlement.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.SettlementEvent.ClawbackApplied;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.events.SettlementEvent.FunderInvoiced;
import org.passledger.events.SettlementEvent.IncidentOpened;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Events published on Kafka as the services would, in 2001 (a year no other test books in): the trial balance
 * and the account statements read over HTTP tell the expected figures, every entry cites a published event.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class LedgerApiTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final UUID FUNDER = UUID.randomUUID();
    static final UUID PLACE = UUID.randomUUID();
    static final UUID PROGRAMME = UUID.randomUUID();
    /** 23:59:59 on 31 March 2001 in Paris (summer time since the 25th): the last second of March. */
    static final Instant LAST_SECOND_OF_MARCH = Instant.parse("2001-03-31T21:59:59Z");
    /** Midnight on 1 April 2001 in Paris. */
    static final Instant FIRST_OF_APRIL = Instant.parse("2001-03-31T22:00:00Z");

    static final Set<UUID> PUBLISHED = new HashSet<>();
    static final int ENTRIES = 8;
    private static boolean published;

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    /** The story of one order, published once for the class. */
    static synchronized void publishStory() {
        if (published) {
            return;
        }
        UUID order = UUID.randomUUID();
        UUID statement = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        var invoiced = new FunderInvoiced(UUID.randomUUID(), FUNDER, PROGRAMME, order, "FAC-2001-000001", 100_000,
                4_000, 104_000, "default-2001", Instant.parse("2001-03-01T10:00:00Z"));
        UUID invoiceEvent = LedgerFixtures.publish(invoiced, invoiced.invoicedAt());
        PUBLISHED.add(invoiceEvent);
        LedgerFixtures.publish(invoiced, invoiced.invoicedAt(), invoiceEvent); // a redelivery books nothing more
        PUBLISHED.add(LedgerFixtures.publish(new FundingConfirmed(PROGRAMME, order, FUNDER, "VIR-2001-1", 104_000,
                Instant.parse("2001-03-02T10:00:00Z")), Instant.parse("2001-03-02T10:00:00Z")));
        for (int i = 0; i < 2; i++) {
            Instant at = Instant.parse("2001-03-10T10:00:00Z").plusSeconds(i);
            PUBLISHED.add(LedgerFixtures.publish(new VoucherReimbursed(UUID.randomUUID(), UUID.randomUUID(), statement,
                    PLACE, PROGRAMME, FUNDER, 5_000, at), at));
        }
        Instant incidentAt = Instant.parse("2001-03-12T10:00:00Z");
        PUBLISHED.add(LedgerFixtures.publish(new IncidentOpened(incident, PLACE, "overpayment",
                List.of(UUID.randomUUID()), 3_000, "paid twice", incidentAt), incidentAt));
        PUBLISHED.add(LedgerFixtures.publish(new IncidentValidated(incident, PLACE, 3_000, incidentAt), incidentAt));
        Instant issued = Instant.parse("2001-03-20T10:00:00Z");
        PUBLISHED.add(LedgerFixtures.publish(new StatementIssued(statement, UUID.randomUUID(), PLACE,
                "2001-" + (100_000 + (int) (Math.random() * 800_000)), 10_000, List.of(), issued), issued));
        PUBLISHED.add(LedgerFixtures.publish(new ClawbackApplied(incident, PLACE, statement, 3_000,
                LAST_SECOND_OF_MARCH.minusSeconds(1)), LAST_SECOND_OF_MARCH.minusSeconds(1)));
        PUBLISHED.add(LedgerFixtures.publish(new PaymentConfirmed(statement, UUID.randomUUID(), PLACE, 7_000,
                "SEPA-2001-1", LAST_SECOND_OF_MARCH), LAST_SECOND_OF_MARCH));
        PUBLISHED.add(LedgerFixtures.publish(new CreditNoteIssued(UUID.randomUUID(), FUNDER, PROGRAMME,
                "AV-2001-000001", 2_000, List.of(UUID.randomUUID()), FIRST_OF_APRIL), FIRST_OF_APRIL));
        Instant rejected = Instant.parse("2001-04-02T10:00:00Z");
        PUBLISHED.add(LedgerFixtures.publish(new PaymentRejected(statement, PLACE, UUID.randomUUID(), 7_000, false,
                "not sent", rejected), rejected));
        published = true;
        await().atMost(PATIENCE).until(() -> entriesIn2001().size() == ENTRIES);
    }

    static JsonPath trialBalance(String asOf) {
        return given().header("Authorization", operator()).queryParam("asOf", asOf)
                .when().get("/ledger/trial-balance")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, List<Long>> byAccount(JsonPath balance) {
        Map<String, List<Long>> accounts = new HashMap<>();
        for (Map<String, Object> row : balance.<Map<String, Object>>getList("accounts")) {
            accounts.put((String) row.get("account"), List.of(((Number) row.get("debitCents")).longValue(),
                    ((Number) row.get("creditCents")).longValue(), ((Number) row.get("balanceCents")).longValue()));
        }
        return accounts;
    }

    @Test
    void trialBalanceAsOfTheEndOfMarch_hasTheExpectedFigures_andCountsTheLastSecondButNotMidnight() {
        publishStory();
        JsonPath march = trialBalance("2001-03-31");
        assertThat(march.getString("before")).isEqualTo("2001-03-31T22:00:00Z");
        assertThat(byAccount(march)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "funder:" + FUNDER, List.of(104_000L, 104_000L, 0L),
                "bank", List.of(104_000L, 7_000L, 97_000L),
                "clearing", List.of(10_000L, 103_000L, -93_000L),
                "operator-fees", List.of(0L, 4_000L, -4_000L),
                "place:" + PLACE, List.of(10_000L, 10_000L, 0L),
                "place-receivable:" + PLACE, List.of(3_000L, 3_000L, 0L)));
        assertThat(march.getLong("totalDebitCents")).isEqualTo(231_000L).isEqualTo(march.getLong("totalCreditCents"));

        JsonPath april = trialBalance("2001-04-30");
        assertThat(byAccount(april).get("funder:" + FUNDER)).containsExactly(104_000L, 106_000L, -2_000L);
        assertThat(byAccount(april).get("clearing")).containsExactly(12_000L, 103_000L, -91_000L);
        assertThat(april.getLong("totalDebitCents")).isEqualTo(233_000L).isEqualTo(april.getLong("totalCreditCents"));

        // an instant counts entries strictly before it
        assertThat(byAccount(trialBalance("2001-03-31T21:59:59Z")).get("bank"))
                .containsExactly(104_000L, 0L, 104_000L);
    }

    @Test
    void everyEntryCitesAnEventTheTestPublished_onceEach() {
        publishStory();
        List<UUID> sources = entriesIn2001();
        assertThat(sources).hasSize(ENTRIES).doesNotHaveDuplicates();
        assertThat(PUBLISHED).containsAll(sources);
    }

    @Test
    void placeStatement_runsTheBalance_andThePlaceReadsItsOwnAccountsOnly() {
        publishStory();
        String place = TestTokens.bearer(Roles.STRUCTURE, PLACE);
        JsonPath statement = given().header("Authorization", place)
                .queryParam("from", "2001-03-01").queryParam("to", "2001-03-31")
                .when().get("/ledger/accounts/place:" + PLACE + "/statement")
                .then().statusCode(200).body("normalSide", equalTo("CREDIT")).extract().jsonPath();
        assertThat(statement.getList("entries.balanceCents", Long.class)).containsExactly(-5_000L, -10_000L, -7_000L, 0L);
        assertThat(statement.getList("entries.sourceType", String.class)).containsExactly("voucher.reimbursed.v1",
                "voucher.reimbursed.v1", "settlement.clawback-applied.v1", "settlement.payment-confirmed.v1");
        assertThat(statement.getLong("closingBalanceCents")).isZero();

        // from the 11th: the reimbursements are the opening balance
        JsonPath later = given().header("Authorization", place).queryParam("from", "2001-03-11")
                .when().get("/ledger/accounts/place:" + PLACE + "/statement")
                .then().statusCode(200).extract().jsonPath();
        assertThat(later.getLong("openingBalanceCents")).isEqualTo(-10_000L);
        assertThat(later.getList("entries")).hasSize(2);

        given().header("Authorization", place).when().get("/ledger/accounts/place-receivable:" + PLACE + "/statement")
                .then().statusCode(200).body("closingBalanceCents", equalTo(0)).body("entries.size()", equalTo(2));
        given().header("Authorization", place).when().get("/ledger/accounts/debit-notes:" + PLACE + "/statement")
                .then().statusCode(200).body("entries.size()", equalTo(0));
        given().header("Authorization", place).when().get("/ledger/accounts/place:" + UUID.randomUUID() + "/statement")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", place).when().get("/ledger/accounts/bank/statement")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", place).when().get("/ledger/trial-balance")
                .then().statusCode(403);
    }

    @Test
    void funderReadsItsOwnAccountOnly_andTheAgencyReadsAny() {
        publishStory();
        String funder = TestTokens.bearer(Roles.FUNDER, FUNDER);
        given().header("Authorization", funder).queryParam("to", "2001-12-31")
                .when().get("/ledger/accounts/funder:" + FUNDER + "/statement")
                .then().statusCode(200).body("closingBalanceCents", equalTo(-2_000)).body("entries.size()", equalTo(3));
        given().header("Authorization", funder).when().get("/ledger/accounts/funder:" + UUID.randomUUID() + "/statement")
                .then().statusCode(403);
        given().header("Authorization", funder).when().get("/ledger/accounts/place:" + PLACE + "/statement")
                .then().statusCode(403);
        String agency = TestTokens.bearer(Roles.AGENCY, "agency-1");
        given().header("Authorization", agency).queryParam("to", "2001-12-31")
                .when().get("/ledger/accounts/clearing/statement").then().statusCode(200);
        given().header("Authorization", agency).queryParam("asOf", "2001-03-31")
                .when().get("/ledger/trial-balance").then().statusCode(200);
    }

    @Test
    void badDatesAndAccounts_areRefusedWithTheirCodes() {
        given().header("Authorization", operator()).queryParam("asOf", "31/03/2001")
                .when().get("/ledger/trial-balance")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-date"));
        given().header("Authorization", operator()).when().get("/ledger/accounts/cash/statement")
                .then().statusCode(400).body("code", equalTo("unknown-account"));
        given().header("Authorization", operator()).queryParam("from", "2001-04-01").queryParam("to", "2001-03-01")
                .when().get("/ledger/accounts/bank/statement")
                .then().statusCode(400).body("code", equalTo("invalid-period"));
    }

    @Test
    void csvExports_parse_andTheirTotalsEqualTheApis() throws IOException {
        publishStory();
        String csv = given().header("Authorization", operator()).queryParam("asOf", "2001-03-31")
                .when().get("/ledger/trial-balance.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<CSVRecord> rows = parse(csv);
        long debit = rows.stream().mapToLong(r -> Long.parseLong(r.get("debit_cents"))).sum();
        long credit = rows.stream().mapToLong(r -> Long.parseLong(r.get("credit_cents"))).sum();
        assertThat(debit).isEqualTo(credit).isEqualTo(trialBalance("2001-03-31").getLong("totalDebitCents"));
        CSVRecord bank = rows.stream().filter(r -> r.get("account").equals("bank")).findFirst().orElseThrow();
        assertThat(bank.get("balance_eur")).isEqualTo("970.00");
        CSVRecord clearing = rows.stream().filter(r -> r.get("account").equals("clearing")).findFirst().orElseThrow();
        assertThat(clearing.get("balance_eur")).isEqualTo("-930.00");

        String statementCsv = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, PLACE))
                .queryParam("to", "2001-03-31")
                .when().get("/ledger/accounts/place:" + PLACE + "/statement.csv")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> lines = parse(statementCsv);
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().mapToLong(r -> Long.parseLong(r.get("credit_cents"))).sum()).isEqualTo(10_000L);
        assertThat(lines.get(3).get("balance_cents")).isEqualTo("0");
        assertThat(PUBLISHED).contains(UUID.fromString(lines.get(0).get("source_event_id")));
    }

    @Test
    void rebuildingTheLedger_booksTheSameEntriesAgain() {
        publishStory();
        Map<String, List<Long>> before = byAccount(trialBalance("2001-12-31"));
        given().header("Authorization", operator()).when().post("/admin/projections/settlement.ledger/rebuild")
                .then().statusCode(200);
        assertThat(byAccount(trialBalance("2001-12-31"))).isEqualTo(before);
        assertThat(entriesIn2001()).hasSize(ENTRIES);
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntry_atCommit() throws SQLException {
        UUID entry = UUID.randomUUID();
        try (Connection connection = LedgerTestResources.database().connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ledger_entries (entry_id, source_event_id, source_type, booked_at, description)
                    values (?, ?, 'test', now(), 'unbalanced');
                    insert into ledger_lines (entry_id, line_no, account, debit_cents, credit_cents)
                    values (?, 1, 'bank', 100, 0), (?, 2, 'clearing', 0, 99)""")) {
                insert.setObject(1, entry);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, entry);
                insert.setObject(4, entry);
                insert.execute();
            }
            SQLException refused = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    connection::commit);
            assertThat((Object) refused).as("refusal at commit").isNotNull();
            assertThat(refused.getMessage()).contains("does not balance");
        }
        assertThat(count("select count(*) from ledger_entries where entry_id = '" + entry + "'")).isZero();
    }

    static long count(String sql) throws SQLException {
        try (Connection connection = LedgerTestResources.database().connect();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    static List<UUID> entriesIn2001() {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement("""
                     select source_event_id from ledger_entries
                     where booked_at >= '2001-01-01T00:00:00Z' and booked_at < '2002-01-01T00:00:00Z'""");
             ResultSet rows = query.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
