package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventJson;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/**
 * The pitfall of ARCHITECTURE.md section 4: a transaction takes a position, then commits after others that took
 * later positions. A relay reading "after the last position seen" would skip it; this one must not.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class OutboxRelayGapTest {

    @Test
    void eventsCommittedLateWithLowerPositions_reachKafkaExactlyOnce_inStreamOrder() throws Exception {
        UUID heldA = UUID.randomUUID();
        UUID heldB = UUID.randomUUID();
        UUID busy = UUID.randomUUID();

        try (Connection a = LedgerTestResources.database().connect();
             Connection b = LedgerTestResources.database().connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            UUID eventA = appendUncommitted(a, heldA);
            UUID eventB = appendUncommitted(b, heldB);

            // While A and B hold their lower positions open, a busy stream commits five events after them.
            for (long version = 0; version < 5; version++) {
                KernelApi.extend(busy, version, "2027-01-0" + (version + 1)).then().statusCode(201);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(busy).size() == 5);
            assertThat(eventsOf(heldA)).isEmpty();
            assertThat(eventsOf(heldB)).isEmpty();

            a.commit();
            b.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(heldA).size() == 1 && eventsOf(heldB).size() == 1);
            assertThat(eventsOf(heldA)).extracting(r -> KafkaTopics.header(r, CloudEvents.ID)).containsExactly(eventA.toString());
            assertThat(eventsOf(heldB)).extracting(r -> KafkaTopics.header(r, CloudEvents.ID)).containsExactly(eventB.toString());
        }

        List<ConsumerRecord<String, String>> busyRecords = eventsOf(busy);
        assertThat(busyRecords).extracting(r -> KafkaTopics.header(r, CloudEvents.STREAM_VERSION))
                .containsExactly("1", "2", "3", "4", "5");
        Map<String, Long> copies = KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .collect(Collectors.groupingBy(r -> KafkaTopics.header(r, CloudEvents.ID), Collectors.counting()));
        assertThat(copies.values()).as("every event published exactly once").containsOnly(1L);
        assertThat(outboxRows()).isZero();
    }

    /** Appends one event and its outbox row the way the event store does, leaving the transaction open. */
    private static UUID appendUncommitted(Connection connection, UUID voucher) throws Exception {
        var event = new VoucherValidityExtended(voucher, new UUID(0, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 31), Instant.now());
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into events (stream_id, version, event_id, type, topic, payload, correlation_id, actor, recorded_at)
                values (?, 1, ?, ?, ?, cast(? as jsonb), ?, 'test', now()) returning position""")) {
            insert.setString(1, voucher.toString());
            insert.setObject(2, eventId);
            insert.setString(3, EventCatalog.typeOf(event));
            insert.setString(4, EventCatalog.topicOf(event));
            insert.setString(5, EventJson.write(event));
            insert.setObject(6, UUID.randomUUID());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                try (PreparedStatement outbox = connection.prepareStatement("insert into outbox (position) values (?)")) {
                    outbox.setLong(1, rows.getLong(1));
                    outbox.executeUpdate();
                }
            }
        }
        return eventId;
    }

    private static List<ConsumerRecord<String, String>> eventsOf(UUID voucher) {
        return new ArrayList<>(KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .filter(r -> voucher.toString().equals(r.key())).toList());
    }

    private static long outboxRows() throws Exception {
        try (Connection connection = LedgerTestResources.database().connect();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
