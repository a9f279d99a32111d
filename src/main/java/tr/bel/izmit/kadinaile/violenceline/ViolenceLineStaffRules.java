package tr.bel.izmit.kadinaile.violenceline;

import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Who may call the violence line's staff API: its cases and referral answers only the line's own staff, its figures
 * managers and the line's supervisors, access requests made by administrators and decided by supervisors. A refused
 * look at a case by a logged-in member of staff is audited with the case ({@link ViolenceCaseStore#recordDeniedAccess}).
 */
@Component
class ViolenceLineStaffRules implements StaffRules {

    static final String API = "/api/staff/violence-line";
    private static final String OPERATORS = ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS.id();
    private static final String SOCIAL_WORKERS = ViolenceLineIdentityContribution.VIOLENCE_LINE_SOCIAL_WORKERS.id();
    private static final String SUPERVISORS = ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS.id();
    private static final String ADMINISTRATORS = StaffGroup.CAMUNDA_ADMIN.id();
    private static final Pattern CASE = Pattern.compile(API + "/cases/([0-9]{1,18})(/.*)?");

    private final ViolenceCaseStore store;

    ViolenceLineStaffRules(ViolenceCaseStore store) {
        this.store = store;
    }

    @Override
    public List<String> confidentialPaths() {
        return List.of("/api/staff/violence-line");
    }

    @Override
    public void declare(Declarations rules) {
        String requests = API + "/access-requests";
        rules
            .allow(HttpMethod.POST, API + "/cases/*/legal-hold", SUPERVISORS)
            .allow(API + "/cases/**", OPERATORS, SOCIAL_WORKERS, SUPERVISORS)
            .allow(API + "/referrals/**", SOCIAL_WORKERS, SUPERVISORS)
            .allow(API + "/statistics", StaffGroup.MANAGERS.id(), SUPERVISORS)
            .allow(HttpMethod.GET, requests + "/**", ADMINISTRATORS, SUPERVISORS)
            .allow(HttpMethod.POST, requests + "/*/approve", SUPERVISORS)
            .allow(HttpMethod.POST, requests + "/*/reject", SUPERVISORS)
            .allow(HttpMethod.POST, requests + "/**", ADMINISTRATORS);
    }

    @EventListener
    void auditRefusedCaseAccess(AuthorizationDeniedEvent<?> denied) {
        if (!(denied.getObject() instanceof HttpServletRequest request)) {
            return;
        }
        Matcher path = CASE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication caller = denied.getAuthentication().get();
        if (path.matches() && caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            store.recordDeniedAccess(Long.valueOf(path.group(1)), caller.getName(), request.getRemoteAddr());
        }
    }
}
