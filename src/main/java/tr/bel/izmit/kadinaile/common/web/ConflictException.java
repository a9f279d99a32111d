package tr.bel.izmit.kadinaile.common.web;

/** The request is valid but contradicts the current state (already paid, already decided). Turkish message. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
