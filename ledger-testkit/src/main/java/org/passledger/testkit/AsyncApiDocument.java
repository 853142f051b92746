package org.passledger.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.passledger.events.EventCatalog;

/**
 * The system's AsyncAPI document as shared-events ships it, and how it compares with the configuration a service
 * runs with (its own file, the kernel's defaults and the active profile).
 */
public final class AsyncApiDocument {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private AsyncApiDocument() {
    }

    /** The committed document, from the class path. */
    public static String committed() {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(EventCatalog.ASYNCAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No class-path resource " + EventCatalog.ASYNCAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the document and the running service disagree about its consumers: an incoming channel with no
     * receive operation, or one whose topic, consumer group or dead-letter topic differs, and a receive operation
     * of this service that no incoming channel has. Empty when they agree.
     */
    public static List<String> disagreements(String document, Config config) {
        JsonNode tree = read(document);
        String service = config.getValue("ledger.service-name", String.class);
        List<String> disagreements = new ArrayList<>();
        Set<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher incoming = INCOMING_TOPIC.matcher(name);
            if (incoming.matches()) {
                channels.add(incoming.group(1));
            }
        }
        for (String channel : channels) {
            String id = service + ".receive." + channel;
            JsonNode operation = tree.path("operations").path(id);
            if (operation.isMissingNode()) {
                disagreements.add("incoming channel " + channel + " has no receive operation " + id);
                continue;
            }
            compare(disagreements, id, "topic", topicOf(tree, operation), setting(config, channel, "topic"));
            compare(disagreements, id, "consumer group",
                    operation.path("bindings").path("kafka").path("groupId").path("enum").path(0).asText(null),
                    setting(config, channel, "group.id"));
            compare(disagreements, id, "dead-letter topic", operation.path("x-dead-letter-topic").asText(null),
                    setting(config, channel, "dead-letter-queue.topic"));
        }
        StreamSupport.stream(tree.path("operations").spliterator(), false)
                .filter(operation -> operation.path("action").asText().equals("receive"))
                .filter(operation -> operation.path("tags").path(0).path("name").asText().equals(service))
                .map(operation -> operation.path("x-smallrye-channel").asText())
                .filter(channel -> !channels.contains(channel))
                .forEach(channel -> disagreements.add("the document has a receive operation for channel " + channel
                        + ", which " + service + " does not have"));
        return disagreements;
    }

    private static void compare(List<String> disagreements, String operation, String what, String documented,
                                String running) {
        if (!Objects.equals(documented, running)) {
            disagreements.add(operation + ": " + what + " is " + documented + " in the document, " + running
                    + " in the running configuration");
        }
    }

    private static String topicOf(JsonNode tree, JsonNode operation) {
        String ref = operation.path("channel").path("$ref").asText();
        return tree.path("channels").path(ref.substring(ref.lastIndexOf('/') + 1)).path("address").asText(null);
    }

    private static String setting(Config config, String channel, String key) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + "." + key, String.class).orElse(null);
    }

    private static JsonNode read(String document) {
        try {
            return new YAMLMapper().readTree(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
