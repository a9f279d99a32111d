package tr.bel.izmit.kadinaile.notification;

/** Sends one notification over one channel. Implementations throw when the message was not accepted. */
public interface NotificationTransport {

    Channel channel();

    /**
     * @param idempotencyKey unique per notification: a provider that supports it must use it to drop repeats
     */
    void send(String idempotencyKey, String recipient, String subject, String body);

    /**
     * What happens to a message whose send was interrupted (the node stopped between claiming it and
     * recording the result, so nobody knows whether the provider got it).
     */
    enum Delivery {
        /** It is not sent again: it is marked failed ({@code INTERRUPTED}) for staff to check. */
        AT_MOST_ONCE,
        /**
         * It is sent again with the same idempotency key. Only for providers that drop repeats of a key, so the
         * citizen still gets it once.
         */
        AT_LEAST_ONCE
    }

    /** SMTP and the logging stand-ins cannot drop repeats: at most once unless a provider says otherwise. */
    default Delivery delivery() {
        return Delivery.AT_MOST_ONCE;
    }

    /** A stand-in that only records (logs) the send; any other transport of the channel is preferred. */
    default boolean isFallback() {
        return false;
    }
}
