package tr.bel.izmit.kadinaile.documents;

import tr.bel.izmit.kadinaile.common.FieldError;

/**
 * An upload refused before anything was stored, with the HTTP status that says why (400 empty or no document chosen,
 * 413 too large, 415 not a PDF, JPEG or PNG, 409 too many files on the case) and a Turkish message naming the field.
 */
public class UploadRefusedException extends RuntimeException {

    private final int status;
    private final transient FieldError error;

    UploadRefusedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.error = new FieldError(field, message);
    }

    public int status() {
        return status;
    }

    public FieldError error() {
        return error;
    }
}
