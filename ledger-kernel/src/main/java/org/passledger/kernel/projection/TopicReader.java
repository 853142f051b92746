package org.passledger.kernel.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventEnvelope;
import org.passledger.events.MalformedEventException;

/** Reads topics from their first record up to their end as they are now (blocking; call off the event loop). */
public final class TopicReader {

    private static final Logger LOG = Logger.getLogger(TopicReader.class);

    private TopicReader() {
    }

    /** Every well-formed event of the topics, in time order (records of one key keep their partition order). */
    public static List<EventEnvelope> readAll(String bootstrapServers, List<String> topics, Duration timeout) {
        List<EventEnvelope> events = new ArrayList<>();
        read(bootstrapServers, topics, timeout, record -> {
            try {
                events.add(ProjectionRunner.decode(record));
            } catch (MalformedEventException e) {
                LOG.warnf("Rebuild skips malformed record %s-%d@%d: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        });
        events.sort(Comparator.comparing(EventEnvelope::time)); // stable: equal times keep partition order
        return events;
    }

    /** The CloudEvents ids of the records of the topics (dead letters: events the live consumers never applied). */
    public static Set<UUID> eventIds(String bootstrapServers, List<String> topics, Duration timeout) {
        Set<UUID> ids = new HashSet<>();
        read(bootstrapServers, topics, timeout, record -> {
            Header id = record.headers().lastHeader(CloudEvents.ID);
            try {
                if (id != null && id.value() != null) {
                    ids.add(UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)));
                }
            } catch (IllegalArgumentException notAnId) {
                // a poison record without a usable id was never an event: nothing to skip
            }
        });
        return ids;
    }

    private static void read(String bootstrapServers, List<String> topics, Duration timeout,
                             Consumer<ConsumerRecord<String, String>> each) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // reading must not create a topic
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " could not be read to their end in " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
