package tr.bel.izmit.kadinaile.notification;

/**
 * Whom a notice goes to: her name (the e-mail's salutation), her mobile phone and, where she gave one, her e-mail
 * address.
 */
public record Addressee(String fullName, String phone, String email) {
}
