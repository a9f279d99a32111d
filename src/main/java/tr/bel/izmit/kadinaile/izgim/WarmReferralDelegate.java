package tr.bel.izmit.kadinaile.izgim;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.SafetyReferral;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Typed;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;

/**
 * The warm referral to the violence line, with the woman's consent: published as {@link SafetyReferral} (the line opens
 * an intake for its operators), in the job's transaction. It copies nothing of the counselling record: an id derived
 * from this process instance (so a retried job names the same referral), the referring officer, the urgency.
 */
@Component("counsellingWarmReferral")
class WarmReferralDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    WarmReferralDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String referralId = UUID.nameUUIDFromBytes(("izgim-counselling:" + execution.getProcessInstanceId()).getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).toString();
        Object officer = execution.getVariable(Vars.INTAKE_OFFICER_ID);
        events.publishEvent(new SafetyReferral(referralId, Texts.get("izgim.referral.service-name"),
            officer == null ? null : officer.toString(), Typed.URGENT_RISK.from(execution).getOrDefault(false)));
    }
}
