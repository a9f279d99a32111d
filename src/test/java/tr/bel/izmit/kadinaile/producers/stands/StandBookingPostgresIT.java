package tr.bel.izmit.kadinaile.producers.stands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.producers.ProducerFixtures;
import tr.bel.izmit.kadinaile.producers.ProducerTestData;
import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * No double booking on a real PostgreSQL: many producers ask for the same day at once, their allocation jobs run at
 * once, and exactly as many places as the day has are held, each by a different producer. The database constraints
 * that back this are tried directly too.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class StandBookingPostgresIT {

    private static final int REQUESTS = 12;
    private static final int PLACES = 3;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldHoldExactlyTheDaysPlacesForDifferentProducersUnderConcurrentRequests() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
        LocalDate day = LocalDate.now().plusDays(20);
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, Object> application = ProducerTestData.person();
            String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, application);
            forms.add(new HashMap<>(Map.of(MarketStandProcess.Vars.PRODUCER_CODE, code,
                MarketStandProcess.Vars.VERIFICATION_CODE, ProducerTestData.lastFourOfPhone(application),
                MarketStandProcess.Vars.LOCATION, "CUMHURIYET_PARKI", MarketStandProcess.Vars.STAND_DATE, day.toString())));
        }

        // all requests at once: the day's row of places is created once
        List<ProcessInstance> instances = concurrently(forms.stream().<Callable<ProcessInstance>>map(form ->
            () -> runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, form)).toList());
        assertThat(jdbc.queryForObject("select count(*) from st_location_day where location_code = 'CUMHURIYET_PARKI' and stand_date = ?",
            Integer.class, Date.valueOf(day))).isEqualTo(1);
        jdbc.update("update st_location_day set capacity = ? where location_code = 'CUMHURIYET_PARKI' and stand_date = ?", PLACES,
            Date.valueOf(day));

        // the allocation time comes for all, then all allocation jobs run at once
        concurrently(instances.stream().<Callable<Void>>map(i -> () -> runJob(i, true)).toList());
        concurrently(instances.stream().<Callable<Void>>map(i -> () -> runJob(i, false)).toList());

        assertThat(jdbc.queryForObject("select booked from st_location_day where location_code = 'CUMHURIYET_PARKI' and stand_date = ?",
            Integer.class, Date.valueOf(day))).isEqualTo(PLACES);
        assertThat(jdbc.queryForObject("select count(*) from st_booking where location_code = 'CUMHURIYET_PARKI' and stand_date = ?",
            Integer.class, Date.valueOf(day))).isEqualTo(PLACES);
        assertThat(jdbc.queryForObject("select count(distinct producer_id) from st_booking where location_code = 'CUMHURIYET_PARKI' "
            + "and stand_date = ?", Integer.class, Date.valueOf(day))).isEqualTo(PLACES);
        assertThat(jdbc.queryForList("select status from st_request where location_code = 'CUMHURIYET_PARKI' and stand_date = ?",
            String.class, Date.valueOf(day))).hasSize(REQUESTS)
            .filteredOn("HELD"::equals).hasSize(PLACES);
        long confirming = instances.stream().filter(i -> !runtimeService.getActiveActivityIds(i.getId())
            .contains(MarketStandProcess.Elements.WAIT_FOR_PLACE)).count();
        assertThat(confirming).isEqualTo(PLACES);
        assertThat(taskService.createTaskQuery().processDefinitionKey(MarketStandProcess.KEY)
            .taskDefinitionKey(MarketStandProcess.Elements.CONFIRM).list().stream()
            .filter(t -> instances.stream().anyMatch(i -> i.getId().equals(t.getProcessInstanceId())))).hasSize(PLACES);
    }

    @Test
    void shouldGiveAProducerAtMostOnePlaceADayEvenWhenHerRequestsRunAtOnce() throws Exception {
        LocalDate day = LocalDate.now().plusDays(25);
        Map<String, Object> application = ProducerTestData.person();
        String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, application);
        List<Callable<ProcessInstance>> starts = new ArrayList<>();
        for (String location : List.of("SANAT_SOKAGI", "ANITPARK", "DOLPHIN", "KULTUR_TEPESI")) {
            Map<String, Object> form = new HashMap<>(Map.of(MarketStandProcess.Vars.PRODUCER_CODE, code,
                MarketStandProcess.Vars.VERIFICATION_CODE, ProducerTestData.lastFourOfPhone(application),
                MarketStandProcess.Vars.LOCATION, location, MarketStandProcess.Vars.STAND_DATE, day.toString()));
            starts.add(() -> {
                try {
                    return runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, form);
                } catch (RuntimeException refusedAsASecondRequest) {
                    return null;
                }
            });
        }
        List<ProcessInstance> started = concurrently(starts).stream().filter(java.util.Objects::nonNull).toList();
        assertThat(started).isNotEmpty();

        concurrently(started.stream().<Callable<Void>>map(i -> () -> runJob(i, true)).toList());
        concurrently(started.stream().<Callable<Void>>map(i -> () -> runJob(i, false)).toList());

        assertThat(jdbc.queryForObject("select count(*) from st_booking b join pr_producer p on p.id = b.producer_id "
            + "where p.tracking_code = ? and b.stand_date = ?", Integer.class, code, Date.valueOf(day))).isEqualTo(1);
    }

    @Test
    void shouldLetTheDatabaseRefuseMorePlacesThanTheDayHasAndASecondPlaceOfAProducer() {
        LocalDate day = LocalDate.now().plusDays(30);
        jdbc.update("insert into st_location_day (location_code, stand_date, capacity, booked) values ('DOLPHIN', ?, 2, 2)",
            Date.valueOf(day));
        assertThatThrownBy(() -> jdbc.update("update st_location_day set booked = booked + 1 where location_code = 'DOLPHIN' "
            + "and stand_date = ?", Date.valueOf(day))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.update("update st_location_day set booked = booked + 1 where location_code = 'DOLPHIN' and stand_date = ? "
            + "and booked < capacity", Date.valueOf(day))).isZero();

        Map<String, Object> application = ProducerTestData.person();
        String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, application);
        long producerId = jdbc.queryForObject("select id from pr_producer where tracking_code = ?", Long.class, code);
        long first = request(producerId, "ST-TEST-0001", day);
        long second = request(producerId, "ST-TEST-0002", day);
        jdbc.update("update st_location_day set capacity = 4 where location_code = 'DOLPHIN' and stand_date = ?", Date.valueOf(day));
        jdbc.update("insert into st_booking (request_id, producer_id, location_code, stand_date, booked_at) values (?, ?, 'DOLPHIN', ?, now())",
            first, producerId, Date.valueOf(day));
        assertThatThrownBy(() -> jdbc.update("insert into st_booking (request_id, producer_id, location_code, stand_date, booked_at) "
            + "values (?, ?, 'DOLPHIN', ?, now())", second, producerId, Date.valueOf(day))).isInstanceOf(DataIntegrityViolationException.class);
    }

    private long request(long producerId, String code, LocalDate day) {
        jdbc.update("insert into st_request (tracking_code, producer_id, location_code, stand_date, status, requested_at) "
            + "values (?, ?, 'DOLPHIN', ?, 'WAITING', now())", code, producerId, Date.valueOf(day));
        return jdbc.queryForObject("select id from st_request where tracking_code = ?", Long.class, code);
    }

    /**
     * Runs the instance's timer (or its allocation job) as the job executor would: a job that fails because a concurrent
     * transaction won (an optimistic lock, or a unique constraint such as one place per producer and day) is run again.
     */
    private Void runJob(ProcessInstance instance, boolean timer) {
        for (int attempt = 0; attempt < 10; attempt++) {
            var query = managementService.createJobQuery().processInstanceId(instance.getId());
            Job job = timer ? query.activityId(MarketStandProcess.Elements.ALLOCATION_TIME).singleResult()
                : query.activityId(MarketStandProcess.Elements.ALLOCATE).singleResult();
            if (job == null) {
                return null;
            }
            try {
                managementService.executeJob(job.getId());
                return null;
            } catch (OptimisticLockingException concurrentUpdate) {
                // the engine retries such jobs at once; so do we
            } catch (org.camunda.bpm.engine.ProcessEngineException lostToAConcurrentTransaction) {
                // the job executor retries a failed job (R3/PT5M); so do we, without waiting
                if (!(rootCause(lostToAConcurrentTransaction) instanceof org.postgresql.util.PSQLException)) {
                    throw lostToAConcurrentTransaction;
                }
            }
        }
        throw new IllegalStateException("job of " + instance.getId() + " kept failing");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
