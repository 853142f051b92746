package org.passledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventEnvelope;
import org.passledger.events.EventJson;
import org.passledger.events.LedgerEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.testkit.EmbeddedPostgres;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/**
 * The audit against a real PostgreSQL (the redemption and settlement schemas, migrated from the services' own
 * scripts) and the in-process Kafka broker: a small healthy ledger (three vouchers redeemed, one reversed, one
 * reimbursed; each event stored, published and applied to the read models as their projections do) audits clean,
 * and each invariant is shown able to fail. Every test has databases and topics of its own.
 */
class AuditTest {

    private static final Path ROOT = Path.of("..");
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    private final UUID programme = UUID.randomUUID();
    private final UUID funder = UUID.randomUUID();
    private final UUID place = UUID.randomUUID();
    private final UUID statement = UUID.randomUUID();
    private final UUID paid = UUID.randomUUID();
    private final UUID unpaid = UUID.randomUUID();
    private final UUID reversed = UUID.randomUUID();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String redemptionTopic = "audit-test-" + tag + ".redemption-events";
    private final String settlementTopic = "audit-test-" + tag + ".settlement-events";
    private EmbeddedPostgres.Database redemption;
    private EmbeddedPostgres.Database settlement;
    private UUID paidRedemption;

    @BeforeEach
    void aHealthyLedger() throws Exception {
        redemption = migrated("redemption", "redemption-service");
        settlement = migrated("settlement", "settlement-service");
        paidRedemption = redeem(paid, 1500);
        redeem(unpaid, 1500);
        UUID undone = redeem(reversed, 2000);
        reverse(reversed, undone, 2000);
        reimburse(paid, paidRedemption, 1500);
    }

    @Test
    void aHealthyLedger_hasNoDifference_andAnEventPublishedAgainIsAWarningOnly() throws Exception {
        Audited clean = audit();
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("audit: no difference", "payable_redemption", "recon_reimbursement",
                "money chain  3 redemptions (1 reversed), 1 reimbursements");

        // what a relay killed between the acknowledgement and the delete does: the same record once more
        UUID again = storeAndPublish(redemption, redemptionTopic, redeemed(UUID.randomUUID(), UUID.randomUUID(), 100), 1);
        republish(redemptionTopic, again);
        applyRedemption(again);
        Audited republished = audit();
        assertThat(republished.exit()).as(republished.out()).isZero();
        assertThat(republished.out()).contains("1 events published more than once (at-least-once, a warning)",
                "event " + again + " published again at " + redemptionTopic);
    }

    @Test
    void anEventStoredButNeverPublished_isADifference_namingItsVoucher() throws Exception {
        UUID voucher = UUID.randomUUID();
        // stored, its outbox row gone, never on the topic: what a relay deleting before the acknowledgement loses
        UUID lost = store(redemption, redemptionTopic, redeemed(voucher, UUID.randomUUID(), 1500), 1, false);

        Audited report = audit();
        assertThat(report.exit()).isEqualTo(1);
        assertThat(report.out()).contains("event " + lost + " (stream " + voucher + " v1, " + redemptionTopic
                + ") is not on its topic");
        assertThat(report.out()).containsPattern("redemption_\\w+ +\\d+ events stored, +1 not on their topic.*DIFFERENT");
        assertThat(report.err()).contains("difference(s)");
    }

