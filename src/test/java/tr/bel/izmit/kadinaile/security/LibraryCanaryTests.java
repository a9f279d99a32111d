package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.CounsellingCipher;

/**
 * The children's library's canaries (a child's first name, her parent's name and phone, entered by an officer on
 * İZGİM's desk page, {@link CanaryDoors#library()}) are in clear in no table and no log; the library's table does hold
 * them, encrypted with İZGİM's key, and the officer reads them back by the card number. The full scans
 * ({@link PersonalDataCanaryIT} on PostgreSQL's files, {@link PersonalDataCanaryH2FileIT} on H2's file) enter them with
 * every other door. Same context as {@code courses.CoursesApiTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo", "app.portal.rate-limit.capacity=1000",
    "app.portal.status-response-floor=PT0.05S"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LibraryCanaryTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CounsellingCipher cipher;

    @Test
    void shouldKeepTheChildsDataOutOfEveryTableInClearAndOutOfTheLogs(CapturedOutput output) {
        CanaryDoors doors = new CanaryDoors(http);
        doors.library();
        assertThat(doors.library).hasSize(3);

        Map<String, String> tables = CanaryScan.tablesAsText(jdbc, false);
        assertThat(tables).containsKeys("izl_child", "izl_visit");
        assertThat(CanaryScan.findingsInTables(doors, tables)).isEmpty();
        // the scan looks at the right row: the child is there, encrypted with İZGİM's key, and reads back
        Map<String, Object> row = jdbc.queryForMap("select first_name, parent_name, parent_phone from izl_child where card_number = ?",
            doors.libraryCard);
        assertThat(row.values().stream().map(value -> cipher.decrypt((String) value)).toList())
            .containsExactlyElementsOf(doors.library.values());
        ResponseEntity<String> read = doors.basic(CanaryDoors.OFFICER).getForEntity("/api/staff/izgim/library/children/"
            + doors.libraryCard, String.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody()).contains(doors.library.values());

        assertThat(CanaryScan.findingsInLogs(doors, output.getAll())).isEmpty();
    }
}
