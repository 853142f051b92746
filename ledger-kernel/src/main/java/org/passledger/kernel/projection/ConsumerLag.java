package org.passledger.kernel.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.passledger.kernel.metrics.LedgerMetrics;

/**
 * The lag of every Kafka consumer channel of the service, that is of the projections it feeds, as gauges
 * {@code ledger.consumer.lag.records} and {@code ledger.consumer.lag.seconds} tagged with the channel, its topic and
 * its consumer group. Every channel configured with {@code connector=smallrye-kafka} and a {@code group.id} is
 * measured, whether its consumer records {@link ConsumerPositions} or not.
 *
 * <p>Records: the sum over the topic's partitions of end offset minus the group's committed offset (the partition's
 * earliest offset when the group has committed none), asked of the broker through {@link ConsumerPositions}'
 * admin client every {@code ledger.metrics.refresh} (5 s) on a thread of its own, never per scrape. Committed
 * offsets trail the applied records by up to the connector's commit interval (5 s).
 *
 * <p>Seconds: 0 when the channel is not behind; when it is, now minus the time of the newest record this instance
 * applied from the channel ({@link #applied}), or, before it applied any, since when it was first seen behind.
 * -1 when the broker cannot tell.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String PREFIX = "mp.messaging.incoming.";

    private final ConsumerPositions positions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Config config;
    private final Duration refresh;
    private final List<Channel> channels = new ArrayList<>();
    private final Map<String, AtomicLong> lastAppliedEventMillis = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public ConsumerLag(ConsumerPositions positions, MeterRegistry meters, Clock clock, Config config,
                       @ConfigProperty(name = "ledger.metrics.refresh", defaultValue = "PT5S") Duration refresh) {
        this.positions = positions;
        this.meters = meters;
        this.clock = clock;
        this.config = config;
        this.refresh = refresh;
    }

    void start(@Observes StartupEvent started) {
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(PREFIX) || !name.endsWith(".connector")) {
                continue;
            }
            String channel = name.substring(PREFIX.length(), name.length() - ".connector".length());
            if (!"smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                continue;
            }
            config.getOptionalValue(PREFIX + channel + ".group.id", String.class).ifPresent(group -> {
                String topic = config.getOptionalValue(PREFIX + channel + ".topic", String.class).orElse(channel);
                channels.add(new Channel(channel, topic, group));
            });
        }
        if (channels.isEmpty()) {
            return;
        }
        for (Channel channel : channels) {
            Gauge.builder(LedgerMetrics.CONSUMER_LAG_RECORDS, channel.records, AtomicLong::get)
                    .description("Records of the topic the channel's consumer group has not committed yet (-1: unknown)")
                    .tags("channel", channel.name, "topic", channel.topic, "group", channel.group).register(meters);
            Gauge.builder(LedgerMetrics.CONSUMER_LAG_SECONDS, channel.seconds, AtomicLong::get)
                    .description("How long the channel has been behind its topic, 0 when it is not (-1: unknown)")
                    .tags("channel", channel.name, "topic", channel.topic, "group", channel.group).register(meters);
        }
        scheduler = LedgerMetrics.refreshing("ledger-consumer-lag", refresh, this::refreshAll);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Called once records of the channel are applied: the newest record time is what a lag in seconds counts from. */
    public void applied(String channel, long recordTimestampMillis) {
        if (recordTimestampMillis > 0) {
            lastAppliedEventMillis.computeIfAbsent(channel, c -> new AtomicLong()).accumulateAndGet(recordTimestampMillis, Math::max);
        }
    }

    private void refreshAll() {
        Map<String, TopicOffsets> topics = new HashMap<>(); // several channels may read one topic: asked once a round
        for (Channel channel : channels) {
            try {
                TopicOffsets offsets = topics.get(channel.topic);
                if (offsets == null) {
                    Map<TopicPartition, Long> end = positions.offsets(channel.topic, OffsetSpec.latest());
                    offsets = new TopicOffsets(end, end.isEmpty() ? Map.of() : positions.offsets(channel.topic, OffsetSpec.earliest()));
                    topics.put(channel.topic, offsets);
                }
                refresh(channel, offsets);
            } catch (Exception e) {
                LOG.debugf("lag of channel %s unknown: %s", channel.name, e.toString());
                channel.records.set(-1);
                channel.seconds.set(-1);
            }
        }
    }

    private void refresh(Channel channel, TopicOffsets offsets) throws Exception {
        Map<TopicPartition, Long> end = offsets.end();
        long behind = 0;
        if (!end.isEmpty()) {
            Map<TopicPartition, Long> start = offsets.start();
            Map<TopicPartition, OffsetAndMetadata> committed = positions.admin()
                    .listConsumerGroupOffsets(channel.group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                OffsetAndMetadata offset = committed.get(partition.getKey());
                long from = Math.max(start.getOrDefault(partition.getKey(), 0L), offset == null ? 0 : offset.offset());
                behind += Math.max(0, partition.getValue() - from);
            }
        }
        channel.records.set(behind);
        Instant now = clock.instant();
        if (behind == 0) {
            channel.behindSince = null;
            channel.seconds.set(0);
            return;
        }
        if (channel.behindSince == null) {
            channel.behindSince = now;
        }
        AtomicLong lastApplied = lastAppliedEventMillis.get(channel.name);
        Instant from = lastApplied == null ? channel.behindSince : Instant.ofEpochMilli(lastApplied.get());
        channel.seconds.set(Math.max(0, Duration.between(from, now).toSeconds()));
    }

    private record TopicOffsets(Map<TopicPartition, Long> end, Map<TopicPartition, Long> start) {
    }

    private static final class Channel {
        final String name;
        final String topic;
        final String group;
        final AtomicLong records = new AtomicLong(-1);
        final AtomicLong seconds = new AtomicLong(-1);
        volatile Instant behindSince;

        Channel(String name, String topic, String group) {
            this.name = name;
            this.topic = topic;
            this.group = group;
        }
    }
}
