package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/** The Prometheus endpoint: the engine's counters and gauges, for managers and administrators only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
class MetricsTests {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void shouldCountStartedAndEndedInstancesAndTaskDurationsForTheAdministrator() {
        Map<String, Object> outsideIzmit = ReportTestData.microcreditStartForm(2000);
        outsideIzmit.put("district", "GEBZE");
        ProcessInstance ended = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, outsideIzmit);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
        ProcessInstance running = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY,
            ReportTestData.microcreditStartForm(2000));
        taskService.complete(taskService.createTaskQuery().processInstanceId(running.getId()).singleResult().getId(),
            Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));

        ResponseEntity<String> response = rest.withBasicAuth(adminId, adminPassword).getForEntity(PROMETHEUS, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
            .containsPattern("kadinaile_process_instances_started_total\\{[^}]*process=\"microcredit-application\"[^}]*\\} [1-9]")
            .containsPattern("kadinaile_process_instances_ended_total\\{[^}]*endEvent=\"EndEvent_ApplicationIneligible\""
                + "[^}]*process=\"microcredit-application\"[^}]*\\} [1-9]")
            .containsPattern("kadinaile_user_task_duration_seconds_count\\{[^}]*process=\"microcredit-application\""
                + "[^}]*task=\"Task_CheckDocuments\"[^}]*\\} [1-9]")
            .contains("kadinaile_incidents_open", "kadinaile_jobs_no_retries", "kadinaile_outbox_pending");
    }

    @Test
    void shouldLetManagersReadTheMetrics() {
        ResponseEntity<String> response = rest.withBasicAuth("hatice.sahin", "demo").getForEntity(PROMETHEUS, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldAskAnonymousCallersToLogIn() {
        ResponseEntity<String> response = rest.getForEntity(PROMETHEUS, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWithIgnoringCase("Basic");
        assertThat(String.valueOf(response.getBody())).doesNotContain("kadinaile_");
    }

    @Test
    void shouldRefuseStaffOutsideManagersAndAdministrators() {
        ResponseEntity<String> response = rest.withBasicAuth("ayse.yilmaz", "demo").getForEntity(PROMETHEUS, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(response.getBody())).doesNotContain("kadinaile_");
    }
}