    @Test
    void anEventAlteredInTheStore_breaksItsHashChain_evenWhenItsOwnHashIsRecomputed() throws Exception {
        Audited clean = audit();
        assertThat(clean.out()).containsPattern("chains +\\d+ streams recomputed from their published records, 0 broken");

        // a stored redemption edited in place (its immutability guard lifted, as only direct database access can)
        String amount = "jsonb_set(payload, '{faceValueCents}', '1')";
        execute(redemption, "alter table events disable trigger events_no_update_or_delete;"
                + " update events set payload = " + amount + " where stream_id = '" + paid + "';"
                + " alter table events enable trigger events_no_update_or_delete");
        Audited edited = audit();
        assertThat(edited.exit()).isEqualTo(1);
        assertThat(edited.out()).contains("stream " + paid + ": stored event", "breaks the hash chain");

        // and with its chain hash recomputed to match: the topic still holds what was published
        execute(redemption, "alter table events disable trigger events_no_update_or_delete;"
                + " update events set chain_hash = event_chain_link(null, stream_id, version, event_id, type, payload)"
                + " where stream_id = '" + paid + "';"
                + " alter table events enable trigger events_no_update_or_delete");
        Audited covered = audit();
        assertThat(covered.exit()).isEqualTo(1);
        assertThat(covered.out()).doesNotContain("breaks the hash chain")
                .contains("stream " + paid + ": event", "was published with another chain hash than the store holds");
    }

    @Test
    void aRowDuplicatedInAReadModel_isADifference_namingItsVoucher() throws Exception {
        // the reimbursement recorded a second time, as a projection applying a redelivery twice would
        execute(settlement, "insert into recon_reimbursement (event_id, voucher_id, redemption_id, statement_id,"
                + " structure_id, programme_id, amount_cents, reimbursed_at) select gen_random_uuid(), voucher_id,"
                + " redemption_id, statement_id, structure_id, programme_id, amount_cents, reimbursed_at"
                + " from recon_reimbursement where voucher_id = '" + paid + "'");
        // and a redemption's reversal counted twice in another read model
        execute(settlement, "update payable_redemption set events_applied = events_applied + 1"
                + " where voucher_id = '" + reversed + "'");

        Audited report = audit();
        assertThat(report.exit()).isEqualTo(1);
        assertThat(report.out()).containsPattern("recon_reimbursement +2 rows, +1 from the events.*DIFFERENT");
        assertThat(report.out()).contains(" recon_reimbursement: voucher " + paid + " has [");
        assertThat(report.out()).containsPattern("payable_redemption +3 rows, +3 from the events; hash \\w+ \\(events \\w+\\)"
                + "  DIFFERENT");
        assertThat(report.out()).contains(" payable_redemption: voucher " + reversed + " has [");
        assertThat(report.out()).contains("money chain  3 redemptions (1 reversed), 1 reimbursements: 0 of a voucher"
                + " never redeemed, 0 vouchers reimbursed more than once  OK");
    }

    @Test
    void aReimbursementOfAVoucherNeverRedeemed_isADifference_namingTheVoucher() throws Exception {
        UUID stranger = UUID.randomUUID();
        UUID redemptionOfAnother = UUID.randomUUID();
        // settlement pays a voucher redemption-service never redeemed (still in the outbox, on no topic yet)
        store(settlement, settlementTopic, reimbursed(stranger, redemptionOfAnother, 1500), 1, true);
        // and pays the paid voucher again
        storeAndPublish(settlement, settlementTopic, reimbursed(paid, paidRedemption, 1500), 2);

        Audited report = audit();
        assertThat(report.exit()).isEqualTo(1);
        assertThat(report.out()).contains("money chain  3 redemptions (1 reversed), 3 reimbursements: 1 of a voucher"
                + " never redeemed, 1 vouchers reimbursed more than once  DIFFERENT");
        assertThat(report.out()).contains("voucher " + stranger + " reimbursed 1500 cents (statement " + statement
                + ") for redemption " + redemptionOfAnother + ", which no store holds for this voucher: never redeemed");
        assertThat(report.out()).contains("voucher " + paid + " reimbursed 2 times");
    }

    // --- the ledger's events, stored, published and applied as the services do

    private UUID redeem(UUID voucher, long cents) throws Exception {
        UUID redemptionId = UUID.randomUUID();
        UUID event = storeAndPublish(redemption, redemptionTopic, redeemed(voucher, redemptionId, cents), 1);
        applyRedemption(event);
        return redemptionId;
    }

