package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.WebappSessions;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData;

/**
 * The "Vaka bilgileri" tab and the person search (issue 22 §1) through the door Tasklist uses: the user's own web app
 * session and the web apps' CSRF token. The line's social worker sees the woman's safe phone and times only after a
 * stated reason, and every opening is audited without the data; nobody outside the line sees anything of it (a staff
 * member of another service, a manager, the administrator); the course coordinator sees the applicant's phone for the
 * pre-interview; the person search stays within the services of the caller's groups and never reaches the line from
 * outside. Afterwards no table holds the line's canaries in clear, the audit tables hold no searched term, and the log
 * holds none either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class CaseViewTests {

    private static final String ADMIN_PASSWORD = "test-only-Admin-Password-1";
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final String REASON = "Kuruma yönlendirme";
    private static final String WHY = "SONİM yönlendirmesi öncesi güvenli saati kontrol";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    /** Distinct per test (the tests share one database): the woman's name, safe phone and safe times. */
    private final int number = 7341 + CASES.incrementAndGet();
    private final String name = "Lale Kanarya-CV-" + number;
    private final String phone = "054199" + String.format("%05d", number);
    private final String times = "Salı 14:00-15:30 Kanarya-saat-" + number;
    private String lineTask;
    private String lineInstance;

    @BeforeEach
    void openALineCase() {
        Map<String, Object> intake = new HashMap<>(ViolenceLineTestData.intake());
        intake.put("victimName", name);
        intake.put("safePhone", phone);
        intake.put("safeCallTimes", times);
        identity.setAuthentication("merve.koc", List.of("violence-line-operators"));
        try {
            lineInstance = runtime.startProcessInstanceByKey("violence-line-referral", intake).getId();
        } finally {
            identity.clearAuthentication();
        }
        Task referral = tasks.createTaskQuery().processInstanceId(lineInstance).taskCandidateGroup("violence-line-social-workers")
            .list().get(0);
        lineTask = referral.getId();
    }

    @Test
    void shouldShowTheLinesSocialWorkerTheCaseOnlyAfterAStatedReasonAndAuditEachOpening() {
        HttpHeaders selin = WebappSessions.login(rest, "tasklist", "selin.aydin", "demo");

        ResponseEntity<String> description = rest.exchange(describe(lineTask), HttpMethod.GET, new HttpEntity<>(selin), String.class);
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(description.getBody()).contains("\"reasonRequired\":true").contains("Bu görüntüleme kayıt altına alınır")
            .contains("Güvenli telefon").doesNotContain(name).doesNotContain(String.valueOf(number));

        // no reason, a reason not offered, too short an explanation: refused, nothing shown, the attempt recorded
        for (Map<String, String> missing : List.of(Map.<String, String>of(), Map.of("reasonChoice", REASON, "reason", "kısa"),
                Map.of("reasonChoice", "Merak", "reason", WHY))) {
            ResponseEntity<String> refused = rest.exchange(view(lineTask), HttpMethod.POST, json(selin, missing), String.class);
            assertThat(refused.getStatusCode()).as(missing.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("\"field\":\"reason\"").contains("en az 10 karakter").doesNotContain(String.valueOf(number));
        }
        assertThat(auditCount("selin.aydin", "REASON_MISSING")).isEqualTo(3);

        ResponseEntity<String> shown = rest.exchange(view(lineTask), HttpMethod.POST,
            json(selin, Map.of("reasonChoice", REASON, "reason", WHY)), String.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getHeaders().getCacheControl()).contains("no-store");
        // the intake stores a phone in its normalised ten-digit form (common.validation.Identifier)
        assertThat(shown.getBody()).contains(name).contains(phone.substring(1)).contains(times).contains("\"confidential\":true")
            .contains("\"reference\":\"SH-");

        Map<String, Object> audit = jdbc.queryForMap("select * from cw_case_view_audit where user_id = 'selin.aydin'"
            + " and outcome = 'SHOWN' and task_id = ?", lineTask);
        assertThat(audit.get("PROCESS_KEY")).isEqualTo("violence-line-referral");
        assertThat(audit.get("PROCESS_INSTANCE_ID")).isEqualTo(lineInstance);
        assertThat((String) audit.get("FIELDS")).contains("victimName", "safePhone", "safeCallTimes");
        assertThat(audit.get("REASON")).isEqualTo(REASON + " — " + WHY);
        assertThat(audit.get("VIEWED_AT")).isNotNull();
        assertThat(audit.get("CASE_REFERENCE").toString()).startsWith("SH-");
        // the line's own access audit records the read too
        assertThat(jdbc.queryForObject("select count(*) from vl_access_audit a join vl_case c on c.id = a.case_id"
            + " where c.process_instance_id = ? and a.user_id = 'selin.aydin' and a.action = 'READ_PERSONAL_DATA'",
            Integer.class, lineInstance)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheLineToEveryoneOutsideItsTaskWithoutAnyOfItsData() {
        Map<String, String> others = Map.of("burcu.yildiz", "demo", "ayse.yilmaz", "demo", "hatice.sahin", "demo",
            "admin", ADMIN_PASSWORD, "merve.koc", "demo");
        others.forEach((user, password) -> {
            HttpHeaders session = WebappSessions.login(rest, "tasklist", user, password);
            ResponseEntity<String> described = rest.exchange(describe(lineTask), HttpMethod.GET, new HttpEntity<>(session), String.class);
            ResponseEntity<String> viewed = rest.exchange(view(lineTask), HttpMethod.POST,
                json(session, Map.of("reasonChoice", REASON, "reason", WHY)), String.class);
            for (ResponseEntity<String> response : List.of(described, viewed)) {
                // the managers and the administrator are outside every group that sees case data: refused at the door;
                // staff of another service and the line's operator (not on this task): as if the task did not exist
                assertThat(response.getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                assertThat(String.valueOf(response.getBody())).as(user).doesNotContain(String.valueOf(number)).doesNotContain("SH-")
                    .doesNotContain("Şiddet");
            }
        });
        assertThat(jdbc.queryForObject("select count(*) from cw_case_view_audit where task_id = ? and outcome = 'SHOWN'",
            Integer.class, lineTask)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cw_case_view_audit where task_id = ? and outcome = 'REFUSED'",
            Integer.class, lineTask)).isGreaterThanOrEqualTo(6);

        // HTTP Basic is no door here, and a session's changing request needs the web apps' CSRF token
        assertThat(rest.withBasicAuth("selin.aydin", "demo").exchange(describe(lineTask), HttpMethod.GET, null, String.class)
            .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders selin = WebappSessions.login(rest, "tasklist", "selin.aydin", "demo");
        HttpHeaders withoutToken = new HttpHeaders();
        withoutToken.addAll(selin);
        withoutToken.remove("X-XSRF-TOKEN");
        ResponseEntity<String> forged = rest.exchange(view(lineTask), HttpMethod.POST,
            json(withoutToken, Map.of("reasonChoice", REASON, "reason", WHY)), String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(forged.getBody())).doesNotContain(String.valueOf(number));
        HttpHeaders wrongToken = new HttpHeaders();
        wrongToken.addAll(withoutToken);
        wrongToken.add("X-XSRF-TOKEN", "not-the-sessions-token");
        assertThat(rest.exchange(view(lineTask), HttpMethod.POST, json(wrongToken, Map.of("reasonChoice", REASON, "reason", WHY)),
            String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldShowTheCourseCoordinatorThePhoneForThePreInterviewWithoutAReason() {
        Task interview = tasks.createTaskQuery().processDefinitionKey("course-enrollment")
            .taskCandidateGroup("course-coordinators").list().get(0);
        HttpHeaders burcu = WebappSessions.login(rest, "tasklist", "burcu.yildiz", "demo");

        ResponseEntity<String> description = rest.exchange(describe(interview.getId()), HttpMethod.GET, new HttpEntity<>(burcu),
            String.class);
        assertThat(description.getBody()).contains("\"reasonRequired\":false").contains("Telefon");
        ResponseEntity<Map> shown = rest.exchange(view(interview.getId()), HttpMethod.POST, json(burcu, Map.of()), Map.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, String>> fields = (List<Map<String, String>>) shown.getBody().get("fields");
        assertThat(fields).extracting(field -> field.get("key")).containsExactly("fullName", "phone", "birthDate", "course");
        assertThat(fields.get(1).get("value")).matches("05[0-9]{9}");
        assertThat(auditCount("burcu.yildiz", "SHOWN")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reason from cw_case_view_audit where user_id = 'burcu.yildiz'", String.class)).isNull();

        // another service's staff and the course's instructors (not on this task) get nothing
        for (String user : List.of("seda.kurt", "gulsen.dogan", "ayse.yilmaz")) {
            HttpHeaders session = WebappSessions.login(rest, "tasklist", user, "demo");
            ResponseEntity<String> refused = rest.exchange(view(interview.getId()), HttpMethod.POST, json(session, Map.of()), String.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(String.valueOf(refused.getBody())).as(user).doesNotContain(fields.get(0).get("value"))
                .doesNotContain(fields.get(1).get("value"));
        }
    }

    @Test
    void shouldSearchOnlyTheCallersServicesAndTheLineOnlyFromInside(CapturedOutput output) {
        HttpHeaders selin = WebappSessions.login(rest, "tasklist", "selin.aydin", "demo");
        ResponseEntity<Map> inside = rest.exchange(search(), HttpMethod.POST, json(selin, Map.of("kind", "NAME", "term", "lale kanarya-cv-" + number)),
            Map.class);
        assertThat(inside.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> found = (List<Map<String, Object>>) inside.getBody().get("results");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("service")).isEqualTo("Şiddet Hattı");
        assertThat((String) found.get(0).get("reference")).startsWith("SH-");
        assertThat(found.get(0).get("taskId")).isNotNull();
        assertThat((List<String>) found.get(0).get("currentSteps")).isNotEmpty();
        assertThat(rest.exchange(search(), HttpMethod.POST, json(selin, Map.of("kind", "PHONE", "term", phone.substring(0, 4) + " " + phone.substring(4))),
            Map.class).getBody().get("count")).isEqualTo(1);

        // from outside the line: its case is not found, whatever the key
        for (String user : List.of("ayse.yilmaz", "burcu.yildiz", "seda.kurt")) {
            HttpHeaders session = WebappSessions.login(rest, "tasklist", user, "demo");
            for (Map<String, String> key : List.of(Map.of("kind", "NAME", "term", name), Map.of("kind", "PHONE", "term", phone))) {
                ResponseEntity<String> outside = rest.exchange(search(), HttpMethod.POST, json(session, key), String.class);
                assertThat(outside.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
                assertThat(outside.getBody()).as(user).contains("\"count\":0").doesNotContain("SH-").doesNotContain("Şiddet");
            }
        }
        // a coordinator finds her own service's open cases and nothing of another service
        HttpHeaders burcu = WebappSessions.login(rest, "tasklist", "burcu.yildiz", "demo");
        String courseApplicant = jdbc.queryForObject("select full_name from crs_application where status = 'INTERVIEW'"
            + " order by id fetch first 1 rows only", String.class);
        ResponseEntity<Map> course = rest.exchange(search(), HttpMethod.POST,
            json(burcu, Map.of("kind", "NAME", "term", courseApplicant)), Map.class);
        assertThat((List<Map<String, Object>>) course.getBody().get("results")).isNotEmpty()
            .allSatisfy(hit -> assertThat(hit.get("service")).isEqualTo("İZMEK kurs başvurusu"));
        HttpHeaders ayse = WebappSessions.login(rest, "tasklist", "ayse.yilmaz", "demo");
        assertThat(rest.exchange(search(), HttpMethod.POST, json(ayse, Map.of("kind", "NAME", "term", courseApplicant)), Map.class)
            .getBody().get("count")).isEqualTo(0);
        assertThat(rest.exchange("/api/staff/people/services", HttpMethod.GET, new HttpEntity<>(ayse), String.class).getBody())
            .contains("İZGİM mikrokredi başvurusu").doesNotContain("Şiddet").doesNotContain("İZMEK");

        // a manager and the administrator search nothing
        for (Map.Entry<String, String> user : Map.of("hatice.sahin", "demo", "admin", ADMIN_PASSWORD).entrySet()) {
            HttpHeaders session = WebappSessions.login(rest, "tasklist", user.getKey(), user.getValue());
            assertThat(rest.exchange(search(), HttpMethod.POST, json(session, Map.of("kind", "NAME", "term", name)), String.class)
                .getStatusCode()).as(user.getKey()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // a bad key is refused in Turkish at the field
        ResponseEntity<String> bad = rest.exchange(search(), HttpMethod.POST, json(ayse, Map.of("kind", "TC_KIMLIK_NO", "term", "123")),
            String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("\"field\":\"term\"").contains("11 haneli");

        // every search audited: who, the kind of key, how many, in which services; the term only as a keyed hash
        List<Map<String, Object>> audits = jdbc.queryForList("select * from cw_person_search_audit where user_id = 'selin.aydin'"
            + " order by id");
        assertThat(audits).hasSize(2);
        assertThat(audits.get(0).get("KEY_KIND")).isEqualTo("NAME");
        assertThat(audits.get(0).get("RESULT_COUNT")).isEqualTo(1);
        assertThat((String) audits.get(0).get("KEY_HASH")).matches("[0-9a-f]{64}");
        assertThat((String) audits.get(0).get("SERVICES")).contains("violence-line-referral");
        assertThat(jdbc.queryForList("select services from cw_person_search_audit where user_id = 'ayse.yilmaz'", String.class))
            .isNotEmpty().allSatisfy(services -> assertThat(services).isEqualTo("microcredit-application"));

        // no table holds the line's values in clear after all these reads and searches, and the log holds none
        Map<String, String> tables = CanaryScan.tablesAsText(jdbc, false);
        for (String canary : List.of(name, "Kanarya-CV-" + number, phone, phone.substring(1), "Kanarya-saat-" + number, "lale kanarya-cv-" + number)) {
            assertThat(CanaryScan.tablesHolding(tables, canary)).as(canary).isEmpty();
            assertThat(output.getAll()).as(canary).doesNotContain(canary);
        }
        assertThat(tables.get("cw_person_search_audit")).doesNotContainIgnoringCase(courseApplicant);
    }

    private int auditCount(String user, String outcome) {
        return jdbc.queryForObject("select count(*) from cw_case_view_audit where user_id = ? and outcome = ?", Integer.class,
            user, outcome);
    }

    private static String describe(String taskId) {
        return "/api/staff/cases/tasks/" + taskId;
    }

    private static String view(String taskId) {
        return describe(taskId) + "/view";
    }

    private static String search() {
        return "/api/staff/people/search";
    }

    private static HttpEntity<Object> json(HttpHeaders session, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(session);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
