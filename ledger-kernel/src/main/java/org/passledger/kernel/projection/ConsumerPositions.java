package org.passledger.kernel.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.kernel.store.SqlTime;

/**
 * How far behind its consumed topics this service's projections are. After each consumed poll batch (its records
 * applied or sent to the dead-letter topic) the next offset of each of its partitions is written to {@code consumer_position};
 * every instance writes there, so the lag is the group's, not one instance's. The table is keyed by topic and
 * partition: a service tracks one consumer per topic, the one whose read model its decisions rest on.
 *
 * <p>Lag of a topic = sum over its partitions of (end offset now - next offset applied, floored at the partition's
 * earliest offset). For each topic of {@code ledger.consumer-positions.topics} it is exposed as the gauge
 * {@code <prefix>.projection.lag.records{topic}} (refreshed every {@code ledger.consumer-positions.refresh}) and
 * {@code <prefix>.projection.last-event.age.seconds{topic}}, the prefix being
 * {@code ledger.consumer-positions.metric-prefix}; {@link #behind(String)} asks it afresh for any topic.
 */
@ApplicationScoped
public class ConsumerPositions {

    private static final Logger LOG = Logger.getLogger(ConsumerPositions.class);

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<String> topics;
    private final String metricPrefix;
    private final String bootstrapServers;
    private final Duration refresh;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastEventAge = new ConcurrentHashMap<>();
    private Admin admin;
    private ScheduledExecutorService scheduler;

    public ConsumerPositions(Mutiny.SessionFactory sessions, Clock clock, MeterRegistry meters,
                             @ConfigProperty(name = "ledger.consumer-positions.topics") Optional<List<String>> topics,
                             @ConfigProperty(name = "ledger.consumer-positions.metric-prefix",
                                     defaultValue = "ledger") String metricPrefix,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "ledger.consumer-positions.refresh", defaultValue = "PT5S")
                             Duration refresh,
                             @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                             @ConfigProperty(name = "quarkus.datasource.username") String user,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.sessions = sessions;
        this.clock = clock;
        this.meters = meters;
        this.topics = topics.orElse(List.of());
        this.metricPrefix = metricPrefix;
        this.bootstrapServers = bootstrapServers;
        this.refresh = refresh;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password.orElse("");
    }

    void start(@Observes StartupEvent started) {
        if (topics.isEmpty()) {
            return; // a service that tracks no topic has no gauges to refresh
        }
        for (String topic : topics) {
            AtomicLong records = lag.computeIfAbsent(topic, t -> new AtomicLong(-1));
            Gauge.builder(metricPrefix + ".projection.lag.records", records, AtomicLong::get)
                    .description("Records of the topic not yet applied by this service's projections (-1: unknown)")
                    .tag("topic", topic).register(meters);
            AtomicLong age = lastEventAge.computeIfAbsent(topic, t -> new AtomicLong(-1));
            Gauge.builder(metricPrefix + ".projection.last-event.age.seconds", age, AtomicLong::get)
                    .description("Age of the newest event applied from the topic (-1: none yet)")
                    .tag("topic", topic).register(meters);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, metricPrefix + "-projection-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshGauges, 1000, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    /** Runs the consumption of a poll batch, then records its partitions as applied up to it, whatever the outcome. */
    public Uni<Void> tracking(ConsumerRecords<String, String> records, Supplier<Uni<Void>> consumption) {
        return Uni.createFrom().<Void>deferred(consumption::get).onItemOrFailure().call((ignored, failure) -> advance(records)
                .onFailure().invoke(e -> LOG.debugf(e, "positions of %s not written", records.partitions()))
                .onFailure().recoverWithNull());
    }

    /** One upsert per partition of the batch, all in one transaction. */
    private Uni<Void> advance(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, String>> applied = records.records(partition);
                ConsumerRecord<String, String> last = applied.get(applied.size() - 1);
                chain = chain.chain(() -> advance(session, last));
            }
            return chain;
        });
    }

    private Uni<Void> advance(Mutiny.Session session, ConsumerRecord<String, String> last) {
        Instant eventTime = last.timestamp() > 0 ? Instant.ofEpochMilli(last.timestamp()) : null;
        return session.createNativeQuery("""
                        insert into consumer_position (topic, partition, next_offset, event_time, updated_at)
                        values (:topic, :partition, :next, :eventTime, :now)
                        on conflict (topic, partition) do update
                        set next_offset = greatest(consumer_position.next_offset, excluded.next_offset),
                            event_time = coalesce(excluded.event_time, consumer_position.event_time),
                            updated_at = excluded.updated_at""")
                .setParameter("topic", last.topic())
                .setParameter("partition", last.partition())
                .setParameter("next", last.offset() + 1)
                .setParameter("eventTime", (eventTime == null ? clock.instant() : eventTime).atOffset(ZoneOffset.UTC))
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate().replaceWithVoid();
    }

    /**
     * Records of the topic not yet applied, asked now (blocking: call off the event loop). When the broker or
     * the database cannot tell, the answer is {@link Long#MAX_VALUE}: "maybe behind" is the safe side.
     */
    public long behind(String topic) {
        try {
            Map<TopicPartition, Long> end = offsets(topic, OffsetSpec.latest());
            if (end.isEmpty()) {
                return 0;
            }
            // records removed by retention cannot be waited for: a partition is applied at least up to its start
            Map<TopicPartition, Long> start = offsets(topic, OffsetSpec.earliest());
            Map<Integer, Long> applied = appliedOffsets(topic);
            long total = 0;
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                long from = Math.max(start.getOrDefault(partition.getKey(), 0L),
                        applied.getOrDefault(partition.getKey().partition(), 0L));
                total += Math.max(0, partition.getValue() - from);
            }
            return total;
        } catch (Exception e) {
            LOG.warnf("lag of %s unknown: %s", topic, e.toString());
            return Long.MAX_VALUE;
        }
    }

    private void refreshGauges() {
        for (String topic : topics) {
            long behind = behind(topic);
            lag.get(topic).set(behind == Long.MAX_VALUE ? -1 : behind);
            try {
                Instant newest = newestEventTime(topic);
                lastEventAge.get(topic).set(newest == null ? -1
                        : Math.max(0, Duration.between(newest, clock.instant()).toSeconds()));
            } catch (Exception e) {
                lastEventAge.get(topic).set(-1);
            }
        }
    }

    /** One admin client per service, shared with {@link ConsumerLag}. */
    synchronized Admin admin() {
        if (admin == null) {
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            admin = Admin.create(config);
        }
        return admin;
    }

    /** The offsets of each partition of the topic ({@code latest}: end offsets); empty when the topic does not exist. */
    Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws Exception {
        Admin client = admin();
        org.apache.kafka.clients.admin.TopicDescription description;
        try {
            description = client.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of(); // nothing was ever published there: nothing to be behind
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        description.partitions().forEach(p -> wanted.put(new TopicPartition(topic, p.partition()), spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        client.listOffsets(wanted).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private Map<Integer, Long> appliedOffsets(String topic) throws Exception {
        Map<Integer, Long> applied = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement(
                     "select partition, next_offset from consumer_position where topic = ?")) {
            query.setString(1, topic);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return applied;
    }

    private Instant newestEventTime(String topic) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement("select " + SqlTime.micros("max(event_time)")
                     + " from consumer_position where topic = ?")) {
            query.setString(1, topic);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getObject(1) != null ? SqlTime.fromMicros(rows.getObject(1)) : null;
            }
        }
    }
}
