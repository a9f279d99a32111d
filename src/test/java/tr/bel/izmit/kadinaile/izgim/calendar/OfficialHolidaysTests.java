package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Turkey's official holidays of each year the calendar knows (the rows of {@code izg_closure}, kind OFFICIAL, written by
 * a migration: data, not code), pinned day by day against the law and the Diyanet's calendar as docs/izgim-calendar.md
 * names them: Law 2429 (1 January, 23 April, 1 May, 19 May, 15 July, 30 August, 29 October from 13:00 on the 28th), the
 * Ramazan Bayramı three and a half days and the Kurban Bayramı four and a half (the eve, arife, from 13:00). A change of
 * a row, or a year added without its test, fails here; the dates must be re-checked each year against the official
 * announcement (and the government's bridge days, which are not official holidays, added as closures). What the rows
 * mean for bookings: the eve keeps its morning slots (09:00 to 12:00), the holiday has none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class OfficialHolidaysTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CalendarRules rules;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void setUp() {
        // the closures other classes of this context added go; the official holidays stay
        CalendarTestConfiguration.reset(jdbc, identityService);
    }

    @Test
    void shouldKnowTheOfficialHolidaysOf2026() {
        assertThat(officialDays(2026)).containsExactly(
            "2026-01-01 Yılbaşı",
            "2026-03-19 13:00 Ramazan Bayramı arifesi",
            "2026-03-20 Ramazan Bayramı 1. gün",
            "2026-03-21 Ramazan Bayramı 2. gün",
            "2026-03-22 Ramazan Bayramı 3. gün",
            "2026-04-23 Ulusal Egemenlik ve Çocuk Bayramı",
            "2026-05-01 Emek ve Dayanışma Günü",
            "2026-05-19 Atatürk'ü Anma, Gençlik ve Spor Bayramı",
            "2026-05-26 13:00 Kurban Bayramı arifesi",
            "2026-05-27 Kurban Bayramı 1. gün",
            "2026-05-28 Kurban Bayramı 2. gün",
            "2026-05-29 Kurban Bayramı 3. gün",
            "2026-05-30 Kurban Bayramı 4. gün",
            "2026-07-15 Demokrasi ve Millî Birlik Günü",
            "2026-08-30 Zafer Bayramı",
            "2026-10-28 13:00 Cumhuriyet Bayramı arifesi",
            "2026-10-29 Cumhuriyet Bayramı");
        // Thursday 19 March 2026, the eve: the morning only; Friday the 20th, the first day: nothing
        assertThat(rules.slots("any.professional", LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 20)))
            .containsExactly(at(2026, 3, 19, 9), at(2026, 3, 19, 10), at(2026, 3, 19, 11), at(2026, 3, 19, 12));
        assertThat(rules.slots("any.professional", LocalDate.of(2026, 5, 26), LocalDate.of(2026, 5, 29)))
            .as("Kurban Bayramı: the eve's morning, then Wednesday to Friday closed")
            .containsExactly(at(2026, 5, 26, 9), at(2026, 5, 26, 10), at(2026, 5, 26, 11), at(2026, 5, 26, 12));
        assertThat(rules.slots("any.professional", LocalDate.of(2026, 10, 28), LocalDate.of(2026, 10, 29))).hasSize(4);
        assertThat(rules.slots("any.professional", LocalDate.of(2026, 7, 15), LocalDate.of(2026, 7, 15))).isEmpty();
    }

    @Test
    void shouldKnowTheOfficialHolidaysOf2027() {
        assertThat(officialDays(2027)).containsExactly(
            "2027-01-01 Yılbaşı",
            "2027-03-08 13:00 Ramazan Bayramı arifesi",
            "2027-03-09 Ramazan Bayramı 1. gün",
            "2027-03-10 Ramazan Bayramı 2. gün",
            "2027-03-11 Ramazan Bayramı 3. gün",
            "2027-04-23 Ulusal Egemenlik ve Çocuk Bayramı",
            "2027-05-01 Emek ve Dayanışma Günü",
            "2027-05-15 13:00 Kurban Bayramı arifesi",
            "2027-05-16 Kurban Bayramı 1. gün",
            "2027-05-17 Kurban Bayramı 2. gün",
            "2027-05-18 Kurban Bayramı 3. gün",
            "2027-05-19 Kurban Bayramı 4. gün; Atatürk'ü Anma, Gençlik ve Spor Bayramı",
            "2027-07-15 Demokrasi ve Millî Birlik Günü",
            "2027-08-30 Zafer Bayramı",
            "2027-10-28 13:00 Cumhuriyet Bayramı arifesi",
            "2027-10-29 Cumhuriyet Bayramı");
        // Monday 8 March 2027, the eve: the morning only; Tuesday to Thursday closed; Friday the 12th a working day
        assertThat(rules.slots("any.professional", LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 11)))
            .containsExactly(at(2027, 3, 8, 9), at(2027, 3, 8, 10), at(2027, 3, 8, 11), at(2027, 3, 8, 12));
        assertThat(rules.slots("any.professional", LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 12))).hasSize(8);
        // Kurban Bayramı from Sunday 16 to Wednesday 19 May: the working days 17-19 May closed
        assertThat(rules.slots("any.professional", LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 20)))
            .extracting(LocalDateTime::toLocalDate).containsOnly(LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 20));
    }

    @Test
    void shouldPinEveryYearItKnows() {
        // a new year's holidays come with a migration once they are announced, and with a test like the two above
        assertThat(jdbc.queryForList("select distinct extract(year from closed_on) from izg_closure where kind = 'OFFICIAL' "
            + "order by 1", Integer.class)).containsExactly(2026, 2027);
    }

    private List<String> officialDays(int year) {
        return jdbc.query("select closed_on, closed_from, name from izg_closure where kind = 'OFFICIAL' and professional_id is null "
                + "and closed_on between ? and ? order by closed_on", (rs, row) -> {
                    LocalTime from = rs.getTime("closed_from") == null ? null : rs.getTime("closed_from").toLocalTime();
                    return rs.getDate("closed_on").toLocalDate() + (from == null ? "" : " " + from) + " " + rs.getString("name");
                }, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    private static LocalDateTime at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0);
    }
}
