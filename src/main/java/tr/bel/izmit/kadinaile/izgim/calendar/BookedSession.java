package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDateTime;

/** One booked session of a series: when and in which room. */
public record BookedSession(long id, LocalDateTime start, LocalDateTime end, String room) {
}
