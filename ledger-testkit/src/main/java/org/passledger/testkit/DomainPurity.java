package org.passledger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the sources of every package named {@code domain} under a source root and lists what ties them to HTTP
 * or to a framework. A domain package may use the JDK, the event contracts ({@code org.passledger.events}), the
 * kernel's plain domain types ({@code kernel.domain}, {@code kernel.values}, the {@code Decider} interface) and
 * other domain packages of its own service; nothing else. Checked on import lines and on fully qualified names
 * in the code, so that an inline {@code jakarta.ws.rs...} does not slip through.
 */
public final class DomainPurity {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;",
            Pattern.MULTILINE);
    private static final Pattern FRAMEWORK_NAME = Pattern.compile("\\b(jakarta|javax|io\\.quarkus|io\\.smallrye"
            + "|io\\.vertx|io\\.netty|org\\.hibernate|com\\.fasterxml|org\\.eclipse\\.microprofile|org\\.jboss"
            + "|org\\.apache\\.kafka|org\\.passledger\\.kernel\\.(?!domain\\b|values\\b|command\\.Decider\\b)\\w+)\\.");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    private DomainPurity() {
    }

    /** The Java files of every {@code domain} package under {@code sourceRoot}. */
    public static List<Path> domainSources(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.getParent().getFileName().toString().equals("domain"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per offending import or name: {@code file: name}; empty when every domain package is pure. */
    public static List<String> violations(Path sourceRoot) {
        List<String> found = new ArrayList<>();
        for (Path file : domainSources(sourceRoot)) {
            String source;
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String where = sourceRoot.relativize(file).toString();
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String name = imports.group(2);
                if (!allowed(name)) {
                    found.add(where + ": import " + name);
                }
            }
            String code = TEXT.matcher(COMMENT.matcher(IMPORT.matcher(source).replaceAll("")).replaceAll(" "))
                    .replaceAll("\"\"");
            Matcher names = FRAMEWORK_NAME.matcher(code);
            while (names.find()) {
                found.add(where + ": uses " + names.group(1));
            }
        }
        return found;
    }

    private static boolean allowed(String name) {
        return name.startsWith("java.")
                || name.startsWith("org.passledger.events.")
                || name.startsWith("org.passledger.kernel.domain.")
                || name.startsWith("org.passledger.kernel.values.")
                || name.equals("org.passledger.kernel.command.Decider")
                || (!name.startsWith("org.passledger.kernel.") && name.startsWith("org.passledger.")
                        && name.contains(".domain."));
    }
}
