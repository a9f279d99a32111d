package tr.bel.izmit.kadinaile.izgim.seminars;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled job that sends an online seminar's link to everyone holding a seat, once the start is less than
 * {@code app.izgim.seminars.link-lead} (24 hours by default) away; someone who gets a seat later (a cancellation)
 * gets it at the next run. Each registration is claimed by a conditional update of its {@code link_sent_at}, so two
 * nodes never both send, and the outbox's dedup key holds against a retry. The log names the seminar's id and a
 * count only, never a person.
 */
@Component
class SeminarLinkSender {

    private static final Logger LOG = LoggerFactory.getLogger(SeminarLinkSender.class);

    private final JdbcTemplate jdbc;
    private final Seminars seminars;
    private final SeminarNotices notices;
    private final Clock clock;
    private final Duration lead;

    SeminarLinkSender(JdbcTemplate jdbc, Seminars seminars, SeminarNotices notices, Clock clock,
            @Value("${app.izgim.seminars.link-lead:PT24H}") Duration lead) {
        this.jdbc = jdbc;
        this.seminars = seminars;
        this.notices = notices;
        this.clock = clock;
        this.lead = lead;
    }

    record Due(long registrationId, long seminarId, String code, String fullName, String phone, String email) {
    }

    /** Sends the links that are due now; returns how many registrants were sent theirs. */
    @Scheduled(fixedDelayString = "${app.izgim.seminars.link-check:PT5M}", initialDelayString = "PT1M")
    @Transactional
    public int sendDueLinks() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("select r.id, r.seminar_id, r.code, r.full_name, r.phone, r.email from izs_registration r "
                + "join izs_seminar s on s.id = r.seminar_id where s.online_link is not null and r.status = 'CONFIRMED' "
                + "and r.link_sent_at is null and s.starts_at > ? and s.starts_at <= ? order by r.seminar_id, r.id",
            (rs, row) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
            Timestamp.from(now), Timestamp.from(now.plus(lead)));
        int sent = 0;
        for (Due registration : due) {
            int claimed = jdbc.update("update izs_registration set link_sent_at = ? where id = ? and link_sent_at is null",
                Timestamp.from(now), registration.registrationId());
            if (claimed == 1) {
                Seminars.Seminar seminar = seminars.find(registration.seminarId()).orElseThrow();
                notices.link(registration.code(), seminar, registration.phone(), registration.email(), registration.fullName());
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Online seminar links queued for {} registrant(s) of seminar(s) {}", sent,
                due.stream().map(Due::seminarId).distinct().toList());
        }
        return sent;
    }
}
