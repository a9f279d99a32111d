package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The migration fence's register stays complete: every class of ours that imports the engine's internals
 * ({@code org.camunda.bpm.engine.impl}) has its row in {@code docs/engine-overrides.md}, with what it relies on, why,
 * its gain, its guarding test and what to recheck on an upgrade.
 */
class EngineOverridesRegisterTests {

    static final Path SOURCES = Path.of("src/main/java");
    static final Path REGISTER = Path.of("docs/engine-overrides.md");

    @Test
    void shouldHaveARowForEveryClassThatImportsTheEnginesInternals() throws IOException {
        String register = Files.readString(REGISTER);
        List<String> classes = classesImportingEngineInternals();

        assertThat(classes).hasSizeGreaterThan(30);
        assertThat(classes).allSatisfy(name -> assertThat(register).as("row of " + name).containsPattern("\\| `[a-z.]*" + name + "`"));
    }

    private static List<String> classesImportingEngineInternals() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                .filter(EngineOverridesRegisterTests::importsEngineInternals)
                .map(file -> file.getFileName().toString().replace(".java", ""))
                .sorted().toList();
        }
    }

    private static boolean importsEngineInternals(Path file) {
        try {
            return Files.readString(file).contains("import org.camunda.bpm.engine.impl.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
