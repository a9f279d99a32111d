package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Access policies are no beans of their own: they come from {@link StaffDirectory#policies()}. Spring gives a
 * constructor or {@code @Bean} method that asks for {@code List<ProcessAccessPolicy>} an empty list when no such bean
 * exists, which would silently switch off a guard of confidential processes; so no main source may ask for one.
 */
class PoliciesComeFromTheDirectoryTests {

    private static final Pattern INJECTED_POLICIES = Pattern.compile(
        "(?:\\(|,)\\s*(?:final\\s+)?(?:List|Collection|Set|Iterable|ObjectProvider)<ProcessAccessPolicy>\\s+\\w+\\s*[,)]");

    @Test
    void shouldLetNoBeanAskForThePoliciesAsBeans() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                if (INJECTED_POLICIES.matcher(Files.readString(source)).find()) {
                    violations.add(source.getFileName().toString());
                }
            }
        }
        assertThat(violations).as("take StaffDirectory and call policies()").isEmpty();
    }

    @Test
    void shouldRecogniseAnInjectionOfThePolicies() {
        assertThat(INJECTED_POLICIES.matcher("Guard(List<ProcessAccessPolicy> policies, IdentityService identityService)").find())
            .isTrue();
        assertThat(INJECTED_POLICIES.matcher("        Guard(\n            List<ProcessAccessPolicy> policies) {").find()).isTrue();
        assertThat(INJECTED_POLICIES.matcher("    public List<ProcessAccessPolicy> processes() {").find()).isFalse();
    }
}
