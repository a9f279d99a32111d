package tr.bel.izmit.kadinaile.producers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The producers' solidarity meetings (dayanışma buluşmaları), where new producers get their orientation: held
 * on a fixed weekday; a producer is invited to the first one at least the notice period away.
 */
@Component
public class SolidarityMeetings {

    private final DayOfWeek day;
    private final int noticeDays;

    SolidarityMeetings(@Value("${app.producers.solidarity-meeting.day:WEDNESDAY}") DayOfWeek day,
            @Value("${app.producers.solidarity-meeting.notice-days:3}") int noticeDays) {
        this.day = day;
        this.noticeDays = noticeDays;
    }

    /** The next meeting for an invitation sent today. */
    public LocalDate next(LocalDate today) {
        return today.plusDays(noticeDays).with(TemporalAdjusters.nextOrSame(day));
    }
}
