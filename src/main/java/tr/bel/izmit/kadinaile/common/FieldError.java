package tr.bel.izmit.kadinaile.common;

/**
 * One validation problem: the field (form key / process variable name) and a Turkish message for the
 * person who filled it in.
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
