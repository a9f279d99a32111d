package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * Personal data entered through every door people use (see {@link CanaryDoors}) must not be in the engine, on a real
 * PostgreSQL: not in the engine's form-field history that managers can read ({@code GET /history/detail}), not in any
 * engine table, not in the logs, and not in the bytes of the database's files, pages of live and dead rows and the
 * write-ahead log included, after a checkpoint. The violence line's data is nowhere in clear, not even in our own
 * table (encrypted) nor the WAL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataCanaryIT {

    private static final Pattern RELATION_FILE = Pattern.compile("base/(\\d+)/(\\d+)(?:_fsm|_vm|_init)?(?:\\.\\d+)?");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldKeepEveryCanaryOutOfTheEngineTheDatabaseFilesAndTheLogs(CapturedOutput output) {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        CanaryDoors doors = new CanaryDoors(http);
        doors.enterEverything();

        // every finding is reported at the end, all together
        SoftAssertions softly = new SoftAssertions();

        // the engine's form-field history, as a manager (microcredit) and as the line's staff read it
        assertNoCanaryIn(softly, doors, doors.basic("hatice.sahin").getForEntity("/engine-rest/history/detail?firstResult=0&maxResults=500&processInstanceId="
            + doors.microcreditInstanceId, String.class));
        assertNoCanaryIn(softly, doors, doors.basic(CanaryDoors.SUPERVISOR).getForEntity("/engine-rest/history/detail?firstResult=0&maxResults=500&processInstanceId="
            + doors.violenceInstanceId, String.class));
        softly.assertThat(jdbc.queryForObject("select count(*) from act_hi_detail", Long.class)).as("rows of ACT_HI_DETAIL").isZero();

        // every table as text
        softly.assertThat(CanaryScan.findingsInTables(doors, CanaryScan.tablesAsText(jdbc, true))).as("findings in the tables").isEmpty();
        // for the reader of the test's output: where the engine left dead rows (their pages are scanned below)
        System.out.println("Engine tables with dead rows: " + jdbc.queryForList("select relname || '=' || n_dead_tup "
            + "from pg_stat_user_tables where relname like 'act\\_%' and n_dead_tup > 0 order by relname", String.class));

        // the database's files: every page written out, then their bytes
        jdbc.execute("CHECKPOINT");
        Path dataDirectory = Path.of(jdbc.queryForObject("show data_directory", String.class));
        Map<Path, String> files = CanaryScan.filesAsBytes(dataDirectory);
        assertThat(files.keySet()).anyMatch(file -> file.startsWith("pg_wal"));
        Map<String, String> owners = relationOwners();
        List<String> findings = new ArrayList<>();
        Map<String, List<Path>> citizenFiles = new HashMap<>();
        doors.violenceLine.forEach((label, canary) -> CanaryScan.filesHolding(files, canary)
            .forEach(file -> findings.add("violence line " + label + " in clear in " + describe(file, owners))));
        doors.counselling.forEach((label, canary) -> CanaryScan.filesHolding(files, canary)
            .forEach(file -> findings.add(label + " in clear in " + describe(file, owners))));
        doors.library.forEach((label, canary) -> CanaryScan.filesHolding(files, canary)
            .forEach(file -> findings.add(label + " in clear in " + describe(file, owners))));
        for (Map<String, String> canaries : List.of(doors.citizens, doors.formDisplayNames)) {
            boolean displayName = canaries == doors.formDisplayNames;
            canaries.forEach((label, canary) -> {
                List<Path> holding = CanaryScan.filesHolding(files, canary);
                citizenFiles.put(label, holding);
                for (Path file : holding) {
                    String owner = owner(file, owners);
                    boolean ourTable = owner != null && !CanaryScan.engineTable(owner);
                    boolean runtimeVariable = displayName && "act_ru_variable".equals(owner);
                    if (!(ourTable || runtimeVariable || file.startsWith("pg_wal"))) {
                        findings.add(label + " in " + describe(file, owners));
                    }
                }
            });
        }
        softly.assertThat(findings).as("findings of the raw scan of " + files.size() + " files, "
            + CanaryScan.totalBytes(files.values()) + " bytes").isEmpty();
        // the scan does see what is on disk: the citizens' data, which our tables hold in clear, is found there
        softly.assertThat(citizenFiles).as("files holding each citizen canary").allSatisfy((label, holding) -> assertThat(holding)
            .as(label).anyMatch(file -> owner(file, owners) != null && !CanaryScan.engineTable(owner(file, owners))));

        softly.assertThat(CanaryScan.findingsInLogs(doors, output.getAll())).as("findings in the logs").isEmpty();
        softly.assertAll();
    }

    private void assertNoCanaryIn(SoftAssertions softly, CanaryDoors doors, ResponseEntity<String> response) {
        softly.assertThat(response.getStatusCode().value()).isEqualTo(200);
        for (String canary : CanaryScan.everyCanary(doors)) {
            softly.assertThat(response.getBody()).as("GET /history/detail").doesNotContain(canary);
        }
    }

    /** The table each file node of the current database belongs to (an index's or a TOAST table's owning table). */
    private Map<String, String> relationOwners() {
        String database = String.valueOf(jdbc.queryForObject("select oid from pg_database where datname = current_database()", Long.class));
        Map<Long, String> tableOf = new HashMap<>();
        jdbc.query("select c.oid, c.relname, c.relkind, c.reltoastrelid from pg_class c", row -> {
            tableOf.put(row.getLong("oid"), row.getString("relname"));
        });
        // a TOAST table belongs to the table that points to it, an index to its table
        Map<Long, Long> ownerOid = new HashMap<>();
        jdbc.query("select oid, reltoastrelid from pg_class where reltoastrelid <> 0",
            row -> { ownerOid.put(row.getLong("reltoastrelid"), row.getLong("oid")); });
        jdbc.query("select indexrelid, indrelid from pg_index", row -> { ownerOid.put(row.getLong("indexrelid"), row.getLong("indrelid")); });
        Map<String, String> owners = new HashMap<>();
        jdbc.query("select oid, pg_relation_filenode(oid) as filenode from pg_class where pg_relation_filenode(oid) is not null", row -> {
            long oid = row.getLong("oid");
            long owner = oid;
            for (int hop = 0; hop < 3 && ownerOid.containsKey(owner); hop++) {
                owner = ownerOid.get(owner);
            }
            owners.put(database + "/" + row.getLong("filenode"), tableOf.get(owner));
        });
        return owners;
    }

    private static String owner(Path file, Map<String, String> owners) {
        Matcher relation = RELATION_FILE.matcher(file.toString().replace('\\', '/'));
        return relation.matches() ? owners.get(relation.group(1) + "/" + relation.group(2)) : null;
    }

    private static String describe(Path file, Map<String, String> owners) {
        String owner = owner(file, owners);
        return file + (owner == null ? "" : " (" + owner + ")");
    }
}
