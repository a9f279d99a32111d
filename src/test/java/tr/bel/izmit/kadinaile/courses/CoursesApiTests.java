package tr.bel.izmit.kadinaile.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.portal.PublicApiTests;

/**
 * İZMEK through HTTP with the demo catalog: the public course list and certificate check, the coordinators'
 * catalog API with its 401 / 403 / 400 answers, and applications through the portal's JSON API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo", "app.portal.rate-limit.capacity=1000",
    "app.portal.status-response-floor=PT0.05S"})
@ActiveProfiles("test")
@SuppressWarnings({"unchecked", "rawtypes"})
class CoursesApiTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;
    @Autowired
    CourseApplicationRepository applications;
    @Autowired
    CourseCertificates certificates;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    // ---------------------------------------------------------------- demo data in the real shape

    @Test
    void shouldCreateTheDemoCatalogInTheRealShapeWithWorkForTheCoordinatorAndTheInstructor() {
        // (other tests of this class add a centre, an instructor and a course of their own)
        List<CourseCentre> demoCentres = centres.findAll().stream().filter(c -> c.getCode().matches("MRK-[0-4][0-9]")).toList();
        assertThat(demoCentres).hasSize(47);
        assertThat(demoCentres.stream().filter(CourseCentre::isActive).count()).isEqualTo(38);
        assertThat(demoCentres).extracting(CourseCentre::getDistrict).contains("IZMIT", "GEBZE", "KORFEZ", "KANDIRA");
        assertThat(instructors.findAll().stream().filter(i -> !i.getFullName().startsWith("Yeni ")).count()).isEqualTo(160);
        List<Course> demoCourses = courses.findAll().stream().filter(c -> c.getCode().startsWith("KRS-")).toList();
        assertThat(demoCourses).hasSize(304);
        assertThat(demoCourses).allSatisfy(course -> assertThat(course.getCentre().isActive()).isTrue());
        assertThat(taskService.createTaskQuery().taskCandidateGroup("course-coordinators").taskDefinitionKey("Task_PreInterview")
            .count()).isGreaterThanOrEqualTo(1);
        assertThat(taskService.createTaskQuery().taskCandidateGroup("instructors").taskDefinitionKey("Task_RecordAttendance")
            .count()).isGreaterThanOrEqualTo(1);
    }

    // ---------------------------------------------------------------- public course list

    @Test
    void shouldListOnlyOpenCoursesWithFreeSeatsFilteredAndBounded() {
        Map body = http.getForObject("/api/public/courses?size=1000", Map.class);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) body.get("courses");
        assertThat(body.get("size")).isEqualTo(100);
        assertThat(listed).isNotEmpty().allSatisfy(course -> assertThat((Integer) course.get("freeSeats")).isPositive());
        long open = courses.findAll().stream()
            .filter(c -> c.acceptsApplicationsOn(java.time.LocalDate.now()) && c.freeSeats() > 0).count();
        assertThat(((Number) body.get("total")).longValue()).isEqualTo(open).isLessThan(courses.count());
        assertThat(listed.get(0)).doesNotContainKeys("seatsTaken", "id").containsKeys("code", "title", "centre", "district",
            "startsOn", "days", "startsAt", "minimumAge", "interviewRequired");

        List<Map<String, Object>> gebze = (List<Map<String, Object>>) http.getForObject("/api/public/courses?district=gebze&size=100",
            Map.class).get("courses");
        assertThat(gebze).isNotEmpty().allSatisfy(course -> assertThat(course.get("district")).isEqualTo("GEBZE"));
        List<Map<String, Object>> centre = (List<Map<String, Object>>) http.getForObject("/api/public/courses?centre=MRK-01&size=100",
            Map.class).get("courses");
        assertThat(centre).isNotEmpty().allSatisfy(course -> assertThat(course.get("centreCode")).isEqualTo("MRK-01"));
        List<Map<String, Object>> ebru = (List<Map<String, Object>>) http.getForObject("/api/public/courses?q=ebru&size=100",
            Map.class).get("courses");
        assertThat(ebru).isNotEmpty().allSatisfy(course -> assertThat((String) course.get("title")).isEqualTo("Ebru Sanatı"));
    }

    // ---------------------------------------------------------------- applications through the portal API

    @Test
    void shouldTakeAnApplicationAndRefuseBadOnesNamingTheField() {
        Course course = openCourse(false);
        ResponseEntity<Map> created = apply(CourseTestData.startForm(course.getCode()));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String code = (String) created.getBody().get("trackingCode");
        assertThat(code).matches("KR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        Map status = http.getForObject("/api/public/applications/" + code, Map.class);
        assertThat(status.toString()).contains("Başvurunuz alındı", "Kaydınız yapıldı").doesNotContain("Ayşe", "0532");
        assertThat(status).containsEntry("withdrawable", true);

        long before = applications.count();
        assertRefused(CourseTestData.startForm("ZZZ-9999"), "courseCode", "bulunamadı");
        Course closed = courses.findAll().stream().filter(c -> !c.acceptsApplicationsOn(java.time.LocalDate.now())).findFirst().orElseThrow();
        assertRefused(CourseTestData.startForm(closed.getCode()), "courseCode", "başvuru alınmıyor");
        String young = course.getStartsOn().minusYears(course.getMinimumAge()).plusDays(1).toString();
        assertRefused(CourseTestData.startForm(course.getCode(), CourseTestData.newTcKimlikNo(), young), "birthDate", "yaşında");
        Map<String, Object> duplicate = CourseTestData.startForm(course.getCode(),
            applications.findByTrackingCode(code).orElseThrow().getTcKimlikNo(), "1990-01-01");
        assertRefused(duplicate, "courseCode", "zaten");
        assertRefused(CourseTestData.startForm(course.getCode(), "12345678901", "1990-01-01"), "tcKimlikNo", "geçerli değil");
        assertThat(applications.count()).isEqualTo(before);

        ResponseEntity<Map> withdrawn = http.postForEntity("/api/public/applications/" + code + "/withdrawal", PublicApiTests.emptyJson(),
            Map.class);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(applications.findByTrackingCode(code).orElseThrow().getStatus()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertThat(http.getForObject("/api/public/applications/" + code, Map.class).toString()).contains("Başvurunuzu geri çektiniz");
    }

    // ---------------------------------------------------------------- certificates

    @Test
    void shouldVerifyACertificateWithInitialsCourseAndDateOnly() {
        Course course = openCourse(false);
        String code = (String) apply(CourseTestData.startForm(course.getCode())).getBody().get("trackingCode");
        Certificate certificate = certificates.issue(applications.findByTrackingCode(code).orElseThrow().getId());

        ResponseEntity<Map> found = http.getForEntity("/api/public/certificates/" + certificate.getNumber(), Map.class);
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getBody()).containsOnlyKeys("number", "holderInitials", "courseTitle", "issuedOn")
            .containsEntry("holderInitials", "A. N. Y.").containsEntry("courseTitle", course.getTitle());

        ResponseEntity<Map> unknown = http.getForEntity("/api/public/certificates/SR-0000-0000", Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("message", "Bu numarayla düzenlenmiş bir sertifika bulunamadı.");
        assertThat(http.getForEntity("/api/public/certificates/" + code, Map.class).getStatusCode().value())
            .as("a tracking code is no certificate number").isEqualTo(404);

        ResponseEntity<String> page = http.getForEntity("/basvuru/sertifika?numara=" + certificate.getNumber(), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Sertifika geçerli", "A. N. Y.", course.getTitle()).doesNotContain("Ayşe", "Yılmaz");
        ResponseEntity<String> missing = http.getForEntity("/basvuru/sertifika?numara=SR-0000-0000", String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).contains("Bu numarayla düzenlenmiş bir sertifika bulunamadı.");
    }

    // ---------------------------------------------------------------- coordinators' catalog API

    @Test
    void shouldLetOnlyCoordinatorsChangeTheCatalog() {
        Map<String, Object> request = courseRequest("TST-0100", 12);
        assertThat(http.exchange("/api/staff/courses", HttpMethod.POST, json(request), Map.class).getStatusCode().value())
            .isEqualTo(401);
        assertThat(http.getForEntity("/api/staff/courses", Map.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as("gulsen.dogan").exchange("/api/staff/courses", HttpMethod.POST, json(request), Map.class)
            .getStatusCode().value()).isEqualTo(403);
        assertThat(as("ayse.yilmaz").getForEntity("/api/staff/courses/centres", Map.class).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<Map> created = as("burcu.yildiz").exchange("/api/staff/courses", HttpMethod.POST, json(request), Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("code", "TST-0100").containsEntry("capacity", 12).containsEntry("seatsTaken", 0);
        assertThat(as("burcu.yildiz").getForEntity("/api/staff/courses/TST-0100", Map.class).getBody())
            .containsEntry("title", "Dijital Okuryazarlık");
        assertThat(http.getForObject("/api/public/courses?q=dijital okuryazarl", Map.class).toString()).contains("TST-0100");

        // one application, then the capacity may not drop below the trainees
        apply(CourseTestData.startForm("TST-0100"));
        ResponseEntity<Map> tooSmall = as("burcu.yildiz").exchange("/api/staff/courses/TST-0100", HttpMethod.PUT,
            json(courseRequest("TST-0100", 0)), Map.class);
        assertThat(tooSmall.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(tooSmall)).containsExactly("capacity");

        Map<String, Object> roster = as("gulsen.dogan").getForEntity("/api/staff/courses/TST-0100/roster", Map.class).getBody();
        assertThat((List<?>) roster.get("enrolled")).hasSize(1);
        assertThat(roster.toString()).contains("Ayşe Nur Yılmaz");
        assertThat(as("ayse.yilmaz").getForEntity("/api/staff/courses/TST-0100/roster", Map.class).getStatusCode().value())
            .isEqualTo(403);
        assertThat(as("burcu.yildiz").getForEntity("/api/staff/courses/XYZ-0000", Map.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldNameEveryWrongFieldOfACourse() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("code", "kurs");
        bad.put("title", "");
        bad.put("centreCode", "YOK-1");
        bad.put("instructorId", 999999);
        bad.put("term", "2026");
        bad.put("capacity", 0);
        bad.put("startsOn", "2026-13-01");
        bad.put("endsOn", "2026-01-01");
        bad.put("weeklyHours", 0);
        bad.put("days", List.of("PAZARTESI"));
        bad.put("startsAt", "12:00");
        bad.put("endsAt", "09:00");
        bad.put("minimumAge", -1);
        ResponseEntity<Map> answer = as("burcu.yildiz").exchange("/api/staff/courses", HttpMethod.POST, json(bad), Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("code", "title", "centreCode", "instructorId", "term", "capacity", "startsOn",
            "weeklyHours", "days", "endsAt", "minimumAge", "interviewRequired", "openForApplication");

        ResponseEntity<Map> centre = as("burcu.yildiz").exchange("/api/staff/courses/centres", HttpMethod.POST,
            json(Map.of("code", "MRK-01", "name", "", "district", "ISTANBUL")), Map.class);
        assertThat(centre.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(centre)).containsExactly("code", "name", "district");
        ResponseEntity<Map> created = as("burcu.yildiz").exchange("/api/staff/courses/centres", HttpMethod.POST,
            json(Map.of("code", "MRK-99", "name", "Yeni Kurs Merkezi", "district", "kartepe")), Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("district", "KARTEPE").containsEntry("active", true);
        ResponseEntity<Map> instructor = as("burcu.yildiz").exchange("/api/staff/courses/instructors", HttpMethod.POST,
            json(Map.of("fullName", "Yeni Öğretici", "speciality", "Seramik")), Map.class);
        assertThat(instructor.getStatusCode().value()).isEqualTo(201);
        assertThat(as("burcu.yildiz").exchange("/api/staff/courses/instructors", HttpMethod.POST, json(Map.of()), Map.class)
            .getStatusCode().value()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- portal pages and Tasklist start

    @Test
    void shouldShowTheOpenCoursesOnThePortalAndRenderTheStartFormWithTheCourseCode() {
        ResponseEntity<String> list = http.getForEntity("/basvuru/kurslar?district=GEBZE", String.class);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        Course gebze = courses.findAll().stream().filter(c -> c.getCode().startsWith("KRS-"))
            .filter(c -> c.getCentre().getDistrict().equals("GEBZE") && c.acceptsApplicationsOn(java.time.LocalDate.now())
                && c.freeSeats() > 0)
            .findFirst().orElseThrow();
        Course izmit = courses.findAll().stream().filter(c -> c.getCode().startsWith("KRS-"))
            .filter(c -> c.getCentre().getDistrict().equals("IZMIT")).findFirst().orElseThrow();
        assertThat(list.getBody()).contains("<html lang=\"tr\"", gebze.getCode(), "Gebze").doesNotContain("(" + izmit.getCode() + ")");

        ResponseEntity<String> form = http.getForEntity("/basvuru/" + CourseProcess.KEY, String.class);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody()).contains("name=\"courseCode\"", "/basvuru/kurslar", "name=\"birthDate\"");
        assertThat(http.getForEntity("/basvuru", String.class).getBody()).contains("href=\"/basvuru/course-enrollment\"");
    }

    @Test
    void shouldLetOnlyCoordinatorsStartAnApplicationInTasklist() {
        Course course = openCourse(false);
        Map<String, Object> variables = new HashMap<>();
        CourseTestData.startForm(course.getCode()).forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<Map> started = as("burcu.yildiz").exchange("/engine-rest/process-definition/key/course-enrollment/start",
            HttpMethod.POST, json(Map.of("variables", variables)), Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        assertThat((String) started.getBody().get("businessKey")).startsWith("KR-");
        ResponseEntity<Map> refused = as("gulsen.dogan").exchange("/engine-rest/process-definition/key/course-enrollment/start",
            HttpMethod.POST, json(Map.of("variables", variables)), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> courseRequest(String code, int capacity) {
        Map<String, Object> request = new HashMap<>();
        request.put("code", code);
        request.put("title", "Dijital Okuryazarlık");
        request.put("centreCode", "MRK-02");
        request.put("instructorId", instructors.findAll().get(0).getId());
        request.put("term", "2026-2");
        request.put("capacity", capacity);
        request.put("startsOn", java.time.LocalDate.now().plusDays(20).toString());
        request.put("endsOn", java.time.LocalDate.now().plusDays(80).toString());
        request.put("weeklyHours", 6);
        request.put("days", List.of("tuesday", "THURSDAY"));
        request.put("startsAt", "10:00");
        request.put("endsAt", "13:00");
        request.put("minimumAge", 16);
        request.put("interviewRequired", false);
        request.put("openForApplication", true);
        return request;
    }

    private Course openCourse(boolean interview) {
        java.time.LocalDate today = java.time.LocalDate.now();
        return courses.findAll().stream()
            .filter(c -> c.acceptsApplicationsOn(today) && c.isInterviewRequired() == interview && c.freeSeats() > 3)
            .filter(c -> c.getCode().startsWith("KRS-"))
            .reduce((first, second) -> second).orElseThrow();
    }

    private void assertRefused(Map<String, Object> values, String field, String messagePart) {
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count();
        ResponseEntity<Map> answer = apply(values);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        List<Map<String, String>> errors = (List<Map<String, String>>) answer.getBody().get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("message")).contains(messagePart);
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count()).isEqualTo(instances);
    }

    private ResponseEntity<Map> apply(Map<String, Object> values) {
        return http.exchange("/api/public/applications/" + CourseProcess.KEY, HttpMethod.POST, json(values), Map.class);
    }

    private static List<String> fields(ResponseEntity<Map> answer) {
        return ((List<Map<String, String>>) answer.getBody().get("errors")).stream().map(error -> error.get("field")).toList();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
