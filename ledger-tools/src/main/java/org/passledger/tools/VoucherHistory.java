package org.passledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventChain;
import org.passledger.events.Topics;

/**
 * A voucher's whole history across the four services, as published, with each stream's hash chain; and its
 * verification, offline, from the exported file alone. {@code --voucher ID --kafka B [--out FILE]} exports every
 * stream keyed by the voucher (its issuance, its redemptions, its reimbursement) from the topics and checks it;
 * {@code --verify FILE} recomputes the chains of an exported file and exits 1 on a break.
 */
public final class VoucherHistory {

    static final String USAGE = "usage: VoucherHistory --voucher ID --kafka BOOTSTRAP [--out FILE]"
            + " | VoucherHistory --verify FILE";
    static final Set<String> OPTIONS = Set.of("voucher", "kafka", "out", "verify");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VoucherHistory() {
    }

    public static void main(String[] argv) {
        Cli.main(argv, USAGE, OPTIONS, VoucherHistory::run);
    }

    static void run(Args args) throws Exception {
        String verify = args.optional("verify", null);
        if (verify != null) {
            report(read(Path.of(verify)));
            return;
        }
        UUID voucher = UUID.fromString(args.required("voucher"));
        ObjectNode history = export(voucher, args.required("kafka"));
        String out = args.optional("out", null);
        if (out != null) {
            Files.writeString(Path.of(out), JSON.writeValueAsString(history));
            System.out.println("written to " + out);
        } else {
            System.out.println(JSON.writeValueAsString(history));
        }
        report(streams(history));
    }

    /** Every record keyed by the voucher on the ledger's topics, stream by stream (producing service and key). */
    static ObjectNode export(UUID voucher, String bootstrapServers) {
        Map<String, Map<Long, ObjectNode>> streams = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : Audit.readTopics(bootstrapServers, new TreeSet<>(Topics.all()))) {
            if (!voucher.toString().equals(record.key())) {
                continue;
            }
            ObjectNode event = JSON.createObjectNode();
            long version = Long.parseLong(Audit.header(record, CloudEvents.STREAM_VERSION));
            event.put("version", version);
            event.put("id", Audit.header(record, CloudEvents.ID));
            event.put("type", Audit.header(record, CloudEvents.TYPE));
            event.put("time", Audit.header(record, CloudEvents.TIME));
            event.put("topic", record.topic());
            event.put("payload", record.value());
            event.put("chainHash", Audit.header(record, CloudEvents.CHAIN_HASH));
            // a record published twice (at-least-once) is one event
            streams.computeIfAbsent(Audit.header(record, CloudEvents.SOURCE), s -> new LinkedHashMap<>())
                    .putIfAbsent(version, event);
        }
        ObjectNode history = JSON.createObjectNode();
        history.put("voucherId", voucher.toString());
        history.put("chain", "chainHash = sha256(previous chainHash bytes, none before version 1"
                + " || utf8(streamId|version|id|type|payload)), lowercase hex");
        ArrayNode list = history.putArray("streams");
        streams.forEach((source, events) -> {
            ObjectNode stream = list.addObject();
            stream.put("source", source);
            stream.put("streamId", voucher.toString());
            ArrayNode ordered = stream.putArray("events");
            events.values().stream().sorted(Comparator.comparingLong(e -> e.get("version").asLong()))
                    .forEach(ordered::add);
        });
        return history;
    }

    /** The exported streams, as chain links. */
    static Map<String, List<EventChain.Link>> streams(JsonNode history) {
        Map<String, List<EventChain.Link>> streams = new LinkedHashMap<>();
        for (JsonNode stream : history.path("streams")) {
            List<EventChain.Link> links = new ArrayList<>();
            String streamId = stream.path("streamId").asText();
            for (JsonNode event : stream.path("events")) {
                links.add(new EventChain.Link(streamId, event.path("version").asLong(),
                        UUID.fromString(event.path("id").asText()), event.path("type").asText(),
                        event.path("payload").asText(), event.path("chainHash").isNull() ? null
                                : event.path("chainHash").asText(null)));
            }
            streams.put(stream.path("source").asText() + " " + streamId, links);
        }
        return streams;
    }

    static Map<String, List<EventChain.Link>> read(Path file) throws IOException {
        return streams(JSON.readTree(file.toFile()));
    }

    /** One line per stream; throws (exit 1) when any chain is broken. */
    static void report(Map<String, List<EventChain.Link>> streams) {
        int broken = 0;
        for (Map.Entry<String, List<EventChain.Link>> stream : streams.entrySet()) {
            Optional<String> firstBreak = EventChain.firstBreak(stream.getValue());
            System.out.printf("%-70s %2d events  %s%n", stream.getKey(), stream.getValue().size(),
                    firstBreak.map(b -> "BROKEN: " + b).orElse("chain OK"));
            if (firstBreak.isPresent()) {
                broken++;
            }
        }
        if (streams.isEmpty()) {
            throw new Cli.ToolException("no stream of this voucher on the topics");
        }
        if (broken > 0) {
            throw new Cli.ToolException(broken + " broken chain(s)");
        }
    }
}
