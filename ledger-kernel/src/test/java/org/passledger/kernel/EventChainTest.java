package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.events.EventChain;
import org.passledger.events.EventChain.Link;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/**
 * Every stream is a hash chain: appended one by one or many in one statement, the stored and the published
 * hashes recompute from the events alone; an event altered afterwards in the store is found by the chain.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class EventChainTest {

    @Test
    void streams_chainTheirEvents_inTheStoreAndOnTheTopic_andAnAlteredEventBreaksTheChain() throws Exception {
        UUID single = UUID.randomUUID();
        UUID batched = UUID.randomUUID();
        KernelApi.extend(single, 0, "2027-01-31").then().statusCode(201);
        KernelApi.extend(single, 1, "2027-02-28").then().statusCode(201);
        KernelApi.asOperator().body(Map.of("streams", List.of(
                        Map.of("voucherId", batched, "expectedVersion", 0, "events", 3),
                        Map.of("voucherId", single, "expectedVersion", 2, "events", 2))))
                .post("/test/batches").then().statusCode(201);

        assertThat(stored(single)).hasSize(4);
        assertThat(EventChain.firstBreak(stored(single))).isEmpty();
        assertThat(EventChain.firstBreak(stored(batched))).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> published(batched).size() == 3);
        assertThat(published(batched)).isEqualTo(stored(batched));
        assertThat(EventChain.firstBreak(published(batched))).isEmpty();

        alter(batched, 2);
        assertThat(EventChain.firstBreak(stored(batched))).hasValueSatisfying(broken ->
                assertThat(broken).contains(batched.toString()).contains("version 2"));
        List<Link> withoutTheSecond = new ArrayList<>(published(batched));
        withoutTheSecond.remove(1);
        assertThat(EventChain.firstBreak(withoutTheSecond)).hasValueSatisfying(broken ->
                assertThat(broken).contains("version 3 where 2 was expected"));
    }

    /** What someone with direct access to the database might do: lift the immutability guard and edit a row. */
    private static void alter(UUID stream, long version) throws Exception {
        try (Connection connection = LedgerTestResources.database().connect();
             Statement statement = connection.createStatement()) {
            statement.execute("alter table events disable trigger events_no_update_or_delete");
            statement.execute("update events set payload = jsonb_set(payload, '{validUntil}', '\"2099-12-31\"')"
                    + " where stream_id = '" + stream + "' and version = " + version);
            statement.execute("alter table events enable trigger events_no_update_or_delete");
        }
    }

    private static List<Link> stored(UUID stream) throws Exception {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement("select version, cast(event_id as text), type,"
                     + " cast(payload as text), encode(chain_hash, 'hex') from events where stream_id = ?"
                     + " order by version")) {
            query.setString(1, stream.toString());
            List<Link> links = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(stream.toString(), rows.getLong(1), UUID.fromString(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return links;
        }
    }

    private static List<Link> published(UUID stream) {
        List<Link> links = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.readAll(Topics.VOUCHERS)) {
            if (stream.toString().equals(record.key())) {
                links.add(new Link(record.key(),
                        Long.parseLong(KafkaTopics.header(record, CloudEvents.STREAM_VERSION)),
                        UUID.fromString(KafkaTopics.header(record, CloudEvents.ID)),
                        KafkaTopics.header(record, CloudEvents.TYPE), record.value(),
                        KafkaTopics.header(record, CloudEvents.CHAIN_HASH)));
            }
        }
        links.sort(Comparator.comparingLong(Link::version));
        return links;
    }
}
