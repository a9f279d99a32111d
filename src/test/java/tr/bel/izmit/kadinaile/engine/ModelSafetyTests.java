package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build-time check over every model in {@code bpmn/}: no script task and no script anywhere (listeners,
 * input/output mappings, conditions), so that no model can run code of its own; there is no script engine on
 * the classpath either (EngineSecurityTests). Expressions call Spring beans and the engine's own functions only.
 */
class ModelSafetyTests {

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            List<Path> models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).as("BPMN models in bpmn/").isNotEmpty();
            return models;
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldHaveNoScriptTaskAndNoScript(Path model) throws IOException {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        String xml = Files.readString(model);

        assertThat(instance.getModelElementsByType(ScriptTask.class)).as("script tasks in " + model).isEmpty();
        assertThat(instance.getModelElementsByType(CamundaScript.class)).as("camunda:script in " + model).isEmpty();
        assertThat(xml).as(model.toString()).doesNotContain("scriptFormat", "language=\"javascript\"", "language=\"groovy\"",
            "camunda:resource=\"");
    }
}
