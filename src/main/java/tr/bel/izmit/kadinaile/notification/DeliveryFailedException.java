package tr.bel.izmit.kadinaile.notification;

/**
 * A transport's word that a message was not delivered, with a reason that holds no personal data (it is logged and
 * kept in the outbox row's {@code last_error}: {@code HTTP_503}, {@code TIMEOUT}, a provider's error code such as
 * {@code INVALID_NUMBER}). A permanent failure is never tried again (the number does not exist, it refused messages);
 * any other is retried from the outbox with a growing pause until the last attempt.
 */
public class DeliveryFailedException extends RuntimeException {

    private final String reason;
    private final boolean permanent;

    public DeliveryFailedException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.permanent = permanent;
    }

    public static DeliveryFailedException transientFailure(String reason, Throwable cause) {
        return new DeliveryFailedException(reason, false, cause);
    }

    public static DeliveryFailedException permanentFailure(String reason) {
        return new DeliveryFailedException(reason, true, null);
    }

    /** What went wrong, as a short code without personal data. */
    public String reason() {
        return reason;
    }

    /** Whether another attempt is pointless. */
    public boolean permanent() {
        return permanent;
    }
}
