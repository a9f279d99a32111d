package tr.bel.izmit.kadinaile.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Refuses every BPMN model that holds a script of any format (JUEL, JavaScript, Groovy, ...), wherever it stands:
 * script tasks, {@code camunda:script} in execution and task listeners, input/output parameters and connectors,
 * and script conditions ({@code conditionExpression} or {@code condition} with a {@code language}). Runs inside the
 * engine's parser, so no deployment, whoever makes it, gets a script past it; {@link ModelSafetyTests} checks the
 * repository's own files at build time.
 */
class NoScriptParseListener extends AbstractBpmnParseListener {

    /** Elements that are scripts (BPMN's {@code scriptTask} and {@code script}, Camunda's {@code camunda:script}). */
    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        refuseScripts(rootElement);
    }

    private static void refuseScripts(Element element) {
        if (SCRIPT_ELEMENTS.contains(element.getTagName())) {
            throw new BpmnParseException(Texts.get("engine.model.script-refused", element.getTagName(), String.valueOf(element.getLine())), element);
        }
        for (String attribute : element.attributes()) {
            String name = attribute.substring(attribute.lastIndexOf(':') + 1);
            if (isScriptAttribute(element, name)) {
                throw new BpmnParseException(Texts.get("engine.model.script-refused", element.getTagName() + " " + name,
                    String.valueOf(element.getLine())), element);
            }
        }
        for (Element child : element.elements()) {
            refuseScripts(child);
        }
    }

    /** A script format anywhere; a {@code language} on a condition makes it a script condition. */
    private static boolean isScriptAttribute(Element element, String attribute) {
        return "scriptFormat".equals(attribute)
            || "language".equals(attribute)
                && ("conditionExpression".equals(element.getTagName()) || "condition".equals(element.getTagName()));
    }
}