    private void applyRedemption(UUID event) throws SQLException {
        VoucherRedeemed r = (VoucherRedeemed) event(redemption, event);
        execute(redemption, "insert into redemption_view (redemption_id, voucher_id, structure_id, programme_id,"
                + " funder_id, departement, service, face_value_cents, redeemed_at, reversed, events_applied, updated_at)"
                + " values ('" + r.redemptionId() + "', '" + r.voucherId() + "', '" + place + "', '" + programme + "', '"
                + funder + "', '75', 'cinema', " + r.faceValueCents() + ", now(), false, 1, now())");
        execute(settlement, "insert into payable_redemption (redemption_id, redemption_event_id, voucher_id,"
                + " structure_id, programme_id, funder_id, departement, amount_cents, redeemed_at, reversed, events_applied)"
                + " values ('" + r.redemptionId() + "', '" + event + "', '" + r.voucherId() + "', '" + place + "', '"
                + programme + "', '" + funder + "', '75', " + r.faceValueCents() + ", now(), false, 1)");
        execute(settlement, "insert into recon_redemption (redemption_id, voucher_id, programme_id, structure_id,"
                + " departement, face_value_cents, redeemed_at, events_applied) values ('" + r.redemptionId() + "', '"
                + r.voucherId() + "', '" + programme + "', '" + place + "', '75', " + r.faceValueCents() + ", now(), 1)");
    }

    private void reverse(UUID voucher, UUID redemptionId, long cents) throws Exception {
        storeAndPublish(redemption, redemptionTopic, new RedemptionReversed(voucher, redemptionId, programme, funder,
                place, cents, "scanned by mistake", "operator", NOW), 2);
        execute(redemption, "update redemption_view set reversed = true, reversed_at = now(),"
                + " events_applied = events_applied + 1 where redemption_id = '" + redemptionId + "'");
        execute(settlement, "update payable_redemption set reversed = true, events_applied = events_applied + 1"
                + " where redemption_id = '" + redemptionId + "'");
        execute(settlement, "update recon_redemption set reversed_at = now(), events_applied = events_applied + 1"
                + " where redemption_id = '" + redemptionId + "'");
    }

    private void reimburse(UUID voucher, UUID redemptionId, long cents) throws Exception {
        UUID event = storeAndPublish(settlement, settlementTopic, reimbursed(voucher, redemptionId, cents), 1);
        execute(settlement, "insert into reimbursement_view (voucher_id, redemption_id, statement_id, structure_id,"
                + " programme_id, funder_id, amount_cents, reimbursed_at, events_applied) values ('" + voucher + "', '"
                + redemptionId + "', '" + statement + "', '" + place + "', '" + programme + "', '" + funder + "', "
                + cents + ", now(), 1)");
        execute(settlement, "insert into recon_reimbursement (event_id, voucher_id, redemption_id, statement_id,"
                + " structure_id, programme_id, amount_cents, reimbursed_at) values ('" + event + "', '" + voucher + "', '"
                + redemptionId + "', '" + statement + "', '" + place + "', '" + programme + "', " + cents + ", now())");
    }

    private VoucherRedeemed redeemed(UUID voucher, UUID redemptionId, long cents) {
        return new VoucherRedeemed(voucher, redemptionId, programme, funder, place, "75", "cinema", cents, null, null, NOW);
    }

    private VoucherReimbursed reimbursed(UUID voucher, UUID redemptionId, long cents) {
        return new VoucherReimbursed(voucher, redemptionId, statement, place, programme, funder, cents,
                NOW.plus(20, ChronoUnit.DAYS));
    }

    private UUID storeAndPublish(EmbeddedPostgres.Database database, String topic, LedgerEvent event, long version)
            throws SQLException {
        UUID id = store(database, topic, event, version, false);
        publish(database, topic, id, version);
        return id;
    }

    private void republish(String topic, UUID id) throws SQLException {
        publish(redemption, topic, id, 1);
    }

