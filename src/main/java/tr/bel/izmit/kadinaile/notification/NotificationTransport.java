package tr.bel.izmit.kadinaile.notification;

/** Sends one notification over one channel. Implementations throw when the message was not accepted. */
public interface NotificationTransport {

    Channel channel();

    /**
     * @param idempotencyKey unique per notification: a provider that supports it must use it to drop repeats
     */
    void send(String idempotencyKey, String recipient, String subject, String body);

    /** A stand-in that only records (logs) the send; any other transport of the channel is preferred. */
    default boolean isFallback() {
        return false;
    }
}
