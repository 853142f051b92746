package org.passledger.tools;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventChain;
import org.passledger.events.EventEnvelope;
import org.passledger.events.EventJson;
import org.passledger.events.LedgerEvent;

/**
 * Compares each service's event store with what it published: every stored event is on its topic, the first
 * publications of a stream's events are in version order, every record of the services' topics is a stored event,
 * and no outbox row is older than a minute. An event published more than once (the relay is at-least-once, ADR 0001;
 * the inboxes apply it once) is a warning, counted, not a difference. Then the money chain's read models against a
 * fold of the events on the topics ({@link ReadModels}), and the money chain across the stores ({@link MoneyChain}).
 * One line per check, the first differences listed, exit 1 on any.
 *
 * <pre>Audit --host h [--port 5432] [--user postgres] [--password pw] --databases labelling,issuance,... --kafka b</pre>
 */
public final class Audit {

    static final String USAGE = "usage: Audit --host HOST [--port 5432] [--user postgres] [--password PW]"
            + " --databases labelling,issuance,redemption,settlement --kafka BOOTSTRAP";
    private static final int LISTED = 10;
    private static final Duration STALE_OUTBOX = Duration.ofMinutes(1);

    /** One service's event store. */
    public record Store(String service, String jdbcUrl, String user, String password) {
    }

    static final Set<String> OPTIONS = Set.of("host", "port", "user", "password", "databases", "kafka");

    /**
     * What the audit found: the check lines, the differences (empty when everything agrees) and the warnings (events
     * published more than once, reimbursements of a redemption reversed afterwards), which are no difference.
     */
    public record Report(List<String> lines, List<String> differences, List<String> warnings) {
    }

    private record Stored(String service, String stream, long version, String topic, boolean waiting,
                          String chainHash) {
    }

    private Audit() {
    }

    public static void main(String[] argv) {
        Cli.main(argv, USAGE, OPTIONS, Audit::run);
    }

    static void run(Args args) throws Exception {
        String host = args.required("host");
        int port = args.intValue("port", 5432, 1, 65535);
        List<String> databases = args.list("databases");
        Databases.validateNames(databases);
        List<Store> stores = databases.stream().map(name -> new Store(name,
                "jdbc:postgresql://" + host + ":" + port + "/" + name, args.optional("user", "postgres"),
                args.optional("password", ""))).toList();
        Report report = audit(stores, args.required("kafka"));
        report.lines().forEach(System.out::println);
        report.warnings().stream().limit(LISTED).forEach(w -> System.out.println("  warning: " + w));
        if (!report.differences().isEmpty()) {
            report.differences().stream().limit(LISTED).forEach(d -> System.out.println("  " + d));
            throw new Cli.ToolException(report.differences().size() + " difference(s)");
        }
    }

