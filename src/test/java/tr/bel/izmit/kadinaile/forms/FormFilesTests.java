package tr.bel.izmit.kadinaile.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Structural checks on every Camunda Form in {@code forms/}: what Tasklist 7.24 (form-js 1.8) can render and
 * what the engine needs to find the form by its id.
 */
class FormFilesTests {

    private static final Path FORMS_DIR = Path.of("forms");
    private static final String EXTENSION = ".form";

    /** Component types form-js 1.8 renders and that we allow in our forms. */
    private static final Set<String> ALLOWED_TYPES = Set.of(
        "text", "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime", "group");

    /** Types that hold other components. */
    private static final Set<String> CONTAINER_TYPES = Set.of("group");

    /** Types that only display content and carry no key. */
    private static final Set<String> DISPLAY_TYPES = Set.of("text");

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void shouldHaveFormFiles() throws IOException {
        assertThat(formFiles()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyFormShouldBeWellFormed() throws IOException {
        return formFiles().stream()
            .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkForm(file)));
    }

    private static void checkForm(Path file) throws IOException {
        String expectedId = file.getFileName().toString().replaceFirst("\\.form$", "");

        JsonNode form;
        try {
            form = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        assertThat(form != null && form.isObject()).as("%s is a JSON object", file).isTrue();

        assertThat(form.path("id").asText(null)).as("top-level id of %s", file).isEqualTo(expectedId);
        assertThat(form.path("type").asText(null)).as("type of %s", file).isEqualTo("default");
        assertThat(form.path("schemaVersion").isInt()).as("schemaVersion of %s is a number", file).isTrue();
        assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s", file).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText(null)).as("executionPlatform of %s", file)
            .isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText(null)).as("executionPlatformVersion of %s", file)
            .isEqualTo("7.24.0");
        assertThat(form.path("components").isArray()).as("components of %s", file).isTrue();
        assertThat(form.path("components")).as("components of %s", file).isNotEmpty();

        List<JsonNode> components = new ArrayList<>();
        collect(form.path("components"), components::add);

        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode component : components) {
            String id = component.path("id").asText("");
            String type = component.path("type").asText("");
            assertThat(id).as("component id in %s", file).isNotBlank();
            assertThat(type).as("type of component %s in %s", id, file).isIn(ALLOWED_TYPES);
            ids.add(id);

            boolean keyed = !DISPLAY_TYPES.contains(type) && !CONTAINER_TYPES.contains(type);
            if (keyed) {
                String key = component.path("key").asText("");
                assertThat(key).as("key of input %s in %s", id, file).isNotBlank();
                keys.add(key);
            } else {
                assertThat(component.has("key")).as("%s %s in %s should have no key", type, id, file).isFalse();
            }
            if (CONTAINER_TYPES.contains(type)) {
                // a group with a path would nest its children's values under that path; our keys are flat
                assertThat(component.has("path")).as("group %s in %s should have no path", id, file).isFalse();
            }
        }

        assertThat(ids).as("component ids in %s", file).doesNotHaveDuplicates();
        assertThat(keys).as("input keys in %s", file).doesNotHaveDuplicates();
    }

    /** Depth-first walk over the components and the components of every group. */
    private static void collect(JsonNode components, Consumer<JsonNode> sink) {
        for (JsonNode component : components) {
            sink.accept(component);
            if (component.has("components")) {
                assertThat(component.path("components").isArray())
                    .as("components of %s", component.path("id").asText()).isTrue();
                collect(component.path("components"), sink);
            }
        }
    }

    private static List<Path> formFiles() throws IOException {
        assertThat(FORMS_DIR).as("forms directory (tests run from the project root)").isDirectory();
        try (Stream<Path> files = Files.list(FORMS_DIR)) {
            List<Path> forms = files.filter(Files::isRegularFile).sorted().toList();
            assertThat(forms).as("every file in forms/ is a %s file", EXTENSION)
                .allSatisfy(path -> assertThat(path.getFileName().toString()).endsWith(EXTENSION));
            return forms;
        }
    }
}
