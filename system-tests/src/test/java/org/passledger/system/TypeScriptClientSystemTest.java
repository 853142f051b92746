package org.passledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passledger.testkit.TestTokens;
import org.passledger.tools.journey.Sirets;

/**
 * The TypeScript client generated from labelling-service's OpenAPI document (api-clients, typescript-fetch), compiled
 * with tsc and run with node against the running service: a place registers, reads itself back, and is refused an
 * invalid registration with a problem document.
 */
class TypeScriptClientSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final Path PROJECT = ROOT.resolve("api-clients/typescript");
    private static final Path SCRIPT = ROOT.resolve("api-clients/target/typescript-build/typescript/src/register-place.js");

    @Test
    void aPlaceRegisteredThroughTheTypeScriptClient_readsItselfBack_andAnInvalidRegistrationIsAProblem() throws Exception {
        assumeTrue(available("node") && available("npm"),
                "node and npm are not on the PATH: the TypeScript client cannot be compiled and run here");
        if (!Files.isDirectory(PROJECT.resolve("node_modules/typescript"))) {
            run(PROJECT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        }
        run(PROJECT, Map.of(), "npx", "tsc", "-p", "tsconfig.json");

        UUID place = UUID.randomUUID();
        String siret = Sirets.random();
        String output = run(PROJECT, Map.of(
                "LABELLING_URL", LedgerStack.shared().urls().labelling(),
                "LEDGER_TOKEN", TestTokens.token("structure", place),
                "PLACE_ID", place.toString(),
                "SIRET", siret), "node", SCRIPT.toString());

        String lastLine = output.strip().lines().reduce((first, second) -> second).orElseThrow();
        JsonNode seen = new ObjectMapper().readTree(lastLine);
        assertThat(seen.path("registered").asText()).isEqualTo(place.toString());
        assertThat(seen.path("read").path("structureId").asText()).isEqualTo(place.toString());
        assertThat(seen.path("read").path("name").asText()).isEqualTo("Espace numérique de Vauvert");
        assertThat(seen.path("read").path("siret").asText()).isEqualTo(siret);
        assertThat(seen.path("read").path("departement").asText()).isEqualTo("30");
        assertThat(seen.path("refusal").path("status").asInt()).isEqualTo(400);
        assertThat(seen.path("refusal").path("code").asText()).isEqualTo("validation-failed");
        assertThat(seen.path("refusal").path("fields")).extracting(JsonNode::asText)
                .contains("name", "address.postcode");
    }

    private static boolean available(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the command in the directory; its output, or a failure with the output when it does not exit 0. */
    private static String run(Path directory, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as("%s exited with 0; output:%n%s", String.join(" ", command), output).isZero();
        return output;
    }
}
