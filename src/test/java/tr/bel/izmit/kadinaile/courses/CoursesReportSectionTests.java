package tr.bel.izmit.kadinaile.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;
import tr.bel.izmit.kadinaile.metrics.ActivityReport;

/**
 * The İZMEK section of the activity report after a known mix went through the real process, with the engine's
 * clock in 2021 (a context of its own, so that no other test's courses count).
 */
@SpringBootTest(properties = "app.test.context=courses-report")
@ActiveProfiles("test")
class CoursesReportSectionTests {

    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;
    @Autowired
    CourseCaseActions caseActions;
    @Autowired
    CoursesReportSection section;
    @Autowired
    ActivityReport report;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldReportEveryCourseFigureOfThePeriodExactly() {
        at(LocalDate.of(2021, 3, 10), 10);
        CourseCentre kozluk = centres.save(new CourseCentre("R-KOZ", "Kozluk İZMEK Kurs Merkezi", "IZMIT", true));
        CourseCentre gebze = centres.save(new CourseCentre("R-GEB", "Gebze İZMEK Kurs Merkezi", "GEBZE", true));
        CourseCentre closed = centres.save(new CourseCentre("R-KAP", "Kapalı Kurs Merkezi", "KANDIRA", false));
        Instructor teacher = instructors.save(new Instructor("Rapor Öğretici", "Dikiş", true));
        instructors.save(new Instructor("Ayrılmış Öğretici", "Seramik", false));
        Course sewing = course("RPR-0001", "Dikiş Nakış", kozluk, teacher, 2, false, LocalDate.of(2021, 4, 1));
        Course hair = course("RPR-0002", "Kuaförlük", gebze, teacher, 4, true, LocalDate.of(2021, 4, 5));
        course("RPR-0003", "Seramik", kozluk, teacher, 10, false, LocalDate.of(2022, 4, 5));
        centres.save(closed);

        ProcessInstance completes = start(sewing);
        ProcessInstance dropsOut = start(sewing);
        start(sewing); // waits
        ProcessInstance withdraws = start(sewing);
        ProcessInstance accepted = start(hair);
        ProcessInstance rejected = start(hair);
        caseActions.withdrawByApplicant(withdraws.getBusinessKey());
        complete(accepted, Map.of(Vars.INTERVIEW_DECISION, "ACCEPT"));
        complete(rejected, Map.of(Vars.INTERVIEW_DECISION, "REJECT"));

        // the sewing course ends on 26 May: one attended, one did not; the certificate is issued on the 27th
        at(LocalDate.of(2021, 5, 27), 9);
        for (ProcessInstance trainee : new ProcessInstance[] {completes, dropsOut}) {
            // the start timer, then the end timer
            managementService.executeJob(managementService.createJobQuery().processInstanceId(trainee.getId()).singleResult().getId());
            managementService.executeJob(managementService.createJobQuery().processInstanceId(trainee.getId()).singleResult().getId());
        }
        complete(completes, Map.of(Vars.ABSENT_HOURS, 5L));
        complete(dropsOut, Map.of(Vars.ABSENT_HOURS, 40L));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(completes.getId()).singleResult().getId());

        CoursesReportSection.Figures march = section.figures(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31));
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("Kozluk İZMEK Kurs Merkezi", new BigDecimal("100.0"));
        rates.put("Gebze İZMEK Kurs Merkezi", new BigDecimal("25.0"));
        assertThat(march).isEqualTo(new CoursesReportSection.Figures(6, 1, 1, 1, 0, 2, 1, Map.of(), 1));
        assertThat(march.fillRateByCentre()).isEmpty();

        CoursesReportSection.Figures spring = section.figures(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 5, 31));
        assertThat(spring.applications()).isEqualTo(6);
        assertThat(spring.certificates()).isEqualTo(1);
        assertThat(spring.fillRateByCentre()).containsExactlyEntriesOf(rates);
        assertThat(spring.waitlistLength()).isEqualTo(1);

        // a period without applications still shows the courses running in it and the line as it is now
        CoursesReportSection.Figures april = section.figures(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30));
        assertThat(april).isEqualTo(new CoursesReportSection.Figures(0, 0, 0, 0, 0, 2, 1, april.fillRateByCentre(), 1));
        assertThat(april.fillRateByCentre()).containsExactlyEntriesOf(rates);

        assertThat(report.report(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31)).section("courses")).isEqualTo(march);
        assertThat(report.report(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31)).notYetAvailable()).doesNotContain("courses");
        assertThat(CoursesReportSection.Figures.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly(
            "applications", "enrolled", "waitlisted", "completed", "certificates", "activeCentres", "instructors",
            "fillRateByCentre", "waitlistLength");
    }

    private Course course(String code, String title, CourseCentre centre, Instructor teacher, int capacity, boolean interview,
            LocalDate startsOn) {
        return courses.save(new Course(code, new Course.Details(title, centre, teacher, startsOn.getYear() + "-1", capacity,
            startsOn, startsOn.plusWeeks(8).minusDays(1), 6, EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0),
            LocalTime.of(12, 0), 16, interview, true)));
    }

    private ProcessInstance start(Course course) {
        ProcessInstance started = runtimeService.startProcessInstanceByKey(CourseProcess.KEY,
            CourseTestData.startForm(course.getCode()));
        return runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, Map<String, Object> values) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
            withVariables(values.keySet().iterator().next(), values.values().iterator().next()));
    }

    private static void at(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(ISTANBUL).toInstant()));
    }
}
