package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/** "Kurum yanıtını kaydet": the institution's answer, recorded on the referral. */
@Component("violenceReferralAnswer")
class ReferralAnswerListener implements TaskListener {

    private final ViolenceCaseStore cases;

    ReferralAnswerListener(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = "ACCEPTED".equals(task.getVariable(Vars.REFERRAL_ANSWER));
        cases.recordAnswer((Long) task.getVariable(Vars.REFERRAL_ID), accepted,
            accepted ? null : (String) task.getVariable(Vars.REFERRAL_REJECTION_REASON));
    }
}
