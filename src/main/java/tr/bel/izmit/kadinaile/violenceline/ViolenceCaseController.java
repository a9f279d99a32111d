package tr.bel.izmit.kadinaile.violenceline;

import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.StaffAccess;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * The personal data of a violence line case, for the line's own staff only; every read is audited, and so
 * is every refused attempt by other staff. Responses are never cached. HTTP Basic against the Camunda
 * identity (the engine's authentication filter covers {@code /api/staff/**}).
 */
@RestController
@RequestMapping("/api/staff/violence-line")
class ViolenceCaseController {

    private static final StaffGroup[] LINE_STAFF = ViolenceLineIdentityContribution.LINE_STAFF.toArray(StaffGroup[]::new);

    private final StaffAccess access;
    private final IdentityService identityService;
    private final ViolenceCaseStore store;

    ViolenceCaseController(StaffAccess access, IdentityService identityService, ViolenceCaseStore store) {
        this.access = access;
        this.identityService = identityService;
        this.store = store;
    }

    record LegalHoldRequest(Boolean hold) {
    }

    record LegalHoldResponse(Long caseId, String caseCode, boolean legalHold, String message) {
    }

    @GetMapping("/cases/{caseId}")
    ResponseEntity<ViolenceCaseStore.CaseView> read(@PathVariable Long caseId, HttpServletRequest request) {
        String user = requireGroup(caseId, request, LINE_STAFF);
        return noStore(store.read(caseId, user, request.getRemoteAddr()));
    }

    /** Supervisors only: keep (or stop keeping) the personal data past the retention period. */
    @PostMapping("/cases/{caseId}/legal-hold")
    ResponseEntity<LegalHoldResponse> legalHold(@PathVariable Long caseId, @RequestBody(required = false) LegalHoldRequest body,
            HttpServletRequest request) {
        String user = requireGroup(caseId, request, VIOLENCE_LINE_SUPERVISORS);
        if (body == null || body.hold() == null) {
            throw ValidationFailedException.of("hold", "Yasal saklama kararı (hold: true/false) zorunludur.");
        }
        boolean hold = body.hold();
        store.setLegalHold(caseId, hold, user, request.getRemoteAddr());
        ViolenceCaseStore.CaseSummary summary = store.summary(caseId);
        return noStore(new LegalHoldResponse(summary.caseId(), summary.caseCode(), summary.legalHold(), hold
            ? "Yasal saklama uygulandı; vakanın kişisel verileri saklama süresi dolsa da silinmeyecek."
            : "Yasal saklama kaldırıldı; kişisel veriler saklama süresi dolunca silinecek."));
    }

    /**
     * The group check comes before any look-up, so that a refused caller learns nothing, not even whether the
     * case exists. A refusal of an authenticated user is audited.
     */
    private String requireGroup(Long caseId, HttpServletRequest request, StaffGroup... groups) {
        try {
            return access.requireAnyGroup(groups);
        } catch (StaffAccess.StaffAccessDeniedException e) {
            Authentication authentication = identityService.getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null) {
                store.recordDeniedAccess(caseId, authentication.getUserId(), request.getRemoteAddr());
            }
            throw e;
        }
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
