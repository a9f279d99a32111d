package tr.bel.izmit.kadinaile.forms;

import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the FEEL conditions of a form ({@code conditional.hide}, {@code readonly}) against submitted
 * values, the way form-js does in the browser. Variables that are not there count as null; an expression
 * that cannot be evaluated counts as false.
 */
final class FeelConditions {

    private static final Logger LOG = LoggerFactory.getLogger(FeelConditions.class);

    private final FeelEngine engine = new ScalaFeelEngineFactory().createInstance();

    /** Whether the expression (with or without its leading "=") evaluates to {@code true}. */
    boolean isTrue(String expression, Map<String, Object> variables) {
        String body = expression.strip();
        if (body.startsWith("=")) {
            body = body.substring(1);
        }
        try {
            Object result = engine.evaluateSimpleExpression(body, Variables.fromMap(variables).asVariableContext());
            return Boolean.TRUE.equals(result);
        } catch (RuntimeException e) {
            // the engine's message may quote the submitted values (personal data): log only the kind of failure
            LOG.warn("Form condition '{}' could not be evaluated, treating it as false ({})", expression, e.getClass().getSimpleName());
            return false;
        }
    }
}
