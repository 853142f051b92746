package org.passledger.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the AsyncAPI 3.0 document of the system from what the system runs on: the topics and types of
 * {@link EventCatalog}, the JSON Schemas and golden samples of this module, and the messaging configuration of
 * every service ({@link MessagingConfig}). Nothing in it is typed by hand, so it cannot drift; the committed copy
 * is what {@code AsyncApiDocumentTest} compares it with, and rewrites on request.
 */
final class AsyncApiGenerator {

    /** Where the document is committed, relative to this module. */
    static final Path COMMITTED = Path.of("src", "main", "resources").resolve(EventCatalog.ASYNCAPI_RESOURCE);

    static final String DEAD_LETTER = "dead-letter";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    /** The CloudEvents {@code source} the outbox relay writes (the kernel's OutboxRecords). */
    static final String SOURCE_PREFIX = "/pass-ledger/";

    // Every string quoted: unquoted, "1.0", "30" or an RFC 3339 time would read back as a number or a timestamp.
    static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .build())
            .build();

    /**
     * The keywords the event schemas may use: those that draft-07 (which an AsyncAPI Schema Object extends) and
     * draft 2020-12 (which the schema files declare) read alike, so a schema embedded as a payload means what
     * its file means. A schema using another keyword stops the generation rather than being misread.
     */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of("title", "description", "type", "required",
            "properties", "additionalProperties", "items", "format", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "pattern", "enum", "minItems", "maxItems", "uniqueItems",
            "examples");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant FALLBACK_EXAMPLE_TIME = Instant.parse("2026-03-14T09:30:12.482Z");

    private final MessagingConfig config;

    AsyncApiGenerator(MessagingConfig config) {
        this.config = config;
    }

    static String yaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] yaml) {
        try {
            return YAML.readTree(new String(yaml, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode document() {
        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", "3.0.0");
        document.set("info", info());
        document.put("defaultContentType", CloudEvents.APPLICATION_JSON);
        document.set("servers", servers());
        document.set("channels", channels());
        document.set("operations", operations());
        document.set("components", components());
        return document;
    }

    private static ObjectNode info() {
        ObjectNode info = NODES.objectNode();
        info.put("title", "pass-ledger events");
        info.put("version", "1.0.0");
        info.put("description", String.join("\n",
                "Every Kafka topic of pass-ledger: the five event topics, each written by one service through its"
                        + " outbox, and each service's dead-letter topic. One message per event type: the value is"
                        + " the event's JSON (the JSON Schema of shared-events), the attributes are CloudEvents 1.0"
                        + " headers in binary mode, and the key is the aggregate id (equal to `ce_subject`).",
                "",
                "Operations are tagged with the service that performs them; a receive operation names its"
                        + " consumer group (Kafka binding `groupId`), its SmallRye channel (`x-smallrye-channel`)"
                        + " and where its unusable records go (`x-dead-letter-topic`).",
                "",
                "Generated from EventCatalog, the schemas, the golden samples and the services' configuration"
                        + " (shared-events, AsyncApiDocumentTest); do not edit by hand."));
        return info;
    }

    private static ObjectNode servers() {
        ObjectNode local = NODES.objectNode();
        local.put("host", "127.0.0.1:9092");
        local.put("protocol", "kafka");
        local.put("description", "The broker of `./ledger up`; a service elsewhere is told its brokers by"
                + " KAFKA_BOOTSTRAP_SERVERS.");
        ObjectNode servers = NODES.objectNode();
        servers.set("local", local);
        return servers;
    }

    private ObjectNode channels() {
        ObjectNode channels = NODES.objectNode();
        for (String topic : Topics.all()) {
            ObjectNode channel = channel(topic, "Events of " + Topics.ownerOf(topic) + ", written by its outbox relay"
                    + " in stream order; the record key is the aggregate id, so one aggregate's events stay in one"
                    + " partition, in order.");
            ObjectNode messages = channel.putObject("messages");
            EventCatalog.typesOn(topic).forEach(type -> messages.set(type, ref("#/components/messages/" + type)));
            channel.put("x-owner", Topics.ownerOf(topic));
            channels.set(topic, channel);
        }
        for (MessagingConfig.Service service : config.services()) {
            for (String topic : deadLetterTopicsOf(service)) {
                ObjectNode channel = channel(topic, "Records " + service.name() + "'s consumers could not apply,"
                        + " as they were (key, value, headers), with dead-letter-* headers saying why. Nothing"
                        + " consumes it; an operator reads it.");
                channel.putObject("messages").set(DEAD_LETTER, ref("#/components/messages/" + DEAD_LETTER));
                channel.put("x-owner", service.name());
                channels.set(topic, channel);
            }
        }
        return channels;
    }

    private static ObjectNode channel(String topic, String description) {
        ObjectNode channel = NODES.objectNode();
        channel.put("address", topic);
        channel.put("description", description);
        channel.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private ObjectNode operations() {
        ObjectNode operations = NODES.objectNode();
        for (MessagingConfig.Service service : config.services()) {
            for (MessagingConfig.Channel outgoing : service.outgoing()) {
                List<String> topics = outgoing.topic().equals(MessagingConfig.UNROUTED)
                        ? routedTopics(service, outgoing)
                        : List.of(outgoing.topic());
                for (String topic : topics) {
                    operations.set(service.name() + ".send." + topic, send(service, outgoing, topic));
                }
            }
            for (MessagingConfig.Channel incoming : service.incoming()) {
                operations.set(service.name() + ".receive." + incoming.name(), receive(service, incoming));
            }
        }
        return operations;
    }

    /**
     * The topics a kernel channel that routes per record reaches: the outbox the topics the service owns, the
     * dead-letter channel the service's dead-letter topics.
     */
    private List<String> routedTopics(MessagingConfig.Service service, MessagingConfig.Channel outgoing) {
        if (outgoing.name().equals("ledger-outbox")) {
            return Topics.all().stream().filter(topic -> Topics.ownerOf(topic).equals(service.name())).toList();
        }
        if (outgoing.name().equals("ledger-dead-letters")) {
            return deadLetterTopicsOf(service);
        }
        throw new IllegalStateException("Outgoing channel " + outgoing.name() + " of " + service.name()
                + " sets its topic per record; say here which topics it reaches");
    }

    private static List<String> deadLetterTopicsOf(MessagingConfig.Service service) {
        return service.incoming().stream().map(MessagingConfig.Channel::deadLetterTopic)
                .filter(topic -> topic != null).distinct().toList();
    }

    private ObjectNode send(MessagingConfig.Service service, MessagingConfig.Channel outgoing, String topic) {
        ObjectNode operation = operation("send", service, topic);
        operation.put("summary", service.name() + " publishes " + topic);
        operation.put("x-smallrye-channel", outgoing.name());
        return operation;
    }

    private ObjectNode receive(MessagingConfig.Service service, MessagingConfig.Channel incoming) {
        ObjectNode operation = operation("receive", service, incoming.topic());
        operation.put("summary", service.name() + " consumes " + incoming.topic() + " in group "
                + incoming.groupId());
        if (!incoming.comment().isEmpty()) {
            operation.put("description", incoming.comment());
        }
        ObjectNode groupId = operation.putObject("bindings").putObject("kafka").putObject("groupId");
        groupId.put("type", "string");
        groupId.putArray("enum").add(incoming.groupId());
        ((ObjectNode) operation.get("bindings").get("kafka")).put("bindingVersion", KAFKA_BINDING_VERSION);
        operation.put("x-smallrye-channel", incoming.name());
        operation.put("x-auto-offset-reset", incoming.settings().getOrDefault("auto.offset.reset", "latest"));
        operation.put("x-failure-strategy", incoming.settings().getOrDefault("failure-strategy", "fail"));
        if (incoming.deadLetterTopic() != null) {
            operation.put("x-dead-letter-topic", incoming.deadLetterTopic());
        }
        return operation;
    }

    private ObjectNode operation(String action, MessagingConfig.Service service, String topic) {
        if (!Topics.all().contains(topic) && !config.deadLetterTopics().contains(topic)) {
            throw new IllegalStateException(service.name() + " uses topic " + topic
                    + ", which is neither in Topics nor a dead-letter topic");
        }
        String channel = "#/channels/" + topic;
        ObjectNode operation = NODES.objectNode();
        operation.put("action", action);
        operation.set("channel", ref(channel));
        ArrayNode messages = operation.putArray("messages");
        List<String> names = Topics.all().contains(topic) ? EventCatalog.typesOn(topic) : List.of(DEAD_LETTER);
        names.forEach(name -> messages.add(ref(channel + "/messages/" + name)));
        operation.putArray("tags").addObject().put("name", service.name());
        return operation;
    }

    private ObjectNode components() {
        ObjectNode components = NODES.objectNode();
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventsHeaders", cloudEventsHeaders());
        EventCatalog.types().forEach(type -> schemas.set(type, payloadSchema(type)));
        ObjectNode messages = components.putObject("messages");
        EventCatalog.types().forEach(type -> messages.set(type, message(type)));
        messages.set(DEAD_LETTER, deadLetter());
        ObjectNode correlation = components.putObject("correlationIds").putObject("correlationId");
        correlation.put("description", "Shared by every event one request or job caused, across services.");
        correlation.put("location", "$message.header#/" + CloudEvents.CORRELATION_ID);
        return components;
    }

    private static ObjectNode cloudEventsHeaders() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "CloudEvents 1.0 attributes in Kafka binary mode, as the outbox relay writes them"
                + " (shared-events' EventEnvelope.toKafkaHeaders): UTF-8 header values.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        header(properties, required, CloudEvents.SPEC_VERSION, "The CloudEvents version.", null)
                .putArray("enum").add(CloudEvents.SPEC_VERSION_1_0);
        header(properties, required, CloudEvents.ID, "The event id, unique across the ledger: deduplicate on it.",
                "uuid");
        header(properties, required, CloudEvents.SOURCE, "The producing service, e.g. /pass-ledger/redemption-service.",
                null);
        header(properties, required, CloudEvents.TYPE, "The event type, e.g. voucher.redeemed.v1.", null);
        header(properties, required, CloudEvents.SUBJECT, "The aggregate id; equals the record key.", null);
        header(properties, required, CloudEvents.TIME, "When the event was recorded (RFC 3339, UTC).", "date-time");
        header(properties, required, CloudEvents.CONTENT_TYPE, "The payload's media type.", null)
                .putArray("enum").add(CloudEvents.APPLICATION_JSON);
        header(properties, required, CloudEvents.DATA_SCHEMA, "The $id of the type's JSON Schema.", "uri");
        header(properties, required, CloudEvents.STREAM_VERSION,
                "The event's version in its event-store stream, from 1 (a decimal string).", null)
                .put("pattern", "^[1-9][0-9]*$");
        header(properties, required, CloudEvents.CORRELATION_ID,
                "Shared by everything one request or job caused.", "uuid");
        header(properties, null, CloudEvents.CAUSATION_ID,
                "The event or command that caused this one; absent when none.", "uuid");
        header(properties, required, CloudEvents.ACTOR, "Who acted: a user id or a named system job.", null);
        header(properties, null, CloudEvents.CHAIN_HASH, "The event's link in its stream's hash chain, lowercase hex "
                + "SHA-256 of the previous event's link (none before version 1) followed by the UTF-8 of "
                + "subject|streamversion|id|type|payload; recompute it with EventChain. Sent by every service's relay.",
                null).put("pattern", "^[0-9a-f]{64}$");
        schema.put("additionalProperties", true);
        return schema;
    }

    private static ObjectNode header(ObjectNode properties, ArrayNode required, String name, String description,
                                     String format) {
        ObjectNode header = properties.putObject(name);
        header.put("type", "string");
        if (format != null) {
            header.put("format", format);
        }
        header.put("description", description);
        if (required != null) {
            required.add(name);
        }
        return header;
    }

    /** The type's JSON Schema as an AsyncAPI Schema Object: the same keywords, without the draft and the $id. */
    private static ObjectNode payloadSchema(String type) {
        ObjectNode schema = Contracts.schema(type).deepCopy();
        schema.remove("$schema");
        schema.remove("$id");
        requirePortable(type, "", schema);
        return schema;
    }

    private static void requirePortable(String type, String at, JsonNode schema) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!PORTABLE_KEYWORDS.contains(keyword)) {
                throw new IllegalStateException("The schema of " + type + " uses '" + keyword + "' at '" + at
                        + "', which draft-07 and 2020-12 may not read alike; teach AsyncApiGenerator about it");
            }
        }
        schema.path("properties").fields().forEachRemaining(p -> requirePortable(type, at + "/" + p.getKey(),
                p.getValue()));
        if (schema.has("items")) {
            requirePortable(type, at + "/items", schema.get("items"));
        }
    }

    private static ObjectNode message(String type) {
        Class<? extends LedgerEvent> record = EventCatalog.classOf(type);
        JsonNode schema = Contracts.schema(type);
        JsonNode golden = Contracts.golden(type);
        LedgerEvent sample = EventJson.read(type, Contracts.goldenText(type));
        String keyProperty = keyProperty(type, golden, sample.subject());
        String owner = Topics.ownerOf(EventCatalog.topicOf(record));

        ObjectNode message = NODES.objectNode();
        message.put("name", type);
        message.put("title", record.getSimpleName());
        message.put("summary", schema.path("description").asText());
        message.put("contentType", CloudEvents.APPLICATION_JSON);
        ObjectNode headers = message.putObject("headers");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.add(ref("#/components/schemas/CloudEventsHeaders"));
        ObjectNode own = allOf.addObject();
        own.put("type", "object");
        ObjectNode ownProperties = own.putObject("properties");
        ownProperties.putObject(CloudEvents.TYPE).putArray("enum").add(type);
        ownProperties.putObject(CloudEvents.DATA_SCHEMA).putArray("enum").add(EventCatalog.dataSchemaOf(type));
        ownProperties.putObject(CloudEvents.SOURCE).putArray("enum").add(SOURCE_PREFIX + owner);
        message.set("payload", ref("#/components/schemas/" + type));
        message.set("correlationId", ref("#/components/correlationIds/correlationId"));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", "The aggregate id: the payload's " + keyProperty + ".");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);

        EventEnvelope envelope = EventEnvelope.of(sample, UUID.nameUUIDFromBytes(("example " + type).getBytes(
                        StandardCharsets.UTF_8)), SOURCE_PREFIX + owner, exampleTime(schema, golden), 1,
                UUID.nameUUIDFromBytes(("correlation " + type).getBytes(StandardCharsets.UTF_8)), null,
                "example-actor");
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "golden-sample");
        example.put("summary", "shared-events' golden sample; record key " + envelope.kafkaKey() + " (the "
                + keyProperty + ")");
        ObjectNode exampleHeaders = example.putObject("headers");
        for (Map.Entry<String, String> header : envelope.toKafkaHeaders().entrySet()) {
            exampleHeaders.put(header.getKey(), header.getValue());
        }
        example.set("payload", golden);
        message.put("x-java-record", record.getCanonicalName());
        return message;
    }

    /** The payload property whose value is the subject: the record key. */
    private static String keyProperty(String type, JsonNode golden, String subject) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = golden.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual() && field.getValue().asText().equals(subject)) {
                return field.getKey();
            }
        }
        throw new IllegalStateException("No property of the golden sample of " + type + " holds its subject "
                + subject);
    }

    /** The sample's first date-time property, so that the example's ce_time reads like the event's own. */
    private static Instant exampleTime(JsonNode schema, JsonNode golden) {
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode value = golden.path(property.getKey());
            if ("date-time".equals(property.getValue().path("format").asText()) && value.isTextual()) {
                return Instant.parse(value.asText());
            }
        }
        return FALLBACK_EXAMPLE_TIME;
    }

    private static ObjectNode deadLetter() {
        ObjectNode message = NODES.objectNode();
        message.put("name", DEAD_LETTER);
        message.put("title", "DeadLetter");
        message.put("summary", "A consumed record that could not be applied, as it was, and why.");
        message.put("description", "Key, value and headers are the consumed record's, unchanged (the ce_*"
                + " headers too, when it had them: a malformed record may not). The dead-letter-* headers are those"
                + " of SmallRye's dead-letter-queue strategy, which the kernel's DeadLetters writes too.");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ArrayNode required = headers.putArray("required");
        ObjectNode properties = headers.putObject("properties");
        header(properties, required, "dead-letter-reason", "Why the record could not be applied.", null);
        header(properties, required, "dead-letter-exception-class-name", "The failure's class.", null);
        header(properties, null, "dead-letter-cause", "The failure's cause, when it had one.", null);
        header(properties, null, "dead-letter-cause-class-name", "The cause's class, when there was one.", null);
        header(properties, required, "dead-letter-topic", "The topic the record was consumed from.", null);
        header(properties, required, "dead-letter-partition", "Its partition (a decimal string).", null);
        header(properties, required, "dead-letter-offset", "Its offset (a decimal string).", null);
        headers.put("additionalProperties", true);
        message.putObject("payload").put("description", "The consumed record's value, unchanged: usually an event's"
                + " JSON, but whatever it was (an empty string when it had none).");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("description", "The consumed record's key, unchanged.");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    private static ObjectNode ref(String pointer) {
        return NODES.objectNode().put("$ref", pointer);
    }
}
