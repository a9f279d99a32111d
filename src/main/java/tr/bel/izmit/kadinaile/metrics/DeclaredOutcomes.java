package tr.bel.izmit.kadinaile.metrics;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.courses.CourseProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

/**
 * What "approved" and "rejected" mean in each of our processes, for the dashboard's approval rate (approved /
 * (approved + rejected) of the decisions taken in the period). Each set is counted when the case passes the
 * activity, which for the long-running processes is well before their end. Every id here also has to be in
 * the partial index {@code KA_IDX_HI_ACTINST_OUTCOMES} (db/vendor/postgresql/V19_1, V19_3), which a test checks.
 */
@Configuration(proxyBeanMethods = false)
class DeclaredOutcomes {

    /**
     * A microcredit application is approved when its loan is paid out (every approval, by the committee alone or
     * with the manager's, leads to the disbursement) and rejected at the rejection end event; its process then runs
     * on for months of repayment, so its end events alone would count approvals far too late.
     */
    @Bean
    ProcessOutcomes microcreditOutcomes() {
        return ProcessOutcomes.of(MicrocreditProcess.KEY, Set.of(MicrocreditProcess.Elements.DISBURSE_LOAN),
            Set.of(MicrocreditProcess.Elements.END_REJECTED));
    }

    /**
     * A course application is approved when the trainee is enrolled, at once or later from the waiting list, and
     * rejected at the pre-interview. Not being placed (no seat freed before the course began) is capacity, not a
     * decision on the applicant, and is shown among the outcomes only.
     */
    @Bean
    ProcessOutcomes courseOutcomes() {
        return ProcessOutcomes.of(CourseProcess.KEY,
            Set.of(CourseProcess.Elements.NOTIFY_ENROLLED, CourseProcess.Elements.NOTIFY_PLACED),
            Set.of(CourseProcess.Elements.END_INTERVIEW_REJECTED));
    }

    /** A producer is approved once verified (after review, food safety where needed, and orientation). */
    @Bean
    ProcessOutcomes producerOutcomes() {
        return ProcessOutcomes.of(ProducerOnboardingProcess.KEY, Set.of(ProducerOnboardingProcess.Elements.END_VERIFIED),
            Set.of(ProducerOnboardingProcess.Elements.END_REJECTED, ProducerOnboardingProcess.Elements.END_FOOD_SAFETY_FAILED));
    }

    /** A stand request is approved when staff confirm it; no free place is capacity, not a decision. */
    @Bean
    ProcessOutcomes standOutcomes() {
        return ProcessOutcomes.of(MarketStandProcess.KEY, Set.of(MarketStandProcess.Elements.NOTIFY_CONFIRMED),
            Set.of(MarketStandProcess.Elements.END_DECLINED));
    }
}