    /** As the relay publishes a stored event: its payload as stored, its headers and its chain hash. */
    private static void publish(EmbeddedPostgres.Database database, String topic, UUID id, long version)
            throws SQLException {
        try (Connection connection = database.connect();
             var rows = connection.createStatement().executeQuery("select type, cast(payload as text),"
                     + " encode(chain_hash, 'hex') from events where event_id = '" + id + "'")) {
            rows.next();
            LedgerEvent event = EventJson.read(rows.getString(1), rows.getString(2));
            Map<String, String> headers = new HashMap<>(envelope(id, event, version).toKafkaHeaders());
            headers.put(CloudEvents.CHAIN_HASH, rows.getString(3));
            KafkaTopics.send(topic, event.subject(), rows.getString(2), headers);
        }
    }

    private static EventEnvelope envelope(UUID id, LedgerEvent event, long version) {
        return new EventEnvelope(id, "/pass-ledger/audit-test", EventCatalog.typeOf(event), event.subject(), NOW,
                version, UUID.randomUUID(), null, "audit-test", event);
    }

    /** Inserts the event as the kernel's EventStore does; {@code waiting} keeps its outbox row (not published yet). */
    private static UUID store(EmbeddedPostgres.Database database, String topic, LedgerEvent event, long version,
                              boolean waiting) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into events (stream_id, version, event_id, type, topic, payload, correlation_id, actor,
                                         recorded_at)
                     values (?, ?, ?, ?, ?, cast(? as jsonb), ?, 'audit-test', now())""")) {
            insert.setString(1, event.subject());
            insert.setLong(2, version);
            insert.setObject(3, id);
            insert.setString(4, EventCatalog.typeOf(event));
            insert.setString(5, topic);
            insert.setString(6, EventJson.write(event));
            insert.setObject(7, UUID.randomUUID());
            insert.executeUpdate();
            if (waiting) {
                connection.createStatement().execute(
                        "insert into outbox (position) select position from events where event_id = '" + id + "'");
            }
        }
        return id;
    }

    private static LedgerEvent event(EmbeddedPostgres.Database database, UUID id) throws SQLException {
        try (Connection connection = database.connect();
             var rows = connection.createStatement().executeQuery(
                     "select type, cast(payload as text) from events where event_id = '" + id + "'")) {
            rows.next();
            return EventJson.read(rows.getString(1), rows.getString(2));
        }
    }

    private static void execute(EmbeddedPostgres.Database database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A database with the kernel's tables and the service's, from the same scripts Flyway runs. */
    private static EmbeddedPostgres.Database migrated(String name, String service) throws IOException, SQLException {
        EmbeddedPostgres.Database database = EmbeddedPostgres.newDatabase(name);
        List<Path> scripts = new ArrayList<>();
        scripts.add(ROOT.resolve("ledger-kernel/src/main/resources/db/ledger-kernel/V1__event_store.sql"));
        scripts.add(ROOT.resolve("ledger-kernel/src/main/resources/db/ledger-kernel/V2__event_chain.sql"));
        try (Stream<Path> files = Files.list(ROOT.resolve(service + "/src/main/resources/db/migration"))) {
            files.filter(f -> f.getFileName().toString().startsWith("V"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().split("__")[0]
                            .substring(1))))
                    .forEach(scripts::add);
        }
        for (Path script : scripts) {
            execute(database, Files.readString(script));
        }
        return database;
    }

    private record Audited(int exit, String out, String err) {
    }

    /** Runs the audit as {@code ./ledger audit} does, on this test's two databases; answers its exit code and output. */
    private Audited audit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Cli.execute(new String[] {"--host", redemption.host(), "--port", String.valueOf(redemption.port()),
                    "--user", redemption.user(), "--password", redemption.password(),
                    "--databases", redemption.name() + "," + settlement.name(),
                    "--kafka", LedgerTestResources.kafkaBootstrapServers()}, Audit.USAGE, Audit.OPTIONS, Audit::run);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        Audited audited = new Audited(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println(audited.out() + audited.err());
        return audited;
    }
}