    public static Report audit(List<Store> stores, String bootstrapServers) throws SQLException {
        Map<UUID, Stored> stored = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, long[]> outbox = new LinkedHashMap<>();
        List<LedgerEvent> money = new ArrayList<>();
        for (Store store : stores) {
            outbox.put(store.service(), read(store, stored, money, differences));
        }
        Set<String> topics = new TreeSet<>();
        stored.values().forEach(e -> topics.add(e.topic()));
        Map<UUID, Integer> seen = new HashMap<>();
        Map<String, Long> lastVersion = new HashMap<>();
        List<EventEnvelope> consumed = new ArrayList<>(); // each event once, in topic order: what an inbox applies
        Map<String, List<EventChain.Link>> chains = new LinkedHashMap<>(); // per service and stream, as published
        int strays = 0;
        int outOfOrder = 0;
        for (ConsumerRecord<String, String> record : readTopics(bootstrapServers, topics)) {
            UUID id = eventId(record);
            Stored event = id == null ? null : stored.get(id);
            if (event == null) {
                strays++;
                differences.add("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                        + " (key " + record.key() + ") is no stored event");
                continue;
            }
            if (seen.merge(id, 1, Integer::sum) > 1) {
                warnings.add(event.service() + " event " + id + " published again at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + " (at-least-once; the inboxes apply it once)");
                continue;
            }
            decoded(record).ifPresent(consumed::add);
            String published = header(record, CloudEvents.CHAIN_HASH);
            if (published != null && !published.equals(event.chainHash())) {
                differences.add(event.service() + " stream " + event.stream() + ": event " + id + " (version "
                        + event.version() + ") was published with another chain hash than the store holds");
            }
            chains.computeIfAbsent(event.service() + " stream " + event.stream(), k -> new ArrayList<>())
                    .add(new EventChain.Link(event.stream(), event.version(), id, header(record, CloudEvents.TYPE),
                            record.value(), published));
            Long before = lastVersion.put(event.service() + "/" + event.stream(), event.version());
            if (before != null && before >= event.version()) {
                outOfOrder++;
                differences.add(event.service() + " stream " + event.stream() + ": version " + event.version()
                        + " published after version " + before);
            }
        }
        for (Store store : stores) {
            long events = stored.values().stream().filter(e -> e.service().equals(store.service())).count();
            // an event still waiting in the outbox is not published yet: it is missing only once its row is stale
            List<Map.Entry<UUID, Stored>> missing = stored.entrySet().stream()
                    .filter(e -> e.getValue().service().equals(store.service()) && !seen.containsKey(e.getKey())
                            && !e.getValue().waiting())
                    .toList();
            long[] pending = outbox.get(store.service());
            missing.stream().limit(LISTED).forEach(e -> differences.add(store.service() + " event " + e.getKey()
                    + " (stream " + e.getValue().stream() + " v" + e.getValue().version() + ", " + e.getValue().topic()
                    + ") is not on its topic"));
            boolean stale = pending[1] > STALE_OUTBOX.toSeconds();
            if (stale) {
                differences.add(store.service() + " outbox holds a row for " + pending[1] + " s");
            }
            lines.add(String.format("%-12s %7d events stored, %7d not on their topic; outbox %d waiting%s  %s",
                    store.service(), events, missing.size(), pending[0],
                    pending[0] > 0 ? " (oldest " + pending[1] + " s)" : "",
                    missing.isEmpty() && !stale ? "OK" : "DIFFERENT"));
        }
        int broken = checkChains(chains, differences);
        lines.add(String.format("%-12s %d streams recomputed from their published records, %d broken  %s", "chains",
                chains.size(), broken, broken == 0 ? "OK" : "DIFFERENT"));
        long duplicates = seen.values().stream().filter(n -> n > 1).count();
        lines.add(String.format("%-12s %d records without a stored event, %d out of stream order; %d events published"
                + " more than once (at-least-once, a warning)  %s", "topics", strays, outOfOrder, duplicates,
                strays + outOfOrder == 0 ? "OK" : "DIFFERENT"));
        for (ReadModels.Check check : ReadModels.CHECKS) {
            for (Store store : stores) {
                if (store.service().startsWith(check.service())) {
                    try (Connection connection = connect(store)) {
                        ReadModels.Finding finding = ReadModels.check(check, store.service(), connection, consumed);
                        lines.add(finding.line());
                        differences.addAll(finding.differences());
                    } catch (SQLException e) {
                        throw new Cli.ToolException("cannot read " + check.table() + " of " + store.service() + ": "
                                + e.getMessage(), e);
                    }
                }
            }
        }
        if (stores.stream().anyMatch(s -> s.service().startsWith("redemption"))
                && stores.stream().anyMatch(s -> s.service().startsWith("settlement"))) {
            MoneyChain.Finding chain = MoneyChain.check(money);
            lines.add(chain.line());
            differences.addAll(chain.differences());
            warnings.addAll(chain.warnings());
        } else {
            lines.add(String.format("%-12s not checked: it needs the redemption and settlement stores", "money chain"));
        }
        lines.add("audit: " + (differences.isEmpty() ? "no difference" : differences.size() + " difference(s)"));
        return new Report(lines, differences, warnings);
    }

    /**
     * Recomputes each stream's hash chain from its published records alone (what an auditor holding the topics
     * can do), over the versions published so far from the first: a version not yet published is the outbox
     * check's business, not a break.
     */
    private static int checkChains(Map<String, List<EventChain.Link>> chains, List<String> differences) {
        int broken = 0;
        for (Map.Entry<String, List<EventChain.Link>> stream : chains.entrySet()) {
            List<EventChain.Link> links = new ArrayList<>(stream.getValue());
            if (links.stream().anyMatch(link -> link.chainHash() == null)) {
                continue; // published before events carried their chain hash: the store's check covers it
            }
            links.sort(Comparator.comparingLong(EventChain.Link::version));
            int published = 0;
            while (published < links.size() && links.get(published).version() == published + 1) {
                published++;
            }
            Optional<String> firstBreak = EventChain.firstBreak(links.subList(0, published));
            if (firstBreak.isPresent()) {
                broken++;
                differences.add(stream.getKey().split(" ")[0] + " " + firstBreak.get() + " (recomputed from the topic)");
            }
        }
        return broken;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Connection connect(Store store) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", store.user());
        if (!store.password().isEmpty()) {
            props.setProperty("password", store.password());
        }
        props.setProperty("ApplicationName", "ledger-tools Audit");
        return DriverManager.getConnection(store.jdbcUrl(), props);
    }

    /**
     * Loads the store's events, and the money chain's in full ({@link MoneyChain#TYPES}; one that cannot be read is a
     * difference); answers the outbox's waiting rows and the age in seconds of the oldest.
     */
    private static long[] read(Store store, Map<UUID, Stored> stored, List<LedgerEvent> money, List<String> differences)
            throws SQLException {
        try (Connection connection = connect(store);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select e.event_id, e.stream_id, e.version, e.topic,"
                            + " exists (select 1 from outbox o where o.position = e.position),"
                            + " encode(e.chain_hash, 'hex')"
                            + " from events e order by e.position")) {
                while (rows.next()) {
                    stored.put(rows.getObject(1, UUID.class), new Stored(store.service(), rows.getString(2),
                            rows.getLong(3), rows.getString(4), rows.getBoolean(5), rows.getString(6)));
                }
            }
            // the store's own chain, recomputed by the store's own function: an event edited in place breaks it
            try (ResultSet rows = statement.executeQuery("""
                    select e.stream_id, e.version, cast(e.event_id as text) from events e
                    left join events p on p.stream_id = e.stream_id and p.version = e.version - 1
                    where e.chain_hash <> event_chain_link(p.chain_hash, e.stream_id, e.version, e.event_id, e.type,
                                                           e.payload)
                       or (e.version > 1 and p.position is null)
                    order by e.stream_id, e.version""")) {
                while (rows.next()) {
                    differences.add(store.service() + " stream " + rows.getString(1) + ": stored event "
                            + rows.getString(3) + " (version " + rows.getLong(2) + ") breaks the hash chain");
                }
            }
            try (ResultSet rows = statement.executeQuery("select type, cast(payload as text), cast(event_id as text)"
                    + " from events where type in (" + String.join(", ", MoneyChain.TYPES.stream()
                    .map(t -> "'" + t + "'").toList()) + ") order by position")) {
                while (rows.next()) {
                    try {
                        money.add(EventJson.read(rows.getString(1), rows.getString(2)));
                    } catch (RuntimeException unreadable) {
                        differences.add(store.service() + " event " + rows.getString(3) + " (" + rows.getString(1)
                                + ") cannot be read: " + unreadable.getMessage());
                    }
                }
            }
            try (ResultSet row = statement.executeQuery("""
                    select count(*), coalesce(extract(epoch from now() - min(e.recorded_at)), 0)
                    from outbox o join events e on e.position = o.position""")) {
                row.next();
                return new long[] {row.getLong(1), (long) row.getDouble(2)};
            }
        } catch (SQLException e) {
            throw new Cli.ToolException("cannot read the event store of " + store.service() + " (" + store.jdbcUrl()
                    + "): " + e.getMessage(), e);
        }
    }

    /** Every record of the topics, from their start to their end as they are now, partition by partition. */
    static List<ConsumerRecord<String, String>> readTopics(String bootstrapServers, Set<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Duration timeout = Duration.ofSeconds(30);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new Cli.ToolException("the topics " + topics + " could not be read to their end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The record as a consumer decodes it; empty for a record no consumer could read (it is dead-lettered). */
    private static Optional<EventEnvelope> decoded(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(EventEnvelope.fromKafka(headers, record.key(), record.value()));
        } catch (RuntimeException undecodable) {
            return Optional.empty();
        }
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader(CloudEvents.ID);
        try {
            return id == null || id.value() == null ? null
                    : UUID.fromString(new String(id.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
