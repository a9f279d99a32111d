package tr.bel.izmit.kadinaile.violenceline;

import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SOCIAL_WORKERS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS;

import java.util.Map;

import java.util.NoSuchElementException;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Messages;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * The receiving institution's answer to a referral, when a social worker records it outside Tasklist: the
 * referral's record and its branch of the process move on together (message {@code ReferralAnswered},
 * correlated by the referral id, only within the referral's own case). The engine refuses a person's correlation
 * (its answer would tell whether a matching case exists): this endpoint checks the caller's group and that she may
 * see the case's process instance, and only then correlates as the application.
 */
@RestController
class ReferralAnswerController {

    static final java.util.Set<String> REJECTION_REASONS = java.util.Set.of("NO_CAPACITY", "NOT_ELIGIBLE", "VICTIM_DECLINED", "OTHER");

    private final ViolenceCaseStore cases;
    private final RuntimeService runtimeService;
    private final TechnicalEngineCalls technical;

    ReferralAnswerController(ViolenceCaseStore cases, RuntimeService runtimeService,
            TechnicalEngineCalls technical) {
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.technical = technical;
    }

    record AnswerRequest(String answer, String rejectionReason) {
    }

    @PostMapping("/api/staff/violence-line/referrals/{referralId}/answer")
    @Transactional
    ResponseEntity<Map<String, Object>> answer(@PathVariable Long referralId, @RequestBody AnswerRequest request) {
        if (request == null || !("ACCEPTED".equals(request.answer()) || "REJECTED".equals(request.answer()))) {
            throw ValidationFailedException.of("answer", Texts.get("violenceline.referral.validation.answer"));
        }
        boolean accepted = "ACCEPTED".equals(request.answer());
        if (!accepted && !REJECTION_REASONS.contains(request.rejectionReason())) {
            throw ValidationFailedException.of("rejectionReason", Texts.get("violenceline.referral.validation.rejection-reason"));
        }
        String processInstanceId = cases.processInstanceOfReferral(referralId);
        // as the caller: the engine's authorizations decide whether she may see this case
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            throw new NoSuchElementException("violence line referral " + referralId);
        }
        cases.recordAnswer(referralId, accepted, accepted ? null : request.rejectionReason());
        technical.run(() -> runtimeService.createMessageCorrelation(Messages.REFERRAL_ANSWERED)
            .processInstanceId(processInstanceId)
            .localVariableEquals(Vars.REFERRAL_ID, referralId)
            .setVariableLocal(Vars.REFERRAL_ANSWER, request.answer())
            .correlate());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
            .body(Map.of("referralId", referralId, "answer", request.answer()));
    }
}
