package org.passledger.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messaging configuration the services run with, read from the repository's files: each service's
 * {@code application.properties} and the kernel's defaults (the outgoing channels every service has). Profile
 * overrides ({@code %test.}) are left out: the document describes production.
 */
record MessagingConfig(List<Service> services) {

    /** The kernel's outgoing channels leave their topic to each record; this name only fills the setting. */
    static final String UNROUTED = "pass-ledger.unrouted";

    private static final Path ROOT = Path.of("..");
    private static final Path KERNEL_DEFAULTS =
            Path.of("ledger-kernel", "src", "main", "resources", "META-INF", "microprofile-config.properties");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    /** A service, named by its {@code ledger.service-name}, and its channels in the order of its file. */
    record Service(String name, List<Channel> incoming, List<Channel> outgoing) {
    }

    /** A SmallRye channel with its settings, and the comment that stands right above its first setting. */
    record Channel(String name, Map<String, String> settings, String comment) {

        String topic() {
            return settings.get("topic");
        }

        String groupId() {
            return settings.get("group.id");
        }

        String deadLetterTopic() {
            return settings.get("dead-letter-queue.topic");
        }
    }

    /** Every {@code *-service} module of the repository, by name. */
    static MessagingConfig ofRepository() {
        ParsedFile kernel = parse(ROOT.resolve(KERNEL_DEFAULTS));
        List<Service> services = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().endsWith("-service")).sorted().toList()) {
                Path file = module.resolve(Path.of("src", "main", "resources", "application.properties"));
                if (Files.exists(file)) {
                    services.add(service(kernel, parse(file), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("No *-service module under " + ROOT.toAbsolutePath().normalize());
        }
        return new MessagingConfig(List.copyOf(services));
    }

    Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /** The dead-letter topics of every service's consumers, in service order. */
    List<String> deadLetterTopics() {
        return services.stream().flatMap(s -> s.incoming().stream())
                .map(Channel::deadLetterTopic).filter(t -> t != null).distinct().toList();
    }

    private static Service service(ParsedFile kernel, ParsedFile own, Path file) {
        String name = own.properties().get("ledger.service-name");
        if (name == null) {
            throw new IllegalStateException(file + " has no ledger.service-name");
        }
        Map<String, Channel> incoming = new LinkedHashMap<>(kernel.incoming());
        incoming.putAll(own.incoming());
        Map<String, Channel> outgoing = new LinkedHashMap<>(kernel.outgoing());
        outgoing.putAll(own.outgoing());
        return new Service(name, List.copyOf(incoming.values()), List.copyOf(outgoing.values()));
    }

    private record ParsedFile(Map<String, String> properties, Map<String, Channel> incoming,
                              Map<String, Channel> outgoing) {
    }

    // Line by line rather than java.util.Properties, to keep the file's order and the comments above channels.
    private static ParsedFile parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Channel> incoming = new LinkedHashMap<>();
        Map<String, Channel> outgoing = new LinkedHashMap<>();
        List<String> comment = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                comment.clear();
            } else if (line.startsWith("#")) {
                comment.add(line.substring(1).strip());
            } else {
                int equals = line.indexOf('=');
                String key = line.substring(0, equals).strip();
                String value = line.substring(equals + 1).strip();
                Matcher channelKey = CHANNEL_KEY.matcher(key);
                if (!key.startsWith("%")) {
                    properties.put(key, value);
                    if (channelKey.matches()) {
                        Map<String, Channel> channels = channelKey.group(1).equals("incoming") ? incoming : outgoing;
                        String text = String.join(" ", comment).replaceAll("^-+\\s*|\\s*-+$", "");
                        channels.computeIfAbsent(channelKey.group(2),
                                        name -> new Channel(name, new LinkedHashMap<>(), text))
                                .settings().put(channelKey.group(3), value);
                    }
                }
                comment.clear();
            }
        }
        return new ParsedFile(properties, incoming, outgoing);
    }
}
