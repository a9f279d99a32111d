package tr.bel.izmit.kadinaile.common.web;

import java.util.NoSuchElementException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/** Maps our API's failures to clear answers without stack traces or internal names. */
@RestControllerAdvice(basePackages = "tr.bel.izmit.kadinaile")
public class ApiExceptionHandler {

    @ExceptionHandler(ValidationFailedException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError invalid(ValidationFailedException e) {
        return new ApiError(Texts.get("api.error.validation"), e.getErrors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError unreadable(HttpMessageNotReadableException e) {
        return ApiError.of(Texts.get("api.error.unreadable"));
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ApiError notFound(NoSuchElementException e) {
        return ApiError.of(Texts.get("api.error.not-found"));
    }

    @ExceptionHandler(AuthorizationException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ApiError forbidden(AuthorizationException e) {
        return ApiError.of(Texts.get("api.error.forbidden"));
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ApiError conflict(ConflictException e) {
        return ApiError.of(e.getMessage());
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class, TaskAlreadyClaimedException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ApiError concurrentChange(RuntimeException e) {
        return ApiError.of(Texts.get("api.error.concurrent-change"));
    }

    @ExceptionHandler(MismatchingMessageCorrelationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ApiError notWaiting(MismatchingMessageCorrelationException e) {
        return ApiError.of(Texts.get("api.error.not-waiting"));
    }
}
