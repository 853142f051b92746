package org.passledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The committed contract files (schemas and golden samples) as the tests read them. */
final class Contracts {

    static final String SCHEMAS = "schemas";
    static final String GOLDEN = "golden";

    /** A plain mapper for trees: the files are read as partners would, not through EventJson. */
    static final ObjectMapper TREES = new ObjectMapper();

    // Format assertions on: in 2020-12 "format" is otherwise only an annotation, so "not-a-uuid" would pass.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> VALIDATORS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    static Stream<String> types() {
        return EventCatalog.types().stream();
    }

    static JsonNode schema(String type) {
        return tree(EventCatalog.schemaResourceOf(type));
    }

    static String goldenText(String type) {
        return text(GOLDEN + "/" + type + ".json");
    }

    static JsonNode golden(String type) {
        return tree(GOLDEN + "/" + type + ".json");
    }

    /** The schema's complaints about a document; empty when it validates. */
    static Set<String> violations(String type, JsonNode document) {
        JsonSchema validator = VALIDATORS.computeIfAbsent(type, t -> FACTORY.getSchema(schema(t), CONFIG));
        return validator.validate(document).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** The draft 2020-12 meta-schema, served from the validator's own jar (no network). */
    static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    }

    /** Type names of the {@code .json} files in a class-path folder. */
    static List<String> typesInFolder(String folder) {
        URL url = Contracts.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .map(name -> name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String resource) {
        try {
            return TREES.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
