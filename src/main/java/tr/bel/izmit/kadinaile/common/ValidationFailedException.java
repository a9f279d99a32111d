package tr.bel.izmit.kadinaile.common;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Thrown before a process starts or a task completes when the submitted values break a rule. It is a
 * {@link ProcessEngineException} so that, thrown from a listener, it rolls back the whole engine command
 * and Tasklist shows its Turkish message naming each field.
 */
public class ValidationFailedException extends ProcessEngineException {

    private final transient List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return Texts.get("api.error.validation.fields", errors.stream()
            .map(FieldError::toString)
            .collect(Collectors.joining("; ")));
    }
}
