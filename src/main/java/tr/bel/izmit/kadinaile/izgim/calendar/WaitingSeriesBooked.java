package tr.bel.izmit.kadinaile.izgim.calendar;

import java.util.List;

/**
 * Published when a case that waited (its {@link SessionCalendar#bookSeries} ended in {@link CalendarFullException})
 * got its series booked because slots became free; its client has been told by SMS. Added to the contract by the
 * calendar: the counselling process may correlate it to leave its waiting state.
 */
public record WaitingSeriesBooked(String caseKey, List<BookedSession> sessions) {
}
