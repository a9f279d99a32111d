package tr.bel.izmit.kadinaile.violenceline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * When the next follow-up call ("Takip araması") is due, counted from the approval of the safety plan:
 * after 1 day (CRITICAL and HIGH only), 7 days and 30 days; after an unreachable call, again in 2 days.
 * A woman who asked not to be called is never called: her case goes to closure.
 */
@Component("violenceFollowUps")
public class FollowUpScheduler implements JavaDelegate {

    static final String STAGE = "followUpStage";
    static final String BASE = "followUpBase";
    static final Duration RETRY_UNREACHABLE = Duration.ofDays(2);

    private final Clock clock;

    FollowUpScheduler(Clock clock) {
        this.clock = clock;
    }

    /** Called when a safety plan is approved: the follow-up calendar starts again from now. */
    public void restart(DelegateExecution execution) {
        execution.setVariable(STAGE, 0);
        execution.setVariable(BASE, Date.from(clock.instant()));
        execution.setVariable(Vars.UNREACHABLE_COUNT, 0);
        execution.removeVariable(Vars.FOLLOW_UP_OUTCOME);
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.NEXT_FOLLOW_UP_AT, next(execution));
    }

    private Date next(DelegateExecution execution) {
        if (ViolenceLineValues.flag(execution.getVariable(Vars.DO_NOT_CALL))) {
            return null;
        }
        Instant now = clock.instant();
        if ("UNREACHABLE".equals(execution.getVariable(Vars.FOLLOW_UP_OUTCOME))) {
            return Date.from(now.plus(RETRY_UNREACHABLE));
        }
        List<Duration> offsets = offsets((String) execution.getVariable(Vars.RISK_LEVEL));
        int stage = execution.getVariable(STAGE) == null ? 0 : (Integer) execution.getVariable(STAGE);
        if (stage >= offsets.size()) {
            return null;
        }
        Date base = (Date) execution.getVariable(BASE);
        execution.setVariable(STAGE, stage + 1);
        return Date.from((base == null ? now : base.toInstant()).plus(offsets.get(stage)));
    }

    static List<Duration> offsets(String riskLevel) {
        return "CRITICAL".equals(riskLevel) || "HIGH".equals(riskLevel)
            ? List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30))
            : List.of(Duration.ofDays(7), Duration.ofDays(30));
    }
}
