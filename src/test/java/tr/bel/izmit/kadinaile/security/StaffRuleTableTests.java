package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tr.bel.izmit.kadinaile.common.web.StaffRules;

/**
 * No endpoint of the application is open by accident: every handler of Spring MVC is either behind a rule that names
 * its groups (the staff API and the reports, {@link StaffRules}), on the managers' pages (the web apps' login and the
 * group {@code managers}), or on the explicit list of public paths below. The rules are checked as Spring Security
 * checks them (first match wins), with a request of every mapped method on every mapped path.
 */
@SpringBootTest
@ActiveProfiles("test")
class StaffRuleTableTests {

    /** Open to everyone on purpose: the portal (pages and JSON), the demo marketplace, error pages, the OpenAPI description. */
    private static final List<String> PUBLIC = List.of("/basvuru", "/api/public/", "/demo-marketplace/", "/error",
        "/v3/api-docs", "/swagger-ui");
    private static final List<String> STAFF = List.of("/api/staff/", "/api/reports/");
    private static final String MANAGERS_PAGES = "/yonetim";
    /** İZGİM's desk pages: the web apps' login and the group {@code izgim-officers} (izgim.desk.IzgimDeskSecurity). */
    private static final String IZGIM_DESK_PAGES = "/izgim";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    List<StaffRules> contributions;
    @Autowired
    FilterChainProxy chains;

    @Test
    void shouldCoverEveryStaffEndpointByADeclaredRule() {
        List<StaffRules.Rule> rules = StaffRules.collect(contributions);
        List<String> uncovered = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (STAFF.stream().noneMatch(pattern::startsWith)) {
                    continue;
                }
                for (String method : methods(mapping.getKey())) {
                    MockHttpServletRequest request = request(method, pattern);
                    Optional<StaffRules.Rule> rule = rules.stream().filter(candidate -> candidate.matcher().matches(request)).findFirst();
                    checked++;
                    if (rule.isEmpty()) {
                        uncovered.add(method + " " + pattern + " (" + mapping.getValue() + ")");
                    } else {
                        assertThat(rule.get().groupIds()).as(method + " " + pattern).isNotEmpty();
                    }
                }
            }
        }
        assertThat(uncovered).as("staff endpoints without a rule").isEmpty();
        assertThat(checked).as("staff endpoints found").isGreaterThan(30);
    }

    @Test
    void shouldLeaveNoEndpointOutsideTheRulesThePagesAndThePublicList() {
        List<String> unplaced = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                boolean placed = STAFF.stream().anyMatch(pattern::startsWith) || pattern.startsWith(MANAGERS_PAGES)
                    || PUBLIC.stream().anyMatch(pattern::startsWith)
                    || pattern.equals(IZGIM_DESK_PAGES) || pattern.startsWith(IZGIM_DESK_PAGES + "/");
                if (!placed) {
                    unplaced.add(pattern + " (" + mapping.getValue() + ")");
                }
            }
        }
        assertThat(unplaced).as("endpoints that are neither staff, managers' pages nor on the public list").isEmpty();
    }

    @Test
    void shouldServeEachDoorByItsOwnChain() {
        // the staff API is refused to a path no rule names; the managers' pages need the web apps' session; Camunda's
        // doors are served by the chain that only adds HSTS (checked over HTTP by CamundaDoorsUntouchedTests)
        assertThat(chainOf("GET", "/api/staff/courses")).isSameAs(chainOf("GET", "/actuator/prometheus"))
            .isSameAs(chainOf("GET", "/api/reports/activity")).isSameAs(chainOf("GET", "/swagger-ui/index.html"));
        assertThat(chainOf("GET", "/camunda/app/tasklist/")).isSameAs(chainOf("POST", "/engine-rest/task/1/complete"))
            .isNotSameAs(chainOf("GET", "/api/staff/courses"));
        assertThat(chainOf("GET", "/yonetim")).isSameAs(chainOf("GET", "/yonetim/csv"))
            .isNotSameAs(chainOf("GET", "/api/staff/courses"));
        assertThat(chainOf("GET", "/izgim")).isSameAs(chainOf("POST", "/izgim/kutuphane/cocuk"))
            .isSameAs(chainOf("GET", "/izgim/seminerler/1")).isNotSameAs(chainOf("GET", "/yonetim"))
            .isNotSameAs(chainOf("GET", "/api/staff/izgim/library/children/KK-0000-0000"))
            .isNotSameAs(chainOf("GET", "/izgim-masasi/masa.css"));
        assertThat(chainOf("POST", "/basvuru/durum")).isSameAs(chainOf("GET", "/basvuru"))
            .isNotSameAs(chainOf("POST", "/api/public/applications/x"));
        assertThat(chainOf("GET", "/portal/portal.css")).isSameAs(chainOf("GET", "/"))
            .isSameAs(chainOf("GET", "/v3/api-docs")).isNotSameAs(chainOf("GET", "/basvuru"));
    }

    private SecurityFilterChain chainOf(String method, String path) {
        MockHttpServletRequest request = request(method, path);
        return chains.getFilterChains().stream().filter(chain -> chain.matches(request)).findFirst().orElseThrow();
    }

    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of("GET", "POST", "PUT", "DELETE")
            : declared.stream().map(RequestMethod::name).toList();
    }

    /** A request to a concrete path of the pattern: each {@code {variable}} (with or without a regex) becomes a value. */
    private static MockHttpServletRequest request(String method, String pattern) {
        String path = pattern.replaceAll("\\{[^/]*?\\}(?=/|$)", "ABC-1234");
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
