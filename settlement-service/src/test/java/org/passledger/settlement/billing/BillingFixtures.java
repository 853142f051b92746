package org.passledger.settlement.billing;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent;
import org.passledger.events.VoucherEvent;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Events of issuance published as it would, SQL look-ups and CSV parsing for the billing tests. */
final class BillingFixtures {

    private BillingFixtures() {
    }

    static String operator() {
        return TestTokens.bearer(Roles.OPERATOR, "operator-1");
    }

    static UUID publish(LedgerEvent event, Instant at) {
        return publish(event, at, UUID.randomUUID());
    }

    /** Publishes with the given event id: the same id twice is a redelivery. */
    static UUID publish(LedgerEvent event, Instant at, UUID eventId) {
        String source = event instanceof ProgrammeEvent || event instanceof VoucherEvent
                ? "/pass-ledger/issuance-service" : "/pass-ledger/settlement-service";
        EventEnvelope envelope = EventEnvelope.of(event, eventId, source, at, 1, UUID.randomUUID(), null,
                "funder:" + UUID.randomUUID());
        KafkaTopics.send(EventCatalog.topicOf(event), envelope.kafkaKey(), envelope.kafkaValue(),
                envelope.toKafkaHeaders());
        return eventId;
    }

    static long count(String sql, String... parameters) {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String sql, String... parameters) {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
