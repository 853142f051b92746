package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passledger.testkit.DomainPurity;

/**
 * The domain speaks only the domain: no package named {@code domain}, in the kernel or in any service, imports HTTP,
 * the kernel's web side or a framework. Run here, where the build always has the whole repository beside it.
 */
class DomainPurityTest {

    private static final List<String> MODULES = List.of("ledger-kernel", "labelling-service", "issuance-service",
            "redemption-service", "settlement-service");

    @Test
    void domainPackages_importNoFrameworkNorHttp() {
        Path repository = Path.of("").toAbsolutePath().getParent();
        for (String module : MODULES) {
            Path sources = repository.resolve(module).resolve("src/main/java");
            assertThat(DomainPurity.domainSources(sources)).as("domain sources of " + module).isNotEmpty();
            assertThat(DomainPurity.violations(sources)).as("domain imports of " + module).isEmpty();
        }
    }

    @Test
    void check_reportsProblemImportsFrameworkImportsAndInlineNames(@TempDir Path sources) throws Exception {
        Path domain = Files.createDirectories(sources.resolve("org/example/things/domain"));
        Files.writeString(domain.resolve("Thing.java"), """
                package org.example.things.domain;

                import java.util.List;
                import org.passledger.kernel.domain.Refusal;
                import org.passledger.kernel.problem.Problem;
                import jakarta.ws.rs.core.Response;
                import org.example.things.api.ThingResource;

                /** Mentions jakarta.ws.rs.NotFoundException in a comment only: not a use. */
                class Thing {
                    String text = "io.quarkus.in.a.string is no use either";
                    Object status = io.vertx.core.http.HttpResponseStatus.class;
                }
                """);

        assertThat(DomainPurity.violations(sources)).containsExactly(
                "org/example/things/domain/Thing.java: import org.passledger.kernel.problem.Problem",
                "org/example/things/domain/Thing.java: import jakarta.ws.rs.core.Response",
                "org/example/things/domain/Thing.java: import org.example.things.api.ThingResource",
                "org/example/things/domain/Thing.java: uses io.vertx");
    }
}
