package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The professionals' calendar as the counselling process uses it. A case is named by its opaque key (the process's
 * business key), never by personal data.
 */
public interface SessionCalendar {

    /**
     * Books {@code sessions} weekly sessions for the case with that professional, in the first free slots from
     * {@code from} within working hours, skipping holidays, each in a free room.
     *
     * @throws CalendarFullException when no slot is free in the booking horizon
     */
    List<BookedSession> bookSeries(String caseKey, String trackingCode, CounsellingService service,
        String professionalUserId, int sessions, LocalDate from);

    /** Cancels every future session of the case (its closure) and offers the freed slots to those waiting. */
    void cancelSeries(String caseKey);
}
