package tr.bel.izmit.kadinaile.casework;

import java.util.HashSet;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.identity.EngineUser;

/**
 * The "Vaka bilgileri" tab of a Tasklist task and the person search, with the web apps' login (the Tasklist user's
 * own session, {@link CaseworkSecurity}); changing requests carry the web apps' CSRF token. Answers are never cached.
 */
@RestController
class CaseViewController {

    static final String CASES = "/api/staff/cases";
    static final String PEOPLE = "/api/staff/people";

    private final CaseViews views;

    CaseViewController(CaseViews views) {
        this.views = views;
    }

    record ViewRequest(String reasonChoice, String reason) {

        @Override
        public String toString() {
            return "ViewRequest[reason redacted]";
        }
    }

    record SearchRequest(String kind, String term) {

        @Override
        public String toString() {
            return "SearchRequest[" + kind + ", term redacted]";
        }
    }

    record SearchResponse(int count, List<CaseViews.Hit> results) {
    }

    /** What the tab will show for the task (no personal data, not audited): the service and whether a reason is needed. */
    @GetMapping(CASES + "/tasks/{taskId}")
    ResponseEntity<CaseViews.Description> describe(@PathVariable String taskId, @AuthenticationPrincipal EngineUser user,
            HttpServletRequest request) {
        return noStore(views.describe(taskId, caller(user, request)));
    }

    /** The case's data next to the task, as far as her role may see it; audited, with the stated reason where needed. */
    @PostMapping(CASES + "/tasks/{taskId}/view")
    ResponseEntity<CaseViews.View> view(@PathVariable String taskId, @RequestBody(required = false) ViewRequest body,
            @AuthenticationPrincipal EngineUser user, HttpServletRequest request) {
        ViewRequest reason = body == null ? new ViewRequest(null, null) : body;
        return noStore(views.view(taskId, caller(user, request), reason.reasonChoice(), reason.reason()));
    }

    record Services(List<String> services) {
    }

    /** The services she may search (Tasklist shows "Kişi ara" only when there is one). */
    @GetMapping(PEOPLE + "/services")
    ResponseEntity<Services> services(@AuthenticationPrincipal EngineUser user, HttpServletRequest request) {
        return noStore(new Services(views.searchableServices(caller(user, request))));
    }

    /** The open cases of a person in the services of her groups; the term travels in the body, never in a URL. */
    @PostMapping(PEOPLE + "/search")
    ResponseEntity<SearchResponse> search(@RequestBody(required = false) SearchRequest body, @AuthenticationPrincipal EngineUser user,
            HttpServletRequest request) {
        SearchRequest search = body == null ? new SearchRequest(null, null) : body;
        List<CaseViews.Hit> hits = views.search(caller(user, request), search.kind(), search.term());
        return noStore(new SearchResponse(hits.size(), hits));
    }

    private static CaseViews.Caller caller(EngineUser user, HttpServletRequest request) {
        return new CaseViews.Caller(user.id(), new HashSet<>(user.groupIds()), request.getRemoteAddr());
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
