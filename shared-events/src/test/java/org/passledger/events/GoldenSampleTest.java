package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden samples are what partners were shown. A record change that renames, removes or retypes a field
 * makes one of these tests fail, because the sample would no longer read back to the same JSON.
 */
class GoldenSampleTest {

    // The aggregate each event belongs to, as the contract states it: the Kafka key.
    private static final Map<String, String> KEY_PROPERTY_BY_TOPIC = Map.of(
            Topics.STRUCTURES, "structureId",
            Topics.PROGRAMMES, "programmeId",
            Topics.VOUCHERS, "voucherId",
            Topics.REDEMPTIONS, "voucherId");
    // The settlement topic carries several aggregates.
    private static final Map<String, String> KEY_PROPERTY_BY_SETTLEMENT_TYPE = Map.ofEntries(
            Map.entry("settlement.run-opened.v1", "runId"),
            Map.entry("settlement.run-opened.v2", "runId"),
            Map.entry("settlement.statement-issued.v1", "statementId"),
            Map.entry("settlement.payment-confirmed.v1", "statementId"),
            Map.entry("voucher.reimbursed.v1", "voucherId"),
            Map.entry("settlement.funder-invoiced.v1", "invoiceId"),
            Map.entry("settlement.credit-note-issued.v1", "creditNoteId"),
            Map.entry("settlement.fee-rule-published.v1", "feeRuleId"),
            Map.entry("settlement.payment-rejected.v1", "statementId"),
            Map.entry("settlement.incident-opened.v1", "incidentId"),
            Map.entry("settlement.incident-validated.v1", "incidentId"),
            Map.entry("settlement.incident-dismissed.v1", "incidentId"),
            Map.entry("settlement.clawback-applied.v1", "incidentId"),
            Map.entry("settlement.debit-note-issued.v1", "incidentId"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void everyGoldenSample_validatesAgainstItsSchema(String type) {
        assertThat(Contracts.violations(type, Contracts.golden(type))).isEmpty();
    }

    @Test
    void schemaValidation_catchesAGoldenSampleWithAMissingRequiredField() {
        ObjectNode sample = (ObjectNode) Contracts.golden("voucher.redeemed.v1");
        sample.remove("faceValueCents");

        assertThat(Contracts.violations("voucher.redeemed.v1", sample)).anySatisfy(message ->
                assertThat(message).contains("faceValueCents"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void everyGoldenSample_readsIntoItsRecord_andWritesBackTheSameJson(String type) throws Exception {
        JsonNode golden = Contracts.golden(type);

        LedgerEvent event = EventJson.read(type, Contracts.goldenText(type));
        JsonNode written = Contracts.TREES.readTree(EventJson.write(event));

        assertThat(event).isInstanceOf(EventCatalog.classOf(type));
        assertThat(Contracts.violations(type, written)).as("written JSON against the committed schema").isEmpty();
        golden.fields().forEachRemaining(property ->
                assertThat(written.get(property.getKey())).as(property.getKey()).isEqualTo(property.getValue()));
        assertThat(names(written)).as("the golden sample shows every property")
                .containsExactlyElementsOf(names(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void everyEvent_hasItsAggregateIdAsSubject(String type) {
        String topic = EventCatalog.topicOf(EventCatalog.classOf(type));
        String keyProperty = topic.equals(Topics.SETTLEMENTS)
                ? KEY_PROPERTY_BY_SETTLEMENT_TYPE.get(type)
                : KEY_PROPERTY_BY_TOPIC.get(topic);

        LedgerEvent event = EventJson.read(type, Contracts.goldenText(type));

        assertThat(event.subject()).isEqualTo(Contracts.golden(type).get(keyProperty).asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
