package tr.bel.izmit.kadinaile.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.KadinAileApplication;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.portal.PortalApplications;

/**
 * Seat reservation on a real PostgreSQL with two application nodes (two Spring contexts, each with its own
 * engine and connection pool) on one database: 200 applications for a 20-seat course submitted at the same
 * moment through the portal's service, half on each node, give exactly 20 seats and 180 places in line numbered
 * 1..180; a withdrawal gives the seat to number 1.
 */
class SeatReservationPostgresIT {

    private static final int APPLICATIONS = 200;
    private static final int SEATS = 20;

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // one after the other, as a rolling start would: the first creates the schemas, the second finds them
        nodeA = node("node-a");
        nodeB = node("node-b");
    }

    @AfterAll
    static void stop() throws IOException {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(KadinAileApplication.class)
            .profiles("test")
            // as command-line arguments, so that they win over the profile's own settings
            .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.datasource.hikari.pool-name=" + name,
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false");
    }

    @Test
    void shouldGiveExactlyTheCapacityAndNumberTheLineWhenTwoHundredApplyAtOnceOnTwoNodes() throws Exception {
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
        Course course = new CourseTestData(nodeA.getBean(CourseCentreRepository.class), nodeA.getBean(InstructorRepository.class),
            nodeA.getBean(CourseRepository.class)).course(SEATS, false, 16, LocalDate.now().plusDays(30),
            EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(13, 0), LocalTime.of(16, 0), "2026-2");

        List<Map<String, Object>> forms = IntStream.range(0, APPLICATIONS)
            .mapToObj(i -> CourseTestData.startForm(course.getCode())).toList();
        CountDownLatch ready = new CountDownLatch(16);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<String>> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < APPLICATIONS; i++) {
                PortalApplications node = (i % 2 == 0 ? nodeA : nodeB).getBean(PortalApplications.class);
                Map<String, Object> form = forms.get(i);
                boolean first = i < 16;
                submitted.add(threads.submit(() -> {
                    if (first) {
                        ready.countDown();
                        go.await();
                    }
                    return node.submit(CourseProcess.KEY, new java.util.HashMap<>(form), null).trackingCode();
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> future : submitted) {
                codes.add(future.get(5, TimeUnit.MINUTES));
            }
            assertThat(codes).hasSize(APPLICATIONS).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }

        // exactly the capacity got seats; the rest wait with the numbers 1..180, each once
        assertThat(jdbc.queryForObject("select seats_taken from crs_course where id = ?", Integer.class, course.getId()))
            .isEqualTo(SEATS);
        assertThat(count(jdbc, course, "ENROLLED")).isEqualTo(SEATS);
        assertThat(count(jdbc, course, "WAITLISTED")).isEqualTo(APPLICATIONS - SEATS);
        assertThat(jdbc.queryForList("select waitlist_seq from crs_application where course_id = ? and status = 'WAITLISTED' "
            + "order by waitlist_seq", Integer.class, course.getId()))
            .containsExactlyElementsOf(IntStream.rangeClosed(1, APPLICATIONS - SEATS).boxed().toList());
        CourseApplicationRepository applications = nodeB.getBean(CourseApplicationRepository.class);
        CourseSeats seats = nodeB.getBean(CourseSeats.class);
        List<CourseApplication> line = applications.waitlistOf(course.getId());
        assertThat(line.stream().map(seats::position).toList())
            .containsExactlyElementsOf(IntStream.rangeClosed(1, APPLICATIONS - SEATS).boxed().toList());

        // both nodes see the same processes: 20 wait for the course's end, 180 for a seat
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            RuntimeService runtime = node.getBean(RuntimeService.class);
            assertThat(runtime.createExecutionQuery().processDefinitionKey(CourseProcess.KEY).activityId(Elements.COURSE_STARTS).count())
                .isEqualTo(SEATS);
            assertThat(runtime.createExecutionQuery().processDefinitionKey(CourseProcess.KEY)
                .activityId(Elements.GATEWAY_WAIT_FOR_SEAT).count()).isEqualTo(APPLICATIONS - SEATS);
        }
        // the applications of both nodes are in the one history
        assertThat(nodeA.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY)
            .count()).isEqualTo(APPLICATIONS);

        // a withdrawal on node B gives the seat to number 1, and everyone behind moves up
        String holder = jdbc.queryForObject("select tracking_code from crs_application where course_id = ? and status = 'ENROLLED' "
            + "order by id fetch first 1 rows only", String.class, course.getId());
        String firstInLine = line.get(0).getTrackingCode();
        String secondInLine = line.get(1).getTrackingCode();
        nodeB.getBean(PortalApplications.class).withdraw(holder);

        assertThat(status(jdbc, holder)).isEqualTo("WITHDRAWN");
        assertThat(status(jdbc, firstInLine)).isEqualTo("ENROLLED");
        assertThat(jdbc.queryForObject("select seats_taken from crs_course where id = ?", Integer.class, course.getId()))
            .isEqualTo(SEATS);
        assertThat(count(jdbc, course, "ENROLLED")).isEqualTo(SEATS);
        assertThat(count(jdbc, course, "WAITLISTED")).isEqualTo(APPLICATIONS - SEATS - 1);
        CourseApplication second = applications.findByTrackingCode(secondInLine).orElseThrow();
        assertThat(seats.position(second)).isEqualTo(1);
        RuntimeService runtimeA = nodeA.getBean(RuntimeService.class);
        String promoted = runtimeA.createProcessInstanceQuery().processInstanceBusinessKey(firstInLine).singleResult().getId();
        assertThat(runtimeA.getActiveActivityIds(promoted)).containsExactly(Elements.COURSE_STARTS);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Integer.class,
            "course:" + applications.findByTrackingCode(firstInLine).orElseThrow().getId() + ":PLACED_FROM_WAITLIST:%")).isEqualTo(1);
    }

    private static int count(JdbcTemplate jdbc, Course course, String status) {
        return jdbc.queryForObject("select count(*) from crs_application where course_id = ? and status = ?", Integer.class,
            course.getId(), status);
    }

    private static String status(JdbcTemplate jdbc, String trackingCode) {
        return jdbc.queryForObject("select status from crs_application where tracking_code = ?", String.class, trackingCode);
    }
}
