package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.KadinAileApplication;

/**
 * The default run's database, an H2 file: the same doors and canaries as {@link PersonalDataCanaryIT}, then the
 * application is shut down and the bytes of the database file are searched. H2's file store writes changes as new
 * chunks and keeps old ones until it compacts, so a value that was ever written is likely still in the file: the
 * violence line's data must not be in it in clear, the citizens' data must not be in any engine table.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataCanaryH2FileIT {

    @TempDir
    Path directory;

    @Test
    void shouldLeaveNoCanaryInTheEngineTablesNorTheViolenceLineInTheDatabaseFile(CapturedOutput output) throws IOException {
        ConfigurableApplicationContext application = new SpringApplicationBuilder(KadinAileApplication.class)
            .profiles("test")
            // command-line arguments, so that they win over application-test.properties
            .run("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("kadin-aile") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=0", "--app.demo.enabled=true", "--app.demo.password=demo");
        CanaryDoors doors;
        Map<String, String> tables;
        try {
            // the REST API and the web apps find the engine by name in Camunda's static registry
            ProcessEngines.registerProcessEngine(application.getBean(ProcessEngine.class));
            int port = ((WebServerApplicationContext) application).getWebServer().getPort();
            doors = new CanaryDoors(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
            doors.enterEverything();
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from act_hi_detail", Long.class)).as("rows of ACT_HI_DETAIL").isZero();
            tables = CanaryScan.tablesAsText(jdbc, false);
        } finally {
            application.close();
        }
        assertThat(tables).containsKeys("act_ru_variable", "act_hi_varinst", "act_hi_detail", "vl_case");
        assertThat(CanaryScan.findingsInTables(doors, tables)).isEmpty();

        Path database = directory.resolve("kadin-aile.mv.db");
        assertThat(database).exists();
        try (var listing = Files.list(directory)) {
            assertThat(listing.map(file -> file.getFileName().toString()).toList()).as("the database is closed")
                .noneMatch(name -> name.endsWith(".lock.db"));
        }
        Map<Path, String> files = CanaryScan.filesAsBytes(directory);
        List<String> findings = new ArrayList<>();
        doors.violenceLine.forEach((label, canary) -> CanaryScan.h2FilesHolding(files, canary)
            .forEach(file -> findings.add("violence line " + label + " in clear in " + file)));
        doors.counselling.forEach((label, canary) -> CanaryScan.h2FilesHolding(files, canary)
            .forEach(file -> findings.add(label + " in clear in " + file)));
        doors.library.forEach((label, canary) -> CanaryScan.h2FilesHolding(files, canary)
            .forEach(file -> findings.add(label + " in clear in " + file)));
        assertThat(findings).as("findings of the raw scan of " + files.keySet()).isEmpty();
        // the scan sees what is on disk: the citizens' data, which our tables hold in clear, is found in the file
        assertThat(doors.citizens).allSatisfy((label, canary) -> assertThat(CanaryScan.h2FilesHolding(files, canary)).as(label)
            .contains(Path.of("kadin-aile.mv.db")));

        assertThat(CanaryScan.findingsInLogs(doors, output.getAll())).isEmpty();
    }
}
