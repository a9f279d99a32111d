package tr.bel.izmit.kadinaile.violenceline;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;

/**
 * When the next follow-up call ("Takip araması") is due, counted from the approval of the safety plan:
 * after 1 day (CRITICAL and HIGH only), 7 days and 30 days; after an unreachable call, again in 2 days.
 * A woman who asked not to be called is never called: her case goes to closure.
 */
@Component("violenceFollowUps")
public class FollowUpScheduler implements JavaDelegate {

    /** How many follow-ups of the current calendar were scheduled, and the moment the calendar counts from. */
    static final VariableFactory<Integer> STAGE = intVariable("followUpStage");
    static final VariableFactory<Date> BASE = dateVariable("followUpBase");
    static final Duration RETRY_UNREACHABLE = Duration.ofDays(2);

    private final Clock clock;

    FollowUpScheduler(Clock clock) {
        this.clock = clock;
    }

    /** Called when a safety plan is approved: the follow-up calendar starts again from now. */
    public void restart(DelegateExecution execution) {
        STAGE.on(execution).set(0);
        BASE.on(execution).set(Date.from(clock.instant()));
        Typed.UNREACHABLE_COUNT.on(execution).set(0);
        Typed.FOLLOW_UP_OUTCOME.on(execution).remove();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Typed.NEXT_FOLLOW_UP_AT.on(execution).set(next(execution));
    }

    private Date next(DelegateExecution execution) {
        if (Typed.DO_NOT_CALL.from(execution).getOrDefault(false)) {
            return null;
        }
        Instant now = clock.instant();
        if ("UNREACHABLE".equals(Typed.FOLLOW_UP_OUTCOME.from(execution).getOrNull())) {
            return Date.from(now.plus(RETRY_UNREACHABLE));
        }
        List<Duration> offsets = offsets(Typed.RISK_LEVEL.from(execution).getOrNull());
        int stage = STAGE.from(execution).getOrDefault(0);
        if (stage >= offsets.size()) {
            return null;
        }
        Date base = BASE.from(execution).getOrNull();
        STAGE.on(execution).set(stage + 1);
        return Date.from((base == null ? now : base.toInstant()).plus(offsets.get(stage)));
    }

    static List<Duration> offsets(String riskLevel) {
        return "CRITICAL".equals(riskLevel) || "HIGH".equals(riskLevel)
            ? List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30))
            : List.of(Duration.ofDays(7), Duration.ofDays(30));
    }
}
