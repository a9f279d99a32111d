package tr.bel.izmit.kadinaile.violenceline;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.SafetyReferral;
import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Messages;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * The line's entry point for warm referrals from other services ({@link SafetyReferral}, published by e.g. İZGİM
 * counselling): starts the line's process at {@code StartEvent_SafetyReferralReceived}, an operators' task to call the
 * referring colleague back and take the woman's account as a new call. Urgent referrals get the urgent priority (the
 * "Acil şiddet hattı vakaları" filter). Nothing of the referring record arrives; the referral id is the business key,
 * so a repeated event opens one call-back only. Runs as the application, in the publisher's transaction.
 */
@Component
class SafetyReferralIntake {

    static final String BUSINESS_KEY_PREFIX = "SY-";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TechnicalEngineCalls technical;

    SafetyReferralIntake(RuntimeService runtimeService, HistoryService historyService, TechnicalEngineCalls technical) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.technical = technical;
    }

    @EventListener
    void referred(SafetyReferral referral) {
        String businessKey = BUSINESS_KEY_PREFIX + referral.referralId();
        technical.run(() -> {
            if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY)
                .processInstanceBusinessKey(businessKey).count() > 0) {
                return;
            }
            runtimeService.createMessageCorrelation(Messages.SAFETY_REFERRAL_RECEIVED).processInstanceBusinessKey(businessKey)
                .setVariables(Map.of(
                    Vars.REFERRING_SERVICE, referral.referringService(),
                    Vars.REFERRING_USER_ID, referral.referringUserId() == null ? "-" : referral.referringUserId(),
                    Vars.SAFETY_REFERRAL_URGENT, referral.urgent(),
                    Vars.SAFETY_REFERRAL_PRIORITY, referral.urgent()
                        ? ViolenceLineIdentityContribution.URGENT_PRIORITY : ViolenceLineIdentityContribution.URGENT_PRIORITY / 2))
                .correlateStartMessage();
        });
    }
}
