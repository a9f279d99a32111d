package tr.bel.izmit.kadinaile.notification;

/** How a notification reaches a citizen. */
public enum Channel {
    EMAIL,
    SMS
}
