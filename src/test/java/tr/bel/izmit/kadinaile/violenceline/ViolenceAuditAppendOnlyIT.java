package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;
import tr.bel.izmit.kadinaile.violenceline.ViolenceCaseStore.Intake;

/**
 * On a real PostgreSQL: the case store works there too, and the database itself keeps the access audit
 * append-only (the trigger of db/vendor/postgresql), whatever SQL the application might send.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class ViolenceAuditAppendOnlyIT {

    @Autowired
    ViolenceCaseStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRejectUpdatesAndDeletesOfTheAccessAudit() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        ViolenceCase opened = store.open(new Intake("Ayşe Zümrüt-Kanarya-4711", "0532 111 22 33", null, "Yenidoğan",
            "ş".repeat(2900), "IZMIT"), null);
        store.addNote(opened.getId(), "STAFF_NOTE", "merve.koc", "Not");
        assertThat(store.read(opened.getId(), "merve.koc", "10.0.0.7").incidentNotes()).hasSize(2900);
        Long auditId = jdbc.queryForObject("select id from vl_access_audit where case_id = ?", Long.class, opened.getId());

        assertThatThrownBy(() -> jdbc.update("update vl_access_audit set user_id = 'someone.else' where id = ?", auditId))
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from vl_access_audit where id = ?", auditId))
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate table vl_access_audit"))
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.queryForList("select user_id from vl_access_audit where id = ?", String.class, auditId))
            .isEqualTo(List.of("merve.koc"));
        // appending still works
        store.read(opened.getId(), "selin.aydin", null);
        assertThat(jdbc.queryForObject("select count(*) from vl_access_audit where case_id = ?", Integer.class, opened.getId()))
            .isEqualTo(2);
    }

    @Test
    void shouldRejectUpdatesAndDeletesOfTheAccessRequestEvents() {
        jdbc.update("insert into vl_access_request_event (request_id, action, user_id, occurred_at) "
            + "values (4711, 'REQUESTED', 'yonetici', current_timestamp)");
        Long eventId = jdbc.queryForObject("select id from vl_access_request_event where request_id = 4711", Long.class);

        assertThatThrownBy(() -> jdbc.update("update vl_access_request_event set user_id = 'someone.else' where id = ?", eventId))
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from vl_access_request_event where id = ?", eventId))
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate table vl_access_request_event"))
            .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForList("select user_id from vl_access_request_event where id = ?", String.class, eventId))
            .isEqualTo(List.of("yonetici"));
    }
}
