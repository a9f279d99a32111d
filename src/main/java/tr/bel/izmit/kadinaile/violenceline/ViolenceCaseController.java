package tr.bel.izmit.kadinaile.violenceline;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * The personal data of a violence line case, for the line's own staff only; every read is audited, and so
 * is every refused attempt by other staff ({@link ViolenceLineStaffRules}: the group check comes before any look-up,
 * so that a refused caller learns nothing, not even whether the case exists). Responses are never cached. HTTP Basic
 * against the Camunda identity.
 */
@RestController
@RequestMapping("/api/staff/violence-line")
class ViolenceCaseController {

    private final ViolenceCaseStore store;

    ViolenceCaseController(ViolenceCaseStore store) {
        this.store = store;
    }

    record LegalHoldRequest(Boolean hold) {
    }

    record LegalHoldResponse(Long caseId, String caseCode, boolean legalHold, String message) {
    }

    @GetMapping("/cases/{caseId}")
    ResponseEntity<ViolenceCaseStore.CaseView> read(@PathVariable Long caseId, HttpServletRequest request, Principal caller) {
        String user = caller.getName();
        return noStore(store.read(caseId, user, request.getRemoteAddr()));
    }

    /** Supervisors only: keep (or stop keeping) the personal data past the retention period. */
    @PostMapping("/cases/{caseId}/legal-hold")
    ResponseEntity<LegalHoldResponse> legalHold(@PathVariable Long caseId, @RequestBody(required = false) LegalHoldRequest body,
            HttpServletRequest request, Principal caller) {
        String user = caller.getName();
        if (body == null || body.hold() == null) {
            throw ValidationFailedException.of("hold", Texts.get("violenceline.legal-hold.validation.required"));
        }
        boolean hold = body.hold();
        store.setLegalHold(caseId, hold, user, request.getRemoteAddr());
        ViolenceCaseStore.CaseSummary summary = store.summary(caseId);
        return noStore(new LegalHoldResponse(summary.caseId(), summary.caseCode(), summary.legalHold(), hold
            ? Texts.get("violenceline.legal-hold.applied")
            : Texts.get("violenceline.legal-hold.lifted")));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
