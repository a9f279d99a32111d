package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The slots of a day: 50-minute sessions on the hour inside the hours, less a closure from an hour on. */
class WorkingDayTests {

    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    @Test
    void shouldOfferEightSessionsOnTheHourInTheDefaultHours() {
        assertThat(new WorkingDay(MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)).slots())
            .hasSize(8)
            .startsWith(MONDAY.atTime(9, 0))
            .endsWith(MONDAY.atTime(16, 0))
            .allMatch(start -> start.getMinute() == 0);
    }

    @Test
    void shouldStartOnTheNextHourAndEndWhenTheLastSessionStillFits() {
        assertThat(new WorkingDay(MONDAY, LocalTime.of(9, 30), LocalTime.of(12, 45)).slots())
            .containsExactly(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0));
        assertThat(new WorkingDay(MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 50)).slots()).containsExactly(MONDAY.atTime(9, 0));
        assertThat(new WorkingDay(MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 49)).slots()).isEmpty();
    }

    @Test
    void shouldCloseTheAfternoonOfAHolidaysEveAndTheWholeHoliday() {
        Map<DayOfWeek, LocalTime[]> hours = Map.of(DayOfWeek.MONDAY, new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(17, 0)},
            DayOfWeek.TUESDAY, new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(17, 0)});
        java.util.HashMap<LocalDate, LocalTime> closures = new java.util.HashMap<>();
        closures.put(MONDAY, LocalTime.of(13, 0));
        closures.put(MONDAY.plusDays(1), null);

        assertThat(CalendarRules.workingDay(MONDAY, hours, closures).slots())
            .containsExactly(MONDAY.atTime(9, 0), MONDAY.atTime(10, 0), MONDAY.atTime(11, 0), MONDAY.atTime(12, 0));
        assertThat(CalendarRules.workingDay(MONDAY.plusDays(1), hours, closures).slots()).isEmpty();
        assertThat(CalendarRules.workingDay(MONDAY.plusDays(2), hours, closures).slots()).as("no hours on Wednesday").isEmpty();
        assertThat(WorkingDay.closed(MONDAY).slots()).isEmpty();
        assertThat(LocalDateTime.of(2027, 3, 1, 9, 0).plus(WorkingDay.SESSION)).isEqualTo(LocalDateTime.of(2027, 3, 1, 9, 50));
    }

    @Test
    void shouldTakeTheMedianOfTheWaitingDays() {
        assertThat(CounsellingReportSection.median(java.util.List.of(3.0, 1.0, 2.0))).isEqualByComparingTo("2.0");
        assertThat(CounsellingReportSection.median(java.util.List.of(4.0, 1.0, 2.0, 3.0))).isEqualByComparingTo("2.5");
    }
}
