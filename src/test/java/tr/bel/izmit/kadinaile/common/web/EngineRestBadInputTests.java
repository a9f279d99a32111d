package tr.bel.izmit.kadinaile.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * Which failures count as the caller's bad input, however the engine and its REST API wrap them. A rule of ours may
 * be thrown in a listener (the engine wraps it: ENGINE-03051) or as is, e.g. by an engine command interceptor; both
 * are a 400 naming the fields. The doors themselves are tested in {@code security.EngineRestErrorsTests}.
 */
class EngineRestBadInputTests {

    private static final ValidationFailedException RULE = new ValidationFailedException(List.of(
        new FieldError("approvedAmount", "Onaylanan tutar talep edilen tutarı (3.000,00 TL) aşamaz."),
        new FieldError("note", "Not en fazla 1000 karakter olabilir.")));

    @Test
    void shouldAnswerARuleOfOursThrownAsIsWrappedByTheEngineOrByTheRestApiWith400() {
        ProcessEngineException byListener = new ProcessEngineException(
            "ENGINE-03051 There was an exception while invoking the TaskListener. Message: '...'",
            new ProcessEngineException("Exception while invoking TaskListener: ...", RULE));
        List<Throwable> failures = List.of(RULE,
            new RestException(Response.Status.INTERNAL_SERVER_ERROR, RULE, "Cannot submit task form 1: ..."),
            new RestException(Response.Status.INTERNAL_SERVER_ERROR, byListener, "Cannot complete task 1: ..."),
            byListener);

        for (Throwable failure : failures) {
            Response answer = EngineRestBadInput.answer(failure);

            assertThat(answer).as(failure.getMessage()).isNotNull();
            assertThat(answer.getStatus()).isEqualTo(400);
            Map<?, ?> body = (Map<?, ?>) answer.getEntity();
            assertThat(body.get("type")).isEqualTo("ValidationError");
            assertThat((String) body.get("message")).isEqualTo("Girilen bilgilerde hata var: Onaylanan tutar talep edilen tutarı "
                + "(3.000,00 TL) aşamaz. Not en fazla 1000 karakter olabilir.");
            assertThat(body.get("errors")).isEqualTo(RULE.getErrors());
        }
    }

    @Test
    void shouldLeaveFailuresThatAreNoBadInputToTheOtherMappers() {
        // JSON the engine could not read from its own tables is no fault of the caller's
        ProcessEngineException storedValue = new ProcessEngineException("SPIN/JACKSON-JSON-01001 Unable to parse input into json node",
            new JsonParseException(null, "Unexpected character"));
        List<Throwable> failures = List.of(
            new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener.",
                new IllegalStateException("a committee decision needs an identified user")),
            new RestException(Response.Status.INTERNAL_SERVER_ERROR, storedValue, "Cannot get task variable x: ..."),
            new InvalidRequestException(Response.Status.BAD_REQUEST, "Max results limit of 2000 exceeded"),
            new NullPointerException());

        for (Throwable failure : failures) {
            assertThat(EngineRestBadInput.answer(failure)).as(failure.toString()).isNull();
        }
    }

    @Test
    void shouldAnswerAValueThatDoesNotFitItsTypeWithoutJavaNames() {
        RestException conversion = new InvalidRequestException(Response.Status.BAD_REQUEST,
            new InvalidRequestException(Response.Status.BAD_REQUEST, new IllegalArgumentException("Cannot deserialize"),
                "Cannot convert value 'abc' of type 'Long' to java type java.lang.Long"),
            "Cannot submit task form 1: Cannot convert value 'abc' of type 'Long' to java type java.lang.Long");

        Response answer = EngineRestBadInput.answer(conversion);

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(((Map<?, ?>) answer.getEntity()).get("message")).isEqualTo("Değer belirtilen türe (Long) çevrilemedi.");
    }
}
