package tr.bel.izmit.kadinaile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The modules (the top-level packages under {@code tr.bel.izmit.kadinaile}) depend on each other without a cycle,
 * read from the SOURCES of {@code src/main/java}: imports, static imports and fully qualified names. The bytecode
 * that {@code ModulesTests} reads misses a dependency on a constant ({@code static final String KEY}), which the
 * compiler copies into the class that uses it; such dependencies made hidden cycles before (metrics read the
 * capabilities' process keys while the capabilities implemented metrics' interfaces). Prints the module graph.
 */
class SourceModuleCyclesTests {

    static final String BASE = "tr.bel.izmit.kadinaile";
    static final Path SOURCES = Path.of("src/main/java/tr/bel/izmit/kadinaile");
    /** The modules every capability may use; the other modules are the capabilities. */
    static final Set<String> SHARED = Set.of("common", "engine", "forms", "identity", "notification", "metrics", "portal", "casework", "documents",
        "sensitive");
    private static final Pattern REFERENCE = Pattern.compile("\\btr\\.bel\\.izmit\\.kadinaile\\.([a-z][a-z0-9_]*)\\b");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile(
        "/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:.|\\n)*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    @Test
    void shouldKeepTheModuleGraphOfTheSourcesAcyclic() {
        Map<String, Set<String>> graph = graph();
        System.out.println("Module dependencies read from src/main/java (module -> modules it uses):");
        graph.forEach((module, uses) -> System.out.println("  " + module + " -> " + (uses.isEmpty() ? "(none)" : String.join(", ", uses))));
        System.out.println(matrix(graph));

        assertThat(graph).containsKeys("common", "engine", "forms", "identity", "metrics", "portal", "notification",
            "microcredit", "courses", "producers", "violenceline");
        assertThat(cycles(graph)).as("cycles between modules in the sources").isEmpty();
    }

    /**
     * The shared modules learn about the capabilities only through the interfaces the capabilities implement
     * ({@code ReportSection}, {@code PublicService}, {@code ModelBeanContribution} ...): none of them names one.
     */
    @Test
    void shouldKeepTheSharedModulesFreeOfEveryCapability() {
        Map<String, Set<String>> graph = graph();
        Set<String> capabilities = new TreeSet<>(graph.keySet());
        capabilities.removeAll(SHARED);
        assertThat(capabilities).contains("microcredit", "courses", "producers", "violenceline");
        for (String shared : SHARED) {
            assertThat(graph.getOrDefault(shared, Set.of())).as(shared + " names a capability")
                .doesNotContainAnyElementsOf(capabilities);
        }
    }

    @Test
    void shouldFindADependencyThroughAConstantAndACycle() {
        String source = "package tr.bel.izmit.kadinaile.metrics;\nimport tr.bel.izmit.kadinaile.courses.CourseProcess;\n"
            + "class X { String k = CourseProcess.KEY; Object y = tr.bel.izmit.kadinaile.portal.PortalCatalog.class;\n"
            + "// tr.bel.izmit.kadinaile.identity in a comment\n String s = \"tr.bel.izmit.kadinaile.notification\"; }";
        assertThat(references(source)).containsExactlyInAnyOrder("courses", "portal", "metrics");

        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
    }

    /** Module → the other modules its sources name; the application class at the root belongs to none. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    return;
                }
                String module = relative.getName(0).toString();
                Set<String> uses = graph.computeIfAbsent(module, key -> new TreeSet<>());
                references(read(file)).stream().filter(other -> !other.equals(module)).forEach(uses::add);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        graph.values().forEach(uses -> uses.retainAll(graph.keySet()));
        return graph;
    }

    /** The modules a source file names outside comments and string literals. */
    static Set<String> references(String source) {
        String code = COMMENT_OR_STRING.matcher(source).replaceAll(" ");
        Set<String> modules = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(code);
        while (reference.find()) {
            modules.add(reference.group(1));
        }
        return modules;
    }

    /** Every strongly connected component of more than one module, each sorted (depth-first, Tarjan). */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> cycles = new ArrayList<>();
        new Object() {
            final Map<String, Integer> index = new TreeMap<>();
            final Map<String, Integer> low = new TreeMap<>();
            final List<String> stack = new ArrayList<>();
            int next;

            void run() {
                graph.keySet().forEach(module -> {
                    if (!index.containsKey(module)) {
                        visit(module);
                    }
                });
            }

            void visit(String module) {
                index.put(module, next);
                low.put(module, next++);
                stack.add(module);
                for (String other : graph.getOrDefault(module, Set.of())) {
                    if (!index.containsKey(other)) {
                        visit(other);
                        low.put(module, Math.min(low.get(module), low.get(other)));
                    } else if (stack.contains(other)) {
                        low.put(module, Math.min(low.get(module), index.get(other)));
                    }
                }
                if (low.get(module).equals(index.get(module))) {
                    List<String> component = new ArrayList<>();
                    String member;
                    do {
                        member = stack.remove(stack.size() - 1);
                        component.add(member);
                    } while (!member.equals(module));
                    if (component.size() > 1) {
                        cycles.add(component.stream().sorted().toList());
                    }
                }
            }
        }.run();
        return cycles;
    }

    /** The graph as a matrix: a row per module, an X under each module it uses. */
    static String matrix(Map<String, Set<String>> graph) {
        List<String> modules = new ArrayList<>(graph.keySet());
        StringBuilder out = new StringBuilder("Module matrix (row uses column):\n");
        out.append(String.format("%-13s", ""));
        modules.forEach(module -> out.append(String.format(" %-4.4s", module)));
        out.append('\n');
        for (String module : modules) {
            out.append(String.format("%-13s", module));
            modules.forEach(other -> out.append(String.format(" %-4s", graph.get(module).contains(other) ? "X" : module.equals(other) ? "-" : ".")));
            out.append('\n');
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
