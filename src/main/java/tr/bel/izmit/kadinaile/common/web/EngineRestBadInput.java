package tr.bel.izmit.kadinaile.common.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * Failures of the engine REST API that the caller's input caused, answered with 400, a Turkish message and, where
 * known, the field: {@code {"type", "message", "errors": [{"field", "message"}]}} (the fields as in our own API's
 * {@link ApiError}). The engine's and the REST API's own messages (English, engine codes, Java type names) never
 * reach the caller for these.
 *
 * <p>Recognised, searched through the causes:
 * <ul>
 *   <li>{@link ValidationFailedException}: a rule of ours (form validation, domain rules) in a listener, which the
 *       engine wraps ("ENGINE-03051 There was an exception while invoking the TaskListener"), or thrown as is;</li>
 *   <li>a body that is no JSON or JSON of the wrong shape (Jackson);</li>
 *   <li>a variable whose value does not fit its declared type, e.g. {@code {"value": "abc", "type": "Long"}} or a
 *       date in another format; an unknown type name;</li>
 *   <li>on a write (not GET): a {@code Json}/{@code Object} value that cannot be read, and a value in Java
 *       serialization, which this engine refuses;</li>
 *   <li>a query parameter that cannot be read.</li>
 * </ul>
 * The last four are told by the engine's and the REST API's message texts (there is no exception type of their own);
 * {@code security.EngineRestErrorsTests} pins each of them, so a changed text shows up there on an upgrade.
 */
final class EngineRestBadInput {

    static final String VALIDATION_TYPE = "ValidationError";
    static final String INVALID_TYPE = "InvalidRequest";

    static final String UNREADABLE_BODY = Texts.get("engine-rest.error.unreadable-body");
    static final String UNKNOWN_VALUE_TYPE = Texts.get("engine-rest.error.unknown-value-type");
    static final String UNREADABLE_VALUE = Texts.get("engine-rest.error.unreadable-value");
    static final String JAVA_SERIALIZATION = Texts.get("engine-rest.error.java-serialization");
    static final String BAD_QUERY_PARAMETER = Texts.get("engine-rest.error.query-parameter");
    static final String DATE_FORMAT = " " + Texts.get("engine-rest.error.date-format");

    /** The value types of the engine REST API whose names may be repeated to the caller. */
    private static final Set<String> VALUE_TYPES = Set.of("String", "Boolean", "Short", "Integer", "Long", "Double", "Date",
        "Bytes", "File", "Null", "Object", "Json", "Xml");

    // org.camunda.bpm.engine.rest.dto.VariableValueDto#toTypedValue
    private static final Pattern NOT_CONVERTIBLE = Pattern.compile("Cannot convert value '.*' of type '([A-Za-z]+)' to java type",
        Pattern.DOTALL);
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unsupported value type '");
    // org.camunda.bpm.engine.impl.variable.serializer.AbstractSerializableValueSerializer#readValue
    private static final Pattern NOT_DESERIALIZABLE = Pattern.compile("Cannot deserialize object in variable '([^']*)'");
    // org.camunda.bpm.engine.impl.core.CoreLogger#javaSerializationProhibitedException (ENGINE-17007)
    private static final Pattern JAVA_SERIALIZED = Pattern.compile(
        "Cannot set variable with name (.*?)\\. Java serialization format is prohibited", Pattern.DOTALL);
    // org.camunda.bpm.engine.rest.dto.AbstractSearchQueryDto#setValueBasedOnAnnotation
    private static final Pattern QUERY_PARAMETER = Pattern.compile("^Cannot set query parameter '([^']+)'");

    private EngineRestBadInput() {
    }

    /** The 400 answer when the caller's input caused the failure, otherwise {@code null}. */
    static Response answer(Throwable failure) {
        ValidationFailedException invalid = find(failure, ValidationFailedException.class);
        if (invalid != null) {
            String messages = invalid.getErrors().stream().map(FieldError::message).collect(Collectors.joining(" "));
            return badRequest(VALIDATION_TYPE, Texts.get("api.error.validation.fields", messages), invalid.getErrors());
        }
        // the outermost recognised cause speaks: the REST API's conversion errors carry Jackson's among their causes
        boolean write = isWrite();
        boolean insideEngine = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            Matcher matcher;
            if (cause instanceof RestException && (matcher = NOT_CONVERTIBLE.matcher(message)).find()) {
                String type = matcher.group(1);
                String text = VALUE_TYPES.contains(type)
                    ? Texts.get("engine-rest.error.not-convertible.type", type) + ("Date".equals(type) ? DATE_FORMAT : "")
                    : Texts.get("engine-rest.error.not-convertible");
                return badRequest(INVALID_TYPE, text, List.of());
            }
            if (cause instanceof RestException && UNKNOWN_TYPE.matcher(message).find()) {
                return badRequest(INVALID_TYPE, UNKNOWN_VALUE_TYPE, List.of());
            }
            if (cause instanceof RestException && (matcher = QUERY_PARAMETER.matcher(message)).find()) {
                String parameter = matcher.group(1);
                return badRequest(INVALID_TYPE, BAD_QUERY_PARAMETER + " (" + parameter + ")",
                    List.of(new FieldError(parameter, BAD_QUERY_PARAMETER)));
            }
            if (write && (matcher = NOT_DESERIALIZABLE.matcher(message)).find()) {
                return badRequest(INVALID_TYPE, UNREADABLE_VALUE, List.of(new FieldError(matcher.group(1), UNREADABLE_VALUE)));
            }
            if ((matcher = JAVA_SERIALIZED.matcher(message)).find()) {
                return badRequest(INVALID_TYPE, JAVA_SERIALIZATION, List.of(new FieldError(matcher.group(1), JAVA_SERIALIZATION)));
            }
            // JSON the REST API could not read from the request; below an engine exception it is JSON the engine
            // could not read (e.g. a stored value), which is no fault of the caller's
            insideEngine |= cause instanceof ProcessEngineException;
            if (cause instanceof JsonProcessingException unreadable && !insideEngine) {
                String path = unreadable instanceof JsonMappingException mapping ? path(mapping) : "";
                return badRequest(INVALID_TYPE, UNREADABLE_BODY,
                    path.isEmpty() ? List.of() : List.of(new FieldError(path, UNREADABLE_BODY)));
            }
        }
        return null;
    }

    private static Response badRequest(String type, String message, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("errors", errors);
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Where in the body the JSON did not fit, as {@code variables.amount} or {@code orQueries[0]}. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Whether the failed request writes (a value that cannot be read was sent by the caller, not stored before). */
    private static boolean isWrite() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
            && !"GET".equalsIgnoreCase(attributes.getRequest().getMethod());
    }
}
