package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDate;

/** A series asked for a case ({@code izg_series}); while WAITING it stands in its professional's waiting line. */
record Series(long id, String caseKey, String trackingCode, CounsellingService service, String professionalId, int sessions,
        LocalDate earliestOn, String status) {

    static final String WAITING = "WAITING";
    static final String BOOKED = "BOOKED";
    static final String CANCELLED = "CANCELLED";
}
