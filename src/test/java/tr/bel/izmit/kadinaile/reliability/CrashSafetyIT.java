package tr.bel.izmit.kadinaile.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.reliability.AppNode.Reply;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/**
 * Crash safety of the microcredit process, with the application as a real process on a real PostgreSQL:
 * 200 applications go through the public API and the staff decisions (engine REST API, as the officers,
 * mentor, committee member and manager of the process) into disbursement, while the node is killed twice:
 * once by itself, with {@code Runtime.halt} inside the transaction of a disbursement right after the loan and
 * its payment order were written (the test-only {@code microcredit.DisbursementCrashPoint}), and once with
 * SIGKILL from outside while disbursement jobs run. Each time the node is restarted and the work resumed
 * where it stood (submissions are repeated with their Idempotency-Key). Then every instance must be at its
 * next wait state, no job locked, exactly one loan and one payment order per approved application, the ledger
 * equal to the approved total and no notification delivered twice. The figures are printed and written to
 * {@code target/reliability/crash-figures.txt}.
 */
class CrashSafetyIT {

    static final int APPLICATIONS = 200;
    static final int CRASH_AT_DISBURSEMENT = 40;
    static final int LOCK_TIME_MILLIS = 10_000;
    static final Path WORK = Path.of("target", "reliability", "crash");
    private static final Pattern TRACKING_CODE = Pattern.compile("MK-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final Pattern HALTED_LOAN = Pattern.compile("after the payment order of loan (\\d+) was written");

    /** The staff of the test and the step each of them takes. */
    enum Stage {
        DOCUMENTS("Task_CheckDocuments", "rel.officer", "izgim-officers"),
        BUSINESS_PLAN("Task_AssessBusinessPlan", "rel.mentor", "entrepreneurship-mentors"),
        COMMITTEE("Task_CommitteeDecision", "rel.committee", "microcredit-committee"),
        MANAGER("Task_ManagerApproval", "rel.manager", "managers");

        final String taskKey;
        final String user;
        final String group;

        Stage(String taskKey, String user, String group) {
            this.taskKey = taskKey;
            this.user = user;
            this.group = group;
        }
    }

    /** What the staff will decide for application number {@code index}. */
    record Plan(int index, long requested, boolean committeeApproves, long approved, boolean managerApproves) {
        static Plan of(int index) {
            long requested = Math.min(5000, 1500 + (index * 173L % 3501) / 50 * 50);
            long approved = index % 4 == 0 ? Math.max(1500, requested - 500) : requested;
            return new Plan(index, requested, index % 10 != 3, approved, index % 15 != 7);
        }

        /** A manager approves what the committee approved above 3,000 TL (the approved amount, not the requested one). */
        boolean managerRequired() {
            return approved > 3000;
        }

        boolean disbursed() {
            return committeeApproves && (!managerRequired() || managerApproves);
        }

        Map<String, Object> decision(Stage stage) {
            return switch (stage) {
                case DOCUMENTS -> Map.of("documentsDecision", "COMPLETE");
                case BUSINESS_PLAN -> Map.of("businessPlanScore", 4L, "businessPlanComment", "Pazar araştırması yapılmış.");
                case COMMITTEE -> committeeApproves
                    ? Map.of("committeeDecision", "APPROVE", "approvedAmount", approved)
                    : Map.of("committeeDecision", "REJECT", "committeeRejectionReason", "İş planı yeterli bulunmadı.");
                case MANAGER -> managerApproves
                    ? Map.of("managerDecision", "APPROVE")
                    : Map.of("managerDecision", "REJECT", "managerRejectionReason", "Bütçe bu dönem için yetersiz.");
            };
        }
    }

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;

    final Map<String, Plan> plans = new ConcurrentHashMap<>();
    final Map<Integer, String> trackingCodes = new ConcurrentHashMap<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    final Path notificationRecord = WORK.resolve("notifications.tsv");

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldNeitherLoseNorDoubleAnythingWhenTheNodeIsKilledDuringDisbursements() throws Exception {
        Files.createDirectories(WORK);
        Files.deleteIfExists(notificationRecord);
        Files.deleteIfExists(WORK.resolve("node.log"));
        for (int i = 0; i < APPLICATIONS; i++) {
            Plan plan = Plan.of(i);
            figures.merge("approved applications (expected)", plan.disbursed() ? 1 : 0, (a, b) -> (int) a + (int) b);
        }
        long started = System.nanoTime();

        // run 1: halts itself inside the transaction of its 40th disbursement, after the payment order was written
        AppNode node = node(Map.of("spring.profiles.active", "postgres,crash-test",
            "app.test.crash-after-disbursement", Integer.toString(CRASH_AT_DISBURSEMENT)));
        node.start();
        for (Stage stage : Stage.values()) {
            node.createStaffUser(stage.user, stage.group);
        }
        boolean survived = submitAll(node) && drive(node);
        assertThat(survived).as("the node halted itself at its %d. disbursement", CRASH_AT_DISBURSEMENT).isFalse();
        assertThat(node.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        Matcher halted = HALTED_LOAN.matcher(Files.readString(node.log, StandardCharsets.UTF_8));
        assertThat(halted.find()).as("the crash point logged the loan it halted in").isTrue();
        long haltedLoan = Long.parseLong(halted.group(1));
        figures.put("halt 1 (Runtime.halt after the payment order, before the commit): loans committed before",
            count("select count(*) from mc_loan"));
        figures.put("halt 1: the halted loan's rows after the crash (rolled back)",
            count("select count(*) from mc_loan where id = ?", haltedLoan) + count("select count(*) from mc_disbursement where loan_id = ?", haltedLoan));
        figures.put("halt 1: instances in flight (approved, disbursement not committed)", inFlight());
        figures.put("halt 1: jobs locked by the dead node", count("select count(*) from act_ru_job where lock_owner_ is not null"));
        assertThat(count("select count(*) from mc_loan where id = ?", haltedLoan)).isZero();
        assertThat(count("select count(*) from mc_disbursement where loan_id = ?", haltedLoan)).isZero();

        // run 2: resumes; killed with SIGKILL from outside while disbursement jobs run
        node = node(Map.of());
        node.start();
        long loansAtRestart = count("select count(*) from mc_loan");
        AppNode running = node;
        AtomicBoolean killed = new AtomicBoolean();
        Thread killer = new Thread(() -> {
            try {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count("select count(*) from mc_loan") >= loansAtRestart + 30);
                running.kill();
                killed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "killer");
        killer.start();
        survived = submitAll(node) && drive(node);
        killer.join(Duration.ofMinutes(5).toMillis());
        assertThat(killed).as("SIGKILL happened in the middle of the work").isTrue();
        figures.put("kill 2: staff work interrupted too", !survived);
        figures.put("kill 2 (SIGKILL): loans committed before", count("select count(*) from mc_loan"));
        figures.put("kill 2: instances in flight (approved, disbursement not committed)", inFlight());
        figures.put("kill 2: jobs locked by the dead node", count("select count(*) from act_ru_job where lock_owner_ is not null"));
        figures.put("kill 2: open staff tasks", count("select count(*) from act_ru_task"));
        figures.put("kill 2: notifications not yet sent", count("select count(*) from notification_outbox where status in ('PENDING', 'SENDING')"));

        // run 3: finishes everything
        node = node(Map.of());
        node.start();
        long restarted = System.nanoTime();
        assertThat(submitAll(node) && drive(node)).as("run 3 is not interrupted").isTrue();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(disbursementJobs()).isZero();
            assertThat(count("select count(*) from act_ru_job where lock_owner_ is not null")).isZero();
            assertThat(count("select count(*) from notification_outbox where status in ('PENDING', 'SENDING')")).isZero();
        });
        figures.put("seconds after the last restart until no job was locked", (System.nanoTime() - restarted) / 1_000_000_000);
        node.close();
        figures.put("total seconds", (System.nanoTime() - started) / 1_000_000_000);

        assertOutcome();
    }

    private void assertOutcome() throws IOException {
        assertThat(trackingCodes).hasSize(APPLICATIONS);
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        BigDecimal approvedTotal = BigDecimal.ZERO;
        int disbursed = 0;
        for (int i = 0; i < APPLICATIONS; i++) {
            Plan plan = Plan.of(i);
            String code = trackingCodes.get(i);
            long instances = count("select count(*) from act_hi_procinst where business_key_ = ?", code);
            long applications = count("select count(*) from mc_application where tracking_code = ?", code);
            long loans = count("select count(*) from mc_loan l join mc_application a on a.id = l.application_id where a.tracking_code = ?", code);
            long orders = count("select count(*) from mc_disbursement d join mc_loan l on l.id = d.loan_id "
                + "join mc_application a on a.id = l.application_id where a.tracking_code = ?", code);
            if (instances > 1 || applications > 1 || loans > 1 || orders > 1) {
                duplicated.add(code);
            }
            if (plan.disbursed()) {
                disbursed++;
                approvedTotal = approvedTotal.add(BigDecimal.valueOf(plan.approved()));
                long waiting = count("select count(*) from act_ru_execution e join act_hi_procinst p on p.id_ = e.proc_inst_id_ "
                    + "where p.business_key_ = ? and e.act_id_ = 'Event_InstallmentDue'", code);
                // next wait state: six installment timers (term 6 months), and the money once
                if (loans != 1 || orders != 1 || waiting != 6) {
                    lost.add(code + " loans=" + loans + " orders=" + orders + " waitingInstallments=" + waiting);
                }
            } else {
                String end = jdbc.queryForObject("select end_act_id_ from act_hi_procinst where business_key_ = ?", String.class, code);
                if (loans != 0 || !"EndEvent_ApplicationRejected".equals(end)) {
                    lost.add(code + " (rejected) loans=" + loans + " end=" + end);
                }
            }
        }
        BigDecimal ledger = jdbc.queryForObject("select coalesce(sum(amount), 0) from mc_disbursement", BigDecimal.class);
        long incidents = count("select count(*) from act_ru_incident");

        Map<String, Long> deliveries = Files.readAllLines(notificationRecord, StandardCharsets.UTF_8).stream()
            .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        // an e-mail handed over twice reaches the citizen twice; a repeated SMS key is dropped by the provider
        long repeatedDeliveries = deliveries.entrySet().stream().filter(e -> e.getKey().startsWith("EMAIL\t") && e.getValue() > 1).count();
        long smsRepeatsDropped = deliveries.entrySet().stream().filter(e -> e.getKey().startsWith("SMS\t") && e.getValue() > 1).count();
        List<Map<String, Object>> outbox = jdbc.queryForList("select channel, dedup_key, status, last_error, attempts from notification_outbox");
        long sentNotRecorded = outbox.stream().filter(m -> "SENT".equals(m.get("status"))
            && !deliveries.containsKey(m.get("channel") + "\t" + m.get("dedup_key"))).count();
        // the recording provider never refuses: a second attempt means the first was interrupted by a crash
        long interrupted = outbox.stream().filter(m -> "INTERRUPTED".equals(m.get("last_error"))
            || ((Number) m.get("attempts")).intValue() > 1).count();
        long interruptedButDelivered = outbox.stream().filter(m -> "FAILED".equals(m.get("status"))
            && deliveries.containsKey(m.get("channel") + "\t" + m.get("dedup_key"))).count();
        // neither delivered nor left FAILED / INTERRUPTED for staff to check
        long silentlyLost = outbox.stream().filter(m -> !deliveries.containsKey(m.get("channel") + "\t" + m.get("dedup_key"))
            && !("FAILED".equals(m.get("status")) && "INTERRUPTED".equals(m.get("last_error")))).count();

        figures.put("applications submitted", trackingCodes.size());
        figures.put("approved and disbursed", disbursed);
        figures.put("loans", count("select count(*) from mc_loan"));
        figures.put("payment orders", count("select count(*) from mc_disbursement"));
        figures.put("approved total (TL)", approvedTotal);
        figures.put("ledger total (TL)", ledger);
        figures.put("lost", lost.size());
        figures.put("duplicated", duplicated.size());
        figures.put("incidents", incidents);
        figures.put("notifications in the outbox", outbox.size());
        figures.put("notifications delivered", deliveries.size());
        figures.put("notifications delivered twice", repeatedDeliveries);
        figures.put("SMS handed over again after a crash (dropped by the provider's idempotency key)", smsRepeatsDropped);
        figures.put("notifications interrupted mid-send (settled by their channel's rule)", interrupted);
        figures.put("e-mails left FAILED / INTERRUPTED for staff that had in fact reached the provider", interruptedButDelivered);
        figures.put("notifications lost without trace", silentlyLost);
        String report = figures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        System.out.println("---- crash figures\n" + report);
        Files.writeString(WORK.getParent().resolve("crash-figures.txt"), report + "\n", StandardCharsets.UTF_8);

        assertThat(lost).as("instances not at their next wait state, or money missing").isEmpty();
        assertThat(duplicated).as("applications, instances, loans or payment orders twice").isEmpty();
        assertThat(count("select count(*) from mc_loan")).isEqualTo(disbursed);
        assertThat(count("select count(*) from mc_disbursement")).isEqualTo(disbursed);
        assertThat(ledger).isEqualByComparingTo(approvedTotal);
        assertThat(jdbc.queryForList("select l.id from mc_loan l where l.principal <> "
            + "(select sum(i.amount) from mc_installment i where i.loan_id = l.id)")).as("installments add up to the loan").isEmpty();
        assertThat(incidents).isZero();
        assertThat(count("select count(*) from act_ru_job where lock_owner_ is not null")).as("jobs still locked").isZero();
        // RECEIVED and then DISBURSED or REJECTED, each by SMS and e-mail: four per application, each once
        assertThat(outbox).hasSize(APPLICATIONS * 4);
        assertThat(repeatedDeliveries).as("notifications delivered twice").isZero();
        assertThat(sentNotRecorded).as("notifications marked sent that the provider never got").isZero();
        assertThat(silentlyLost).as("every notification delivered or, interrupted by a crash on an at-most-once channel, "
            + "left FAILED / INTERRUPTED for staff").isZero();
        assertThat(outbox).filteredOn(m -> "SMS".equals(m.get("channel")))
            .as("SMS (at least once, the provider drops repeats): all sent").allMatch(m -> "SENT".equals(m.get("status")));
    }

    // ---------------------------------------------------------------- driving the node over HTTP

    private AppNode node(Map<String, String> extra) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(LOCK_TIME_MILLIS));
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
        properties.put("camunda.bpm.job-execution.max-wait", "2000");
        properties.put("app.portal.rate-limit.capacity", "100000");
        properties.put("app.notification.sending-timeout", "PT10S");
        properties.put("app.test.notification-record-file", notificationRecord.toAbsolutePath().toString());
        properties.putAll(extra);
        return new AppNode("node", postgres.getJdbcUrl("postgres", "postgres"), WORK, properties);
    }

    /** Submits the applications not yet submitted; false when the node died meanwhile. */
    private boolean submitAll(AppNode node) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < APPLICATIONS; i++) {
                int index = i;
                if (trackingCodes.containsKey(index)) {
                    continue;
                }
                results.add(pool.submit(() -> submit(node, index)));
            }
            boolean alive = true;
            for (Future<Boolean> result : results) {
                alive &= result.get();
            }
            return alive;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean submit(AppNode node, int index) throws InterruptedException {
        Plan plan = Plan.of(index);
        try {
            // the same Idempotency-Key after a crash: the first submission's tracking code, never a second case
            Reply reply = node.call("POST", "/api/public/applications/microcredit-application", null, startForm(plan),
                Map.of("Idempotency-Key", "crash-test-" + index));
            if (reply.status() != 201) {
                if (node.isDying()) {
                    return false;
                }
                throw new IllegalStateException("submission " + index + ": " + reply);
            }
            String code = (String) reply.map().get("trackingCode");
            trackingCodes.put(index, code);
            plans.put(code, plan);
            return true;
        } catch (IOException e) {
            if (!node.isDying()) {
                throw new IllegalStateException(e);
            }
            return false;
        }
    }

    /** Completes staff tasks as they come until none is left; false when the node died meanwhile. */
    private boolean drive(AppNode node) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            while (true) {
                AtomicInteger done = new AtomicInteger();
                for (Stage stage : Stage.values()) {
                    Reply tasks = node.call("GET", "/engine-rest/task?processDefinitionKey=microcredit-application&taskDefinitionKey="
                        + stage.taskKey + "&sortBy=created&sortOrder=asc&maxResults=100", stage.user, null);
                    if (tasks.status() != 200) {
                        throw new IllegalStateException(stage + ": " + tasks);
                    }
                    List<Future<Boolean>> results = new ArrayList<>();
                    for (Map<String, Object> task : tasks.list()) {
                        Matcher code = TRACKING_CODE.matcher((String) task.get("name"));
                        if (!code.find() || !plans.containsKey(code.group())) {
                            continue;
                        }
                        Plan plan = plans.get(code.group());
                        results.add(pool.submit(() -> complete(node, stage, (String) task.get("id"), plan)));
                    }
                    for (Future<Boolean> result : results) {
                        if (!result.get()) {
                            return false;
                        }
                        done.incrementAndGet();
                    }
                }
                if (done.get() == 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            if (!node.isDying()) {
                throw new IllegalStateException(e);
            }
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean complete(AppNode node, Stage stage, String taskId, Plan plan) throws InterruptedException {
        try {
            Reply claimed = node.call("POST", "/engine-rest/task/" + taskId + "/claim", stage.user, Map.of("userId", stage.user));
            if (claimed.status() != 204) {
                return failed(node, "claim " + stage, claimed);
            }
            Reply completed = node.call("POST", "/engine-rest/task/" + taskId + "/complete", stage.user,
                Map.of("variables", AppNode.variables(plan.decision(stage))));
            if (completed.status() != 204) {
                return failed(node, "complete " + stage, completed);
            }
            return true;
        } catch (IOException e) {
            if (!node.isDying()) {
                throw new IllegalStateException(e);
            }
            return false;
        }
    }

    private static boolean failed(AppNode node, String what, Reply reply) throws InterruptedException {
        if (node.isDying()) {
            return false;
        }
        throw new IllegalStateException(what + ": " + reply);
    }

    private static Map<String, Object> startForm(Plan plan) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullName", "Deneme Başvuran " + plan.index());
        values.put("tcKimlikNo", tcKimlikNo(plan.index()));
        values.put("phone", "0532" + String.format("%07d", 1_000_000 + plan.index()));
        values.put("email", "basvuran" + plan.index() + "@example.org");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        values.put("requestedAmount", plan.requested());
        values.put("termMonths", "6");
        values.put("iban", "TR330006100519786457841326");
        values.put("kvkkConsent", true);
        return values;
    }

    /**
     * A valid T.C. Kimlik No (official check digits), the same for the same application: a submission repeated
     * after a crash must be the same request for its Idempotency-Key.
     */
    static String tcKimlikNo(int index) {
        return IdentityNumbers.randomTcKimlikNo(new java.util.Random(7919L * index + 13));
    }

    // ---------------------------------------------------------------- figures from the database

    static long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Instances between two wait states: a staff decision taken but its disbursement not committed yet. */
    static long inFlight() {
        return disbursementJobs();
    }

    static long disbursementJobs() {
        return count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
            + "where d.act_id_ = 'Task_DisburseLoan'");
    }
}
