package tr.bel.izmit.kadinaile.portal;

/**
 * Whom an applicant calls or visits about her application: the service's phone, address and opening hours, from the
 * message bundle ({@code portal.<process key>.contact.phone}, {@code .address}, {@code .hours}).
 */
public record ServiceContact(String phone, String address, String hours) {

    /** The phone number as a {@code tel:} link: digits only, the leading 0 of a Turkish area code kept. */
    public String phoneHref() {
        return "tel:" + phone.replaceAll("[^0-9+]", "");
    }

    /** A link of a service: its portal address and its text. */
    public record Link(String href, String text) {
    }
}
