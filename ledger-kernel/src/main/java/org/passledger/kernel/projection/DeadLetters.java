package org.passledger.kernel.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.passledger.kernel.metrics.LedgerMetrics;

/**
 * Sends a consumed record that cannot be applied to its channel's dead-letter topic, as it was (key, value,
 * headers) plus why: the same headers as the messaging connector's own dead-letter strategy, so operators and
 * tools read one format. Batch consumers need it because they dead-letter single records of a poll batch.
 */
@ApplicationScoped
public class DeadLetters {

    /** The outgoing channel dead letters leave through, topic set per record. */
    public static final String CHANNEL = "ledger-dead-letters";

    private static final String TOPIC_KEY = "mp.messaging.incoming.%s.dead-letter-queue.topic";

    private final MutinyEmitter<String> emitter;
    private final Config config;
    private final MeterRegistry meters;

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, Config config, MeterRegistry meters) {
        this.emitter = emitter;
        this.config = config;
        this.meters = meters;
    }

    /** Every channel with a dead-letter topic shows 0 from the start, not "no data". */
    void registerCounters(@Observes StartupEvent started) {
        deadLetteringChannels().forEach(channel -> counted(channel,
                config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class).orElse(channel)));
    }

    /** The incoming channels that have a dead-letter topic. */
    private Stream<String> deadLetteringChannels() {
        String prefix = "mp.messaging.incoming.";
        String suffix = ".dead-letter-queue.topic";
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
                .map(name -> name.substring(prefix.length(), name.length() - suffix.length()));
    }

    private Counter counted(String channel, String topic) {
        return Counter.builder(LedgerMetrics.PROJECTION_DEAD_LETTERS)
                .description("Consumed records sent to the channel's dead-letter topic")
                .tags("channel", channel, "topic", topic).register(meters);
    }

    /** The dead-letter topic of an incoming channel, as configured for it. */
    public String topicOf(String channel) {
        return config.getOptionalValue(TOPIC_KEY.formatted(channel), String.class).orElseThrow(() ->
                new IllegalStateException("channel " + channel + " has no " + TOPIC_KEY.formatted(channel)));
    }

    /** Every dead-letter topic configured for this service's incoming channels. */
    public List<String> topics() {
        return deadLetteringChannels().map(this::topicOf).distinct().sorted().toList();
    }

    /** Completes once the broker has the dead letter. */
    public Uni<Void> send(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            header(headers, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
            header(headers, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
        }
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        Message<String> letter = Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topicOf(channel))
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build());
        return emitter.sendMessage(letter).invoke(() -> counted(channel, record.topic()).increment());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
