package tr.bel.izmit.kadinaile.izgim.seminars;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.TrackingCodes;

/**
 * Demo only: İZGİM's seminars of 2021 from the directorate's report — the legal-rights seminar with the Kocaeli
 * Bar's Women's Rights Centre on 25 November and the online "Sınav Kaygısı ile Mücadele" — with invented
 * registrants and their attendance, and two upcoming ones to register for on the portal (one full, with a line).
 * Created once, when no seminar exists yet. Names and numbers are invented.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class SeminarDemoData {

    static final String LEGAL_RIGHTS = "Kadınların Yasal Hakları Semineri";
    static final String EXAM_ANXIETY = "Sınav Kaygısı ile Mücadele";
    private static final String DEMO_USER = "demo";
    private static final String[] FIRST_NAMES = {"Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Sultan",
        "Nermin", "Gülsüm", "Sevim", "Filiz"};
    private static final String[] SURNAMES = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk"};

    private final JdbcTemplate jdbc;
    private final Seminars seminars;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SeminarDemoData(JdbcTemplate jdbc, Seminars seminars, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.seminars = seminars;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void createDemoData() {
        if (jdbc.queryForObject("select count(*) from izs_seminar", Integer.class) > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            long legal = seminars.create(new Seminars.NewSeminar("SEMINAR", LEGAL_RIGHTS, "Kocaeli Barosu Kadın Hakları Merkezi",
                LocalDateTime.of(2021, 11, 25, 14, 0), LocalDateTime.of(2021, 11, 25, 16, 0), "İZGİM Seminer Salonu, İzmit", null,
                80), DEMO_USER);
            pastRegistrations(legal, LocalDateTime.of(2021, 11, 15, 10, 0), 64, 52);
            long exam = seminars.create(new Seminars.NewSeminar("SEMINAR", EXAM_ANXIETY, null,
                LocalDateTime.of(2021, 12, 11, 14, 0), LocalDateTime.of(2021, 12, 11, 15, 30), null,
                "https://toplanti.example.org/izgim-sinav-kaygisi", 100), DEMO_USER);
            pastRegistrations(exam, LocalDateTime.of(2021, 12, 1, 10, 0), 88, 71);

            LocalDate today = LocalDate.now(clock);
            long workshop = seminars.create(new Seminars.NewSeminar("WORKSHOP", "Çocuklarla Masal Atölyesi", null,
                today.plusDays(10).atTime(LocalTime.of(14, 0)), today.plusDays(10).atTime(LocalTime.of(15, 30)),
                "İZGİM Çocuk Kütüphanesi, İzmit", null, 4), DEMO_USER);
            for (int i = 0; i < 6; i++) {
                seminars.register(workshop, registrant(i));
            }
            long online = seminars.create(new Seminars.NewSeminar("SEMINAR", "Ergenlikte Ebeveyn Olmak", null,
                today.plusDays(14).atTime(LocalTime.of(19, 0)), today.plusDays(14).atTime(LocalTime.of(20, 30)), null,
                "https://toplanti.example.org/izgim-ergenlik", 50), DEMO_USER);
            for (int i = 6; i < 9; i++) {
                seminars.register(online, registrant(i));
            }
        });
    }

    private static Seminars.Registrant registrant(int i) {
        return new Seminars.Registrant(name(i), String.format("555%07d", 1000 + i), null);
    }

    /** Registrations of a seminar that took place, {@code attended} of them recorded as present. */
    private void pastRegistrations(long seminarId, LocalDateTime from, int registrations, int attended) {
        for (int i = 0; i < registrations; i++) {
            Timestamp at = Timestamp.from(from.plus(Duration.ofHours(i)).atZone(ClockConfiguration.ISTANBUL).toInstant());
            jdbc.update("insert into izs_registration (seminar_id, code, full_name, phone, email, status, registered_at, confirmed_at, "
                    + "attended, link_sent_at) values (?, ?, ?, ?, null, 'CONFIRMED', ?, ?, ?, null)",
                seminarId, TrackingCodes.generate(Seminars.CODE_PREFIX), name(i), String.format("555%07d", 2000 + i), at, at,
                i < attended);
        }
    }

    private static String name(int i) {
        return FIRST_NAMES[i % FIRST_NAMES.length] + " " + SURNAMES[(i / FIRST_NAMES.length + i) % SURNAMES.length];
    }
}
