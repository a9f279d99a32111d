package tr.bel.izmit.kadinaile.violenceline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * "Yönlendirmeleri planla": the referrals the decision recommends and the woman consented to, one branch
 * each; in immediate danger (CRITICAL) the police are always informed, whatever the consent. Records the
 * risk level on the case and sets the SLA of the referrals.
 */
@Component("violenceReferralPlanner")
class ReferralPlanner implements JavaDelegate {

    private final ViolenceCaseStore cases;

    ReferralPlanner(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = Typed.CASE_ID.from(execution).get();
        String riskLevel = Typed.RISK_LEVEL.from(execution).get();
        cases.recordRisk(caseId, riskLevel);
        List<String> referralTypes = referralsFor(riskLevel,
            ViolenceLineValues.strings(execution.getVariable(Vars.RECOMMENDED_REFERRALS)),
            ViolenceLineValues.strings(execution.getVariable(Vars.CONSENTED_REFERRALS)));
        List<Long> referralIds = new ArrayList<>(cases.planReferrals(caseId, referralTypes));
        execution.setVariable(Vars.REFERRAL_IDS, Variables.objectValue(referralIds)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        Typed.SLA_DURATION.on(execution).set(ViolenceSla.referralSla(riskLevel).toString());
    }

    static List<String> referralsFor(String riskLevel, List<String> recommended, List<String> consented) {
        Set<ReferralType> chosen = EnumSet.noneOf(ReferralType.class);
        for (String type : recommended) {
            if (consented.contains(type)) {
                chosen.add(ReferralType.valueOf(type));
            }
        }
        if ("CRITICAL".equals(riskLevel)) {
            chosen.add(ReferralType.POLICE);
        }
        return chosen.stream().map(Enum::name).toList();
    }
}
