package tr.bel.izmit.kadinaile.izgim.seminars;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * The seminar's seats on a real PostgreSQL: two citizens who send the portal's form for the last seat at the same
 * moment get one seat and one first place in line; thirty registrations at once for five seats give exactly five
 * seats and a line numbered 1..25 without a gap or a double. Same context as {@code metrics.DashboardPostgresIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.demo.enabled=false")
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class SeminarRegistrationPostgresIT {

    @LocalServerPort
    int port;
    @Autowired
    Seminars seminars;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldGiveTheLastSeatToOneOfTwoSimultaneousRegistrationsAndTheFirstPlaceInLineToTheOther() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
        long seminar = seminar("Son Koltuk Semineri", 2);
        SeminarTestSupport portal = new SeminarTestSupport(port);
        assertThat(portal.register(seminar, "Ece Önceden", "05320000001", "").body()).contains("Yeriniz ayrıldı");
        SeminarTestSupport.Session first = portal.openForm(seminar);
        SeminarTestSupport.Session second = portal.openForm(seminar);

        List<HttpResponse<String>> answers = atOnce(List.of(
            () -> portal.post("/basvuru/seminerler/" + seminar, first.cookie(),
                java.util.Map.of("_csrf", first.token(), "fullName", "Fulya Aynı An", "phone", "05320000002", "email", "")),
            () -> portal.post("/basvuru/seminerler/" + seminar, second.cookie(),
                java.util.Map.of("_csrf", second.token(), "fullName", "Gönül Aynı An", "phone", "05320000003", "email", ""))));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers).extracting(answer -> answer.body().contains("Yeriniz ayrıldı") ? "seat" : "line")
            .containsExactlyInAnyOrder("seat", "line");
        assertThat(answers).filteredOn(answer -> !answer.body().contains("Yeriniz ayrıldı"))
            .allSatisfy(answer -> assertThat(answer.body()).contains("Yedek listede 1. sıradasınız"));
        assertThat(jdbc.queryForList("select status from izs_registration where seminar_id = ? order by status", String.class, seminar))
            .containsExactly("CONFIRMED", "CONFIRMED", "WAITING");
    }

    @Test
    void shouldGiveExactlyTheCapacityAndNumberTheLineWhenThirtyRegisterAtOnce() throws Exception {
        long seminar = seminar("Kalabalık Seminer", 5);
        List<Callable<Seminars.Registered>> registrations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String phone = String.format("532%07d", 100 + i);
            registrations.add(() -> seminars.register(seminar, new Seminars.Registrant("Aynı An " + phone, phone, null)));
        }

        List<Seminars.Registered> registered = atOnce(registrations);

        assertThat(registered).filteredOn(r -> r.status() == Seminars.Status.CONFIRMED).hasSize(5);
        assertThat(registered).filteredOn(r -> r.status() == Seminars.Status.WAITING).extracting(Seminars.Registered::placeInLine)
            .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(seminars.find(seminar).orElseThrow().confirmed()).isEqualTo(5);
    }

    private long seminar(String title, int capacity) {
        LocalDateTime start = LocalDateTime.now().plusDays(5).withNano(0);
        return seminars.create(new Seminars.NewSeminar("SEMINAR", title, null, start, start.plusHours(2), "İZGİM Seminer Salonu",
            null, capacity), "test");
    }

    /** Runs the calls at the same moment, each on its own thread (its own transaction and connection). */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
