package tr.bel.izmit.kadinaile.sensitive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job of a service's encrypted store: erases the personal data of every case whose retention period
 * has passed ({@link SensitiveCase#erasePersonalData}), then what the service keeps beside it (its notes), and audits
 * it. The due cases are read in one transaction, and each case is erased in a transaction of its own, so that a
 * concurrent change of one case (a legal hold set at that moment) or a failure of one only postpones that case to the
 * next run. Logs counts and case ids only, never personal data.
 */
public final class RetentionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    /** What a service erases beyond the case's own columns (its notes) and how it audits the erasure. */
    @FunctionalInterface
    public interface AfterErasure {
        void erased(Long caseId, Instant at);
    }

    private final String service;
    private final Clock clock;
    private final TransactionTemplate transaction;

    /** @param service how the log names the service, e.g. "Violence line" */
    public RetentionSweep(String service, Clock clock, PlatformTransactionManager transactionManager) {
        this.service = service;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * @param retention how long the personal data is kept (the case's {@link SensitiveCase#isDueForErasure} decides
     *        from the cutoff this gives)
     * @param due the ids of the cases due for erasure at a cutoff
     * @param cases the service's repository of its cases
     * @param afterErasure runs in the case's transaction once its columns are erased
     * @return how many cases were erased
     */
    public <C extends SensitiveCase> int run(Duration retention, Function<Instant, List<Long>> due, JpaRepository<C, Long> cases,
            AfterErasure afterErasure) {
        Instant now = Instant.now(clock);
        Instant cutoff = now.minus(retention);
        List<Long> caseIds = transaction.execute(status -> due.apply(cutoff));
        int erased = 0;
        for (Long caseId : caseIds == null ? List.<Long>of() : caseIds) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> eraseOne(cases, caseId, cutoff, now, afterErasure)))) {
                    erased++;
                }
            } catch (OptimisticLockingFailureException e) {
                LOG.warn("{} retention: case {} changed concurrently; it is retried on the next run", service, caseId);
            } catch (RuntimeException e) {
                LOG.error("{} retention: erasing case {} failed ({}); it is retried on the next run", service, caseId,
                    e.getClass().getName());
            }
        }
        if (erased > 0) {
            LOG.info("{} retention: erased the personal data of {} closed case(s)", service, erased);
        }
        return erased;
    }

    private static <C extends SensitiveCase> boolean eraseOne(JpaRepository<C, Long> cases, Long caseId, Instant cutoff,
            Instant now, AfterErasure afterErasure) {
        C found = cases.findById(caseId).orElse(null);
        if (found == null || !found.isDueForErasure(cutoff)) {
            return false;
        }
        found.erasePersonalData(now);
        cases.saveAndFlush(found);
        afterErasure.erased(caseId, now);
        return true;
    }
}
