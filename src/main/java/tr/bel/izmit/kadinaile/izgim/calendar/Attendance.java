package tr.bel.izmit.kadinaile.izgim.calendar;

/** What the professional records of a session. */
enum Attendance {
    ATTENDED,
    CANCELLED,
    NO_SHOW
}
