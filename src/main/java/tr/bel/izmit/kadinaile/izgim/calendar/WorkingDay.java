package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A professional's working hours on one day, less a closure from some hour on (the eve of a holiday): the sessions
 * that fit, each {@link #SESSION} long and starting on the hour, the last one ending by the end of the hours. A
 * whole-day closure or a day off has no slots.
 */
record WorkingDay(LocalDate day, LocalTime startsAt, LocalTime endsAt) {

    /** A session: 50 minutes, on the hour, so that the professional has ten minutes between two. */
    static final Duration SESSION = Duration.ofMinutes(50);

    static WorkingDay closed(LocalDate day) {
        return new WorkingDay(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** The same day, closed from {@code closedFrom} on. */
    WorkingDay closedFrom(LocalTime closedFrom) {
        return closedFrom.isBefore(endsAt) ? new WorkingDay(day, startsAt, closedFrom.isBefore(startsAt) ? startsAt : closedFrom) : this;
    }

    /** The slots' starts, earliest first. */
    List<LocalDateTime> slots() {
        List<LocalDateTime> slots = new ArrayList<>();
        LocalTime first = startsAt.getMinute() == 0 && startsAt.getSecond() == 0 && startsAt.getNano() == 0
            ? startsAt : startsAt.withMinute(0).withSecond(0).withNano(0).plusHours(1);
        for (LocalDateTime start = day.atTime(first); !start.plus(SESSION).isAfter(day.atTime(endsAt))
                && start.toLocalDate().equals(day); start = start.plusHours(1)) {
            slots.add(start);
        }
        return slots;
    }
}
