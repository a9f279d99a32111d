package tr.bel.izmit.kadinaile.common.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;

/**
 * A body of a type the endpoint does not take (for example a form another web site made a browser post to the JSON
 * API's withdrawal) is answered 415 with a Turkish message naming {@code Content-Type} and the accepted types.
 * Spring raises this before it has chosen a controller, so {@link ApiExceptionHandler}, which is limited to our
 * controllers, never sees it; this advice applies to every controller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnsupportedMediaTypeHandler {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupported(HttpMediaTypeNotSupportedException e) {
        String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        String message = accepted.isEmpty() ? Texts.get("api.error.media-type.refused")
            : Texts.get("api.error.media-type.only", accepted);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
            .contentType(MediaType.APPLICATION_JSON);
        if (!accepted.isEmpty()) {
            answer.header(HttpHeaders.ACCEPT, accepted);
        }
        return answer.body(new ApiError(Texts.get("api.error.media-type"), List.of(new FieldError("Content-Type", message))));
    }
}
