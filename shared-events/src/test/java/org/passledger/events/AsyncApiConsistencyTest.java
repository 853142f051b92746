package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The committed AsyncAPI document against the configuration the services run with, item by item: every topic
 * and dead-letter topic is a channel, every catalogued type a message on its topic's channel, every consumer a
 * receive operation with its group, every producer a send operation, and the document holds nothing else.
 */
class AsyncApiConsistencyTest {

    private static final JsonNode DOCUMENT = committed();
    private static final MessagingConfig CONFIG = MessagingConfig.ofRepository();

    @Test
    void channels_areTheEventTopicsAndTheDeadLetterTopics_andNothingElse() {
        List<String> expected = new ArrayList<>(Topics.all());
        expected.addAll(CONFIG.deadLetterTopics());
        List<String> configured = CONFIG.services().stream()
                .flatMap(s -> Stream.concat(s.incoming().stream(), s.outgoing().stream()))
                .map(MessagingConfig.Channel::topic)
                .filter(topic -> !topic.equals(MessagingConfig.UNROUTED))
                .distinct().toList();

        assertThat(names(DOCUMENT.path("channels"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(DOCUMENT.path("channels"))).containsAll(configured);
        DOCUMENT.path("channels").fields().forEachRemaining(channel ->
                assertThat(channel.getValue().path("address").asText()).isEqualTo(channel.getKey()));
    }

    @Test
    void messages_areTheCataloguedEventTypes_eachOnItsTopicsChannel_andNothingElse() {
        List<String> messages = names(DOCUMENT.path("components").path("messages")).stream()
                .filter(name -> !name.equals(AsyncApiGenerator.DEAD_LETTER)).toList();

        assertThat(messages).containsExactlyInAnyOrderElementsOf(EventCatalog.types());
        for (String topic : Topics.all()) {
            assertThat(names(DOCUMENT.path("channels").path(topic).path("messages")))
                    .as("messages of channel %s", topic)
                    .containsExactlyInAnyOrderElementsOf(EventCatalog.typesOn(topic));
        }
        for (String type : EventCatalog.types()) {
            JsonNode message = DOCUMENT.path("components").path("messages").path(type);
            assertThat(message.path("payload").path("$ref").asText()).isEqualTo("#/components/schemas/" + type);
            assertThat(message.path("examples").path(0).path("headers").path(CloudEvents.TYPE).asText())
                    .isEqualTo(type);
        }
    }

    @Test
    void receiveOperations_areTheServicesIncomingChannels_withTopicGroupAndDeadLetterTopic_andNothingElse() {
        Map<String, String> configured = new TreeMap<>();
        for (MessagingConfig.Service service : CONFIG.services()) {
            for (MessagingConfig.Channel channel : service.incoming()) {
                configured.put(service.name() + " " + channel.name(),
                        consumer(channel.topic(), channel.groupId(), channel.deadLetterTopic()));
            }
        }
        Map<String, String> documented = new TreeMap<>();
        operations("receive").forEach(operation -> documented.put(
                service(operation) + " " + operation.path("x-smallrye-channel").asText(),
                consumer(topic(operation), operation.path("bindings").path("kafka").path("groupId").path("enum")
                        .path(0).asText(null), operation.path("x-dead-letter-topic").asText(null))));

        assertThat(documented).containsExactlyInAnyOrderEntriesOf(configured);
    }

    @Test
    void sendOperations_areEachServicesOutgoingChannels_andEveryTopicIsSentByItsOwnerAlone() {
        for (MessagingConfig.Service service : CONFIG.services()) {
            assertThat(operations("send").filter(operation -> service(operation).equals(service.name()))
                    .map(operation -> operation.path("x-smallrye-channel").asText()).distinct())
                    .as("outgoing channels of %s", service.name())
                    .containsExactlyInAnyOrderElementsOf(service.outgoing().stream()
                            .map(MessagingConfig.Channel::name).toList());
        }
        Map<String, List<String>> sendersByTopic = new TreeMap<>();
        operations("send").forEach(operation ->
                sendersByTopic.computeIfAbsent(topic(operation), t -> new ArrayList<>()).add(service(operation)));
        Map<String, List<String>> expected = new TreeMap<>();
        Topics.all().forEach(topic -> expected.put(topic, List.of(Topics.ownerOf(topic))));
        for (MessagingConfig.Service service : CONFIG.services()) {
            service.incoming().stream().map(MessagingConfig.Channel::deadLetterTopic).filter(t -> t != null)
                    .distinct().forEach(topic -> expected.put(topic, List.of(service.name())));
        }

        assertThat(sendersByTopic).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static String consumer(String topic, String groupId, String deadLetterTopic) {
        return "topic " + topic + ", group " + groupId + ", dead letters to " + deadLetterTopic;
    }

    private static Stream<JsonNode> operations(String action) {
        return StreamSupport.stream(DOCUMENT.path("operations").spliterator(), false)
                .filter(operation -> operation.path("action").asText().equals(action));
    }

    private static String service(JsonNode operation) {
        return operation.path("tags").path(0).path("name").asText();
    }

    private static String topic(JsonNode operation) {
        String channel = operation.path("channel").path("$ref").asText();
        return DOCUMENT.path("channels").path(channel.substring("#/channels/".length())).path("address").asText();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode committed() {
        try {
            return AsyncApiGenerator.read(Files.readAllBytes(AsyncApiGenerator.COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
