package tr.bel.izmit.kadinaile.microcredit;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Test only: stops the JVM dead ({@link Runtime#halt}, no shutdown hooks, no commit) inside the transaction
 * of the N-th disbursement of this process, right after the loan and its payment order were written and
 * flushed, to prove that such a crash neither loses nor doubles the money (the crash harness
 * {@code reliability.CrashSafetyIT}). It exists only when {@code app.test.crash-after-disbursement} is set,
 * and refuses to start unless the profile {@code crash-test} is active too, so a stray property in
 * production cannot arm it.
 */
@Component
@ConditionalOnProperty(name = "app.test.crash-after-disbursement")
class DisbursementCrashPoint {

    static final String PROFILE = "crash-test";
    private static final Logger LOG = LoggerFactory.getLogger(DisbursementCrashPoint.class);

    private final int crashAt;
    private final AtomicInteger disbursements = new AtomicInteger();

    DisbursementCrashPoint(@Value("${app.test.crash-after-disbursement}") int crashAt, Environment environment) {
        if (!environment.matchesProfiles(PROFILE)) {
            throw new IllegalStateException("app.test.crash-after-disbursement needs the profile " + PROFILE);
        }
        this.crashAt = crashAt;
    }

    /** Called after the disbursement rows are flushed, before the transaction commits. */
    void afterPaymentOrderWritten(Long loanId) {
        if (disbursements.incrementAndGet() == crashAt) {
            LOG.warn("Crash test: halting the JVM after the payment order of loan {} was written, before the commit", loanId);
            Runtime.getRuntime().halt(137);
        }
    }
}
