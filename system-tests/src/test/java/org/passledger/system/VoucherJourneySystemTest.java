package org.passledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passledger.clients.issuance.model.Voucher;
import org.passledger.clients.settlement.model.ReconciliationProgramme;
import org.passledger.clients.settlement.model.Statement;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventCatalog;
import org.passledger.events.Topics;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;
import org.passledger.tools.Audit;
import org.passledger.tools.journey.Clients;
import org.passledger.tools.journey.JourneyReport;
import org.passledger.tools.journey.VoucherJourney;

/**
 * One voucher through the four services running as separate processes, driven by the clients generated from
 * their OpenAPI documents.
 */
class VoucherJourneySystemTest {

    private static LedgerStack stack;
    private static Clients clients;
    private static JourneyReport report;

    @BeforeAll
    static void startAndDriveAVoucher() throws Exception {
        stack = LedgerStack.shared();
        clients = new Clients(stack.urls(), TestTokens::token);
        report = new VoucherJourney(clients, System.out::println).run();
    }

    @Test
    void everyServiceSeesTheVoucherIssuedFundedHandedOutRedeemedAndReimbursed() {
        JourneyReport.Views seen = report.views();
        assertThat(String.valueOf(seen.structure().getLabelStatus())).isEqualTo("GRANTED");
        assertThat(seen.structure().getEventsApplied()).isEqualTo(3);
        assertThat(seen.voucher().getStatus()).isEqualTo(Voucher.StatusEnum.REIMBURSED);
        assertThat(seen.voucher().getEventsApplied()).isEqualTo(5);
        assertThat(seen.voucher().getStructureId()).isEqualTo(report.parties().structureId());
        assertThat(seen.programme().getIssued().getCount()).isEqualTo(10);
        assertThat(seen.programme().getRedeemed().getCount()).isEqualTo(1);
        assertThat(seen.programme().getReimbursed().getAmountCents()).isEqualTo(1000);
        assertThat(seen.redemption().getVoucherId()).isEqualTo(report.voucherId());
        assertThat(seen.redemption().getAmountCents()).isEqualTo(1000);
        assertThat(seen.statement().getStatus()).isEqualTo(Statement.StatusEnum.PAID);
        assertThat(seen.statement().getTotalCents()).isEqualTo(1000);
        assertThat(seen.statement().getLines()).singleElement()
                .satisfies(line -> assertThat(line.getVoucherId()).isEqualTo(report.voucherId()));
        assertThat(seen.reimbursement().getAmountCents()).isEqualTo(1000);
        assertThat(seen.reimbursement().getRedemptionId()).isEqualTo(report.redemptionId());
    }

    @Test
    void theMoneySide_isInvoicedBalancedAndReconciled_withNoDifferenceAnywhere() throws Exception {
        var parties = report.parties();
        JourneyReport.Books books = new VoucherJourney(clients, line -> { })
                .books(parties.funderId(), parties.programmeId(), parties.operatorId());

        assertThat(books.invoice().getFaceValueCents())
                .isEqualTo(report.views().programme().getIssued().getAmountCents());
        assertThat(books.trialBalance().getTotalDebitCents()).isPositive()
                .isEqualTo(books.trialBalance().getTotalCreditCents());
        ReconciliationProgramme reconciled = books.reconciliation();
        assertThat(reconciled.getDifferences()).isEmpty();
        assertThat(reconciled.getChainHolds()).isTrue();
        assertThat(reconciled.getBalanced()).isTrue();
        assertThat(reconciled.getHandedOutCount()).isEqualTo(1);
        assertThat(reconciled.getReimbursedCents()).isEqualTo(1000);
        assertThat(clients.reconciliation("agency", parties.agencyId()).getReconciliation(null).getDifferenceCount())
                .isZero();
    }

