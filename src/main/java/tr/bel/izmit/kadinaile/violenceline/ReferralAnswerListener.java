package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;

/** "Kurum yanıtını kaydet": the institution's answer, recorded on the referral. */
@Component("violenceReferralAnswer")
class ReferralAnswerListener implements TaskListener {

    private final ViolenceCaseStore cases;

    ReferralAnswerListener(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = "ACCEPTED".equals(Typed.REFERRAL_ANSWER.from(task).getOrNull());
        cases.recordAnswer(Typed.REFERRAL_ID.from(task).get(), accepted,
            accepted ? null : Typed.REFERRAL_REJECTION_REASON.from(task).getOrNull());
    }
}
