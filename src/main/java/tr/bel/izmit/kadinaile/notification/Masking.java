package tr.bel.izmit.kadinaile.notification;

/** Masks contact data so that logs can say where a message went without holding personal data. */
final class Masking {

    private Masking() {
    }

    static String mask(String recipient) {
        if (recipient == null || recipient.length() < 4) {
            return "***";
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        return "***" + recipient.substring(recipient.length() - 2);
    }
}