    @Test
    void afterTheServicesRestart_everyReadModelStillHoldsTheVoucher_countedOnce() throws Exception {
        JourneyReport.Views before = new VoucherJourney(clients, line -> { }).views(report.parties(),
                report.voucherCode(), report.voucherId(), report.redemptionId(), report.statementId());

        stack.stop();
        stack.start();

        JourneyReport.Views after = new VoucherJourney(clients, line -> { }).views(report.parties(),
                report.voucherCode(), report.voucherId(), report.redemptionId(), report.statementId());
        assertThat(after.structure().getEventsApplied()).isEqualTo(before.structure().getEventsApplied());
        assertThat(after.voucher().getEventsApplied()).isEqualTo(before.voucher().getEventsApplied());
        assertThat(after.programme().getEventsApplied()).isEqualTo(before.programme().getEventsApplied());
        assertThat(after.redemption().getEventsApplied()).isEqualTo(before.redemption().getEventsApplied());
        assertThat(after.statement().getEventsApplied()).isEqualTo(before.statement().getEventsApplied());
        assertThat(after.reimbursement().getEventsApplied()).isEqualTo(before.reimbursement().getEventsApplied());
    }

    @Test
    void theAudit_findsEveryStoredEventOnItsTopicOnce_andReportsAnEventThatWasNeverPublished() throws Exception {
        String kafka = LedgerTestResources.kafkaBootstrapServers();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Audit.audit(stack.stores(), kafka).differences()).isEmpty());

        Audit.Store redemption = stack.stores().stream().filter(s -> s.service().equals("redemption-service"))
                .findFirst().orElseThrow();
        UUID lost = UUID.randomUUID();
        String stream = UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(redemption.jdbcUrl(), redemption.user(),
                redemption.password())) {
            // an event stored without its outbox row: what a broken relay would leave behind
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into events (stream_id, version, event_id, type, topic, payload, correlation_id, actor,
                                        recorded_at)
                    values (?, 1, ?, 'voucher.redeemed.v1', 'redemption.redemption-events.v1', '{}'::jsonb, ?,
                            'audit-test', now())""")) {
                insert.setString(1, stream);
                insert.setObject(2, lost);
                insert.setObject(3, UUID.randomUUID());
                insert.executeUpdate();
            }
            try {
                Audit.Report report = Audit.audit(stack.stores(), kafka);
                assertThat(report.differences()).anyMatch(d -> d.contains(lost.toString()) && d.contains("not on its topic"));
                assertThat(report.lines()).anyMatch(l -> l.startsWith("redemption-service") && l.endsWith("DIFFERENT"));
            } finally {
                // events are immutable (a trigger refuses deletes): the test's own row goes with triggers off
                connection.createStatement().execute("set session_replication_role = replica");
                try (PreparedStatement delete = connection.prepareStatement("delete from events where stream_id = ?")) {
                    delete.setString(1, stream);
                    delete.executeUpdate();
                }
            }
        }
    }

    @Test
    void everyPublishedRecord_carriesCloudEventsHeaders_andValidatesAgainstItsSchema() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        int checked = 0;
        for (String topic : List.of(Topics.STRUCTURES, Topics.PROGRAMMES, Topics.VOUCHERS, Topics.REDEMPTIONS,
                Topics.SETTLEMENTS)) {
            List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(topic);
            assertThat(records).as("records on " + topic).isNotEmpty();
            for (ConsumerRecord<String, String> record : records) {
                String type = KafkaTopics.header(record, CloudEvents.TYPE);
                assertThat(EventCatalog.typesOn(topic)).contains(type);
                for (String header : List.of(CloudEvents.SPEC_VERSION, CloudEvents.ID, CloudEvents.SOURCE,
                        CloudEvents.SUBJECT, CloudEvents.TIME, CloudEvents.STREAM_VERSION, CloudEvents.CORRELATION_ID,
                        CloudEvents.ACTOR)) {
                    assertThat(KafkaTopics.header(record, header)).as(header + " of " + type).isNotBlank();
                }
                assertThat(KafkaTopics.header(record, CloudEvents.SUBJECT)).isEqualTo(record.key());
                try (InputStream schema = EventCatalog.class.getClassLoader()
                        .getResourceAsStream(EventCatalog.schemaResourceOf(type))) {
                    JsonSchema validator = schemas.getSchema(schema);
                    JsonNode value = json.readTree(record.value());
                    assertThat(validator.validate(value)).as(type + " " + record.value()).isEmpty();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(27);
    }
}
