package tr.bel.izmit.kadinaile.violenceline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * Demo only: one fictitious violence-line call, recorded by the demo operator, so that the line's demo
 * users find a case waiting for its referrals. Everything in it is invented.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class ViolenceLineDemoCase {

    private static final Logger LOG = LoggerFactory.getLogger(ViolenceLineDemoCase.class);

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    ViolenceLineDemoCase(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createDemoCase() {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count() > 0) {
            return;
        }
        Map<String, Object> intake = new HashMap<>();
        intake.put(Vars.CALLER_ANONYMOUS, false);
        intake.put(Vars.VICTIM_NAME, "Demo (takma ad: Papatya)");
        intake.put(Vars.SAFE_PHONE, "05550000001");
        intake.put(Vars.SAFE_CALL_TIMES, "Hafta içi 10:00-12:00");
        intake.put(Vars.DO_NOT_CALL, false);
        intake.put(Vars.DISTRICT, "IZMIT");
        intake.put(Vars.NEIGHBOURHOOD, "Demo Mahallesi");
        intake.put(Vars.VIOLENCE_TYPES, SpinValues.jsonValue("[\"PSYCHOLOGICAL\",\"ECONOMIC\"]").create());
        intake.put(Vars.IMMEDIATE_DANGER, false);
        intake.put(Vars.WEAPON_OR_THREAT, false);
        intake.put(Vars.CHILDREN_AT_RISK, true);
        intake.put(Vars.PREGNANT, false);
        intake.put(Vars.EARLIER_INCIDENTS, true);
        intake.put(Vars.PROTECTION_ORDER, false);
        intake.put(Vars.PERPETRATOR_RELATION, "SPOUSE");
        intake.put(Vars.CONSENTED_REFERRALS, SpinValues.jsonValue("[\"SONIM\",\"PSYCHOLOGICAL\",\"SOCIAL_ASSISTANCE\"]").create());
        intake.put(Vars.INCIDENT_NOTES, "Demo kaydıdır; gerçek bir kişiye ait değildir.");
        identityService.setAuthentication("merve.koc", List.of("violence-line-operators"));
        try {
            runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake);
        } finally {
            identityService.clearAuthentication();
        }
        LOG.info("Demo violence-line case created");
    }
}
