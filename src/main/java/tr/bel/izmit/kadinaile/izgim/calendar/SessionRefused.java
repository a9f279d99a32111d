package tr.bel.izmit.kadinaile.izgim.calendar;

/** A change of a session that the rules refuse, with the Turkish reason for the person who asked. */
class SessionRefused extends RuntimeException {

    enum Why { NOT_FOUND, NOT_YOURS, CONFLICT }

    private final Why why;

    SessionRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    Why why() {
        return why;
    }
}
