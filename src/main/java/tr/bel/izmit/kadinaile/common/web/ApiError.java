package tr.bel.izmit.kadinaile.common.web;

import java.util.List;

import tr.bel.izmit.kadinaile.common.FieldError;

/** The body of every error our JSON API returns: a Turkish message and, for bad input, the fields. */
public record ApiError(String message, List<FieldError> errors) {

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
