package tr.bel.izmit.kadinaile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.courses.Course;
import tr.bel.izmit.kadinaile.courses.CourseCentreRepository;
import tr.bel.izmit.kadinaile.courses.CourseRepository;
import tr.bel.izmit.kadinaile.courses.CourseTestData;
import tr.bel.izmit.kadinaile.courses.InstructorRepository;
import tr.bel.izmit.kadinaile.notification.OutboxDispatcher;
import tr.bel.izmit.kadinaile.portal.PublicApiTests;
import tr.bel.izmit.kadinaile.producers.ProducerTestData;

/**
 * PII never appears in the logs (issue 8, part 3): applications with canary personal data go through the real
 * processes (microcredit, courses, producers) — the public API, validation errors, staff steps, jobs,
 * notifications sent through the log transports — with our own code logging at DEBUG, and the whole captured output is searched
 * for every canary. (The violence line has its own, stricter canary test: {@code ViolenceLineCanaryTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "logging.level.tr.bel.izmit=DEBUG"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTests {

    /** A valid T.C. Kimlik No used nowhere else, and other values that exist only in this test. */
    static final String CANARY_TC = "48213905798";
    static final String CANARY_NAME = "Kanaryagül Loglarbakmaz";
    static final String CANARY_PHONE = "05417730291";
    static final String CANARY_EMAIL = "kanarya.log@example.org";
    static final String CANARY_IBAN = "TR330006100519786457841326";
    static final String CANARY_NEIGHBOURHOOD = "Kanaryadere";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    OutboxDispatcher outbox;
    @Autowired
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void shouldKeepEveryCanaryOutOfTheLogsOfAMicrocreditCase(CapturedOutput output) {
        Map<String, Object> form = microcreditForm();
        Map<String, Object> broken = new HashMap<>(form);
        broken.put("iban", CANARY_IBAN.substring(0, 20) + "999999");
        broken.put("phone", CANARY_PHONE + "9");
        ResponseEntity<Map> rejected = http.postForEntity("/api/public/applications/microcredit-application", broken, Map.class);
        ResponseEntity<Map> created = http.postForEntity("/api/public/applications/microcredit-application", form, Map.class);
        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String code = (String) created.getBody().get("trackingCode");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();

        complete(instance, "ayse.yilmaz", "izgim-officers", Map.of("documentsDecision", "COMPLETE"));
        complete(instance, "elif.demir", "entrepreneurship-mentors",
            Map.of("businessPlanScore", 4L, "businessPlanComment", "Plan gerçekçi."));
        complete(instance, "fatma.kaya", "microcredit-committee", Map.of("committeeDecision", "APPROVE", "approvedAmount", 3000L));
        Job disbursement = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService.executeJob(disbursement.getId());
        outbox.dispatchPending();
        http.getForEntity("/api/public/applications/" + code, Map.class);

        assertThat(runtimeService.getActiveActivityIds(instance.getId())).isNotEmpty();
        // the case went through and its notifications were logged, with masked addresses only
        assertThat(output.getAll()).contains(":DISBURSED:sms to ***91", ":DISBURSED:email to k***@example.org")
            .doesNotContain(CANARY_TC, CANARY_NAME, "Kanaryagül", "Loglarbakmaz", CANARY_PHONE, CANARY_PHONE.substring(1),
                CANARY_EMAIL, CANARY_IBAN, CANARY_IBAN.substring(4), CANARY_NEIGHBOURHOOD);
    }

    @Test
    void shouldKeepEveryCanaryOutOfTheLogsOfACourseApplication(CapturedOutput output) {
        Course course = new CourseTestData(centres, instructors, courses).course(1);
        Map<String, Object> first = CourseTestData.startForm(course.getCode(), CANARY_TC, "1990-01-01");
        first.put("fullName", CANARY_NAME);
        first.put("phone", CANARY_PHONE);
        Map<String, Object> second = CourseTestData.startForm(course.getCode());
        second.put("fullName", CANARY_NAME + " İkinci");
        Map<String, Object> underAge = CourseTestData.startForm(course.getCode(), CourseTestData.newTcKimlikNo(), "2020-01-01");
        underAge.put("fullName", CANARY_NAME);

        ResponseEntity<Map> enrolled = http.postForEntity("/api/public/applications/course-enrollment", first, Map.class);
        ResponseEntity<Map> waitlisted = http.postForEntity("/api/public/applications/course-enrollment", second, Map.class);
        ResponseEntity<Map> refused = http.postForEntity("/api/public/applications/course-enrollment", underAge, Map.class);
        http.postForEntity("/api/public/applications/" + enrolled.getBody().get("trackingCode") + "/withdrawal", PublicApiTests.emptyJson(),
            Map.class);
        outbox.dispatchPending();

        assertThat(enrolled.getStatusCode().value()).isEqualTo(201);
        assertThat(waitlisted.getStatusCode().value()).isEqualTo(201);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(output.getAll()).contains("handed to the log transport")
            .doesNotContain(CANARY_TC, CANARY_NAME, "Kanaryagül", "Loglarbakmaz", CANARY_PHONE, CANARY_PHONE.substring(1));
    }

    @Test
    void shouldKeepEveryCanaryOutOfTheLogsOfAProducerApplication(CapturedOutput output) {
        Map<String, Object> form = ProducerTestData.person();
        form.put("contactName", CANARY_NAME);
        form.put("tcKimlikNo", CANARY_TC);
        form.put("phone", CANARY_PHONE);
        form.put("email", CANARY_EMAIL);
        form.put("neighbourhood", CANARY_NEIGHBOURHOOD);
        Map<String, Object> badTaxNumber = ProducerTestData.foodCooperative();
        badTaxNumber.put("contactName", CANARY_NAME);
        String valid = (String) badTaxNumber.get("taxNumber");
        // the last digit is the check digit: any other one breaks the checksum
        badTaxNumber.put("taxNumber", valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10));

        ResponseEntity<Map> created = http.postForEntity("/api/public/applications/producer-onboarding", form, Map.class);
        ResponseEntity<Map> rejected = http.postForEntity("/api/public/applications/producer-onboarding", badTaxNumber, Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey((String) created.getBody().get("trackingCode")).singleResult();
        complete(instance, "seda.kurt", "market-coordinators", Map.of("reviewDecision", "APPROVE"));
        outbox.dispatchPending();

        assertThat(output.getAll()).contains("handed to the log transport")
            .doesNotContain(CANARY_TC, CANARY_NAME, "Kanaryagül", "Loglarbakmaz", CANARY_PHONE, CANARY_PHONE.substring(1),
                CANARY_EMAIL, CANARY_NEIGHBOURHOOD);
    }

    private static Map<String, Object> microcreditForm() {
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", CANARY_NAME);
        values.put("tcKimlikNo", CANARY_TC);
        values.put("phone", CANARY_PHONE);
        values.put("email", CANARY_EMAIL);
        values.put("district", "IZMIT");
        values.put("neighbourhood", CANARY_NEIGHBOURHOOD);
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte üretip semt pazarında satıyorum.");
        values.put("requestedAmount", 3000);
        values.put("termMonths", "6");
        values.put("iban", CANARY_IBAN);
        values.put("kvkkConsent", true);
        return values;
    }

    private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task).as("the next task of " + instance.getBusinessKey()).isNotNull();
        identityService.setAuthentication(user, List.of(group));
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
        identityService.clearAuthentication();
    }
}
