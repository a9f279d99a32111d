package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The identity module learns about capabilities only through {@link IdentityContribution}: its sources import no
 * capability's package and name no process key, decision key or capability group id. A capability is a package that
 * contributes to identity; the keys and groups are read from {@code bpmn/}. A source-level check: constants that the
 * compiler inlines leave no trace in the bytecode.
 */
class IdentityNamesNoCapabilityTests {

    private static final Path MAIN = Path.of("src/main/java/tr/bel/izmit/kadinaile");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?tr\\.bel\\.izmit\\.kadinaile\\.(\\w+)\\.",
        Pattern.MULTILINE);
    private static final Pattern CANDIDATE_GROUPS = Pattern.compile("candidateGroups=\"([^\"]+)\"");

    @Test
    void shouldImportNoCapabilityPackage() throws IOException {
        Set<String> capabilities = capabilityPackages();
        assertThat(capabilities).contains("microcredit", "violenceline", "courses", "producers");

        List<String> violations = new ArrayList<>();
        for (Path source : identitySources()) {
            Matcher matcher = IMPORT.matcher(Files.readString(source));
            while (matcher.find()) {
                if (capabilities.contains(matcher.group(1))) {
                    violations.add(source.getFileName() + " imports " + matcher.group(1));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldNameNoProcessDecisionOrCapabilityGroup() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).toList();
        }
        for (Path model : models) {
            names.add(model.getFileName().toString().replaceAll("\\.(bpmn|dmn)$", ""));
            Matcher matcher = CANDIDATE_GROUPS.matcher(Files.readString(model));
            while (matcher.find()) {
                for (String group : matcher.group(1).split(",")) {
                    names.add(group.trim());
                }
            }
        }
        StaffGroup.SHARED.forEach(group -> names.remove(group.id()));
        assertThat(names).contains("microcredit-application", "violence-line-referral", "violence-line-operators");

        List<String> violations = new ArrayList<>();
        for (Path source : identitySources()) {
            String text = Files.readString(source);
            for (String name : names) {
                if (text.contains("\"" + name + "\"")) {
                    violations.add(source.getFileName() + " names " + name);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The packages with a class that implements {@link IdentityContribution}. */
    private static Set<String> capabilityPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                if (Files.readString(source).contains("implements IdentityContribution")) {
                    packages.add(MAIN.relativize(source).getName(0).toString());
                }
            }
        }
        packages.remove("identity");
        return packages;
    }

    private static List<Path> identitySources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("identity"))) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
