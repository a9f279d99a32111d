package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Path;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * The hardening of the engine's doors (issue 8, part 3), each setting shown by what a caller can and cannot do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecurityHardeningTests {

    private static final String PASSWORD = "Hardening-Test-Password-7";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    private final List<String> createdUsers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        createdUsers.forEach(identityService::deleteUser);
        createdUsers.clear();
    }

    // ---------------------------------------------------------------- REST API

    @Test
    void shouldRejectEveryEngineRestResourceAnonymously() {
        List<String> roots = restRootPaths();
        assertThat(roots).as("the engine's REST resources").hasSizeGreaterThan(30).contains("/task", "/deployment", "/user");

        for (String root : roots) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                ResponseEntity<String> response = rest.exchange("/engine-rest" + root, method, json("{}"), String.class);
                assertThat(response.getStatusCode()).as(method + " /engine-rest" + root).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
        }
    }

    @Test
    void shouldLetOnlyAdministratorsDeploy() {
        String manager = createUser("sec-deploy-manager", StaffGroup.MANAGERS);

        ResponseEntity<String> byManager = rest.withBasicAuth(manager, PASSWORD)
            .postForEntity("/engine-rest/deployment/create", deployment("manager-upload"), String.class);
        ResponseEntity<String> byAdmin = rest.withBasicAuth(adminId, adminPassword)
            .postForEntity("/engine-rest/deployment/create", deployment("admin-upload"), String.class);

        assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode created = readTree(byAdmin.getBody());
        rest.withBasicAuth(adminId, adminPassword).delete("/engine-rest/deployment/" + created.path("id").asText() + "?cascade=true");
    }

    @Test
    void shouldRefuseTaskQueriesWithExpressionsAlsoNestedInOrQueries() {
        String officer = createUser("sec-expression", StaffGroup.IZGIM_OFFICERS);
        TestRestTemplate client = rest.withBasicAuth(officer, PASSWORD);

        ResponseEntity<String> plain = client.postForEntity("/engine-rest/task?maxResults=10",
            json("{\"candidateGroup\":\"izgim-officers\"}"), String.class);
        ResponseEntity<String> direct = client.postForEntity("/engine-rest/task?maxResults=10",
            json("{\"assigneeExpression\":\"${currentUser()}\"}"), String.class);
        ResponseEntity<String> nested = client.postForEntity("/engine-rest/task?maxResults=10",
            json("{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}"), String.class);
        ResponseEntity<String> inUrl = client.getForEntity(
            java.net.URI.create(rest.getRootUri() + "/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D"),
            String.class);
        ResponseEntity<String> count = client.postForEntity("/engine-rest/task/count",
            json("{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}"), String.class);

        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
        // an expression the engine would have evaluated (and failed on with a 500) before the guard
        ResponseEntity<String> evaluated = client.postForEntity("/engine-rest/task?maxResults=10",
            json("{\"orQueries\":[{\"candidateGroupsExpression\":\"${1/0}\"}]}"), String.class);

        Map<String, ResponseEntity<String>> refused = Map.of("direct", direct, "nested", nested, "in the URL", inUrl,
            "count", count, "evaluated", evaluated);
        refused.forEach((how, response) -> {
            assertThat(response.getStatusCode().is4xxClientError()).as(how + ": " + response.getBody()).isTrue();
            assertThat(response.getBody()).as(how).containsIgnoringCase("expression");
        });
    }

    @Test
    void shouldRefuseStoredFiltersWithExpressions() {
        String officer = createUser("sec-filter", StaffGroup.IZGIM_OFFICERS);
        Filter filter = filterService.newTaskFilter("Kendi ifadeli filtresi").setOwner(officer)
            .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));

        ResponseEntity<String> overRest = rest.withBasicAuth(adminId, adminPassword).postForEntity("/engine-rest/filter/create",
            json("{\"resourceType\":\"Task\",\"name\":\"İfadeli\",\"owner\":\"" + officer + "\","
                + "\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}"), String.class);

        assertThatThrownBy(() -> filterService.saveFilter(filter)).isInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Expressions are forbidden");
        assertThat(overRest.getStatusCode().is4xxClientError()).as(overRest.getBody()).isTrue();
        assertThat(overRest.getBody()).containsIgnoringCase("expression");
        assertThat(filterService.createFilterQuery().filterOwner(officer).count()).isZero();
    }

    @Test
    void shouldRefuseFiltersWithExpressionsInTheirOrQueriesSavedOrExtended() {
        TestRestTemplate admin = rest.withBasicAuth(adminId, adminPassword);
        ResponseEntity<String> nestedStored = admin.postForEntity("/engine-rest/filter/create",
            json("{\"resourceType\":\"Task\",\"name\":\"İç içe ifadeli\","
                + "\"query\":{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}}"), String.class);
        Filter plain = filterService.saveFilter(filterService.newTaskFilter("İfadesiz").setOwner(adminId)
            .setQuery(taskService.createTaskQuery().taskCandidateGroup(StaffGroup.IZGIM_OFFICERS.id())));
        try {
            ResponseEntity<String> listed = admin.postForEntity("/engine-rest/filter/" + plain.getId() + "/list?maxResults=10",
                json("{}"), String.class);
            ResponseEntity<String> extended = admin.postForEntity("/engine-rest/filter/" + plain.getId() + "/list?maxResults=10",
                json("{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}"), String.class);

            assertThat(nestedStored.getStatusCode()).as(nestedStored.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(filterService.createFilterQuery().filterName("İç içe ifadeli").count()).isZero();
            assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(extended.getBody()).contains("orQueries");
        } finally {
            filterService.deleteFilter(plain.getId());
        }
    }

    @Test
    void shouldLimitTheResultsOfEveryQueryOnBehalfOfAUser() {
        TestRestTemplate admin = rest.withBasicAuth(adminId, adminPassword);

        ResponseEntity<String> unbounded = admin.getForEntity("/engine-rest/process-definition", String.class);
        ResponseEntity<String> tooMany = admin.getForEntity("/engine-rest/process-definition?maxResults=2001", String.class);
        ResponseEntity<String> page = admin.getForEntity("/engine-rest/process-definition?maxResults=2000", String.class);

        assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody()).contains("2000");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ---------------------------------------------------------------- web apps

    @Test
    void shouldKeepTheInitialSetupClosedOnceAnAdministratorExists() {
        HttpHeaders session = webappSession();
        session.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},"
            + "\"credentials\":{\"password\":\"Intruder-Password-1\"}}";

        ResponseEntity<String> setup = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
            new HttpEntity<>(body, session), String.class);

        assertThat(setup.getStatusCode()).as(setup.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void shouldRejectWebappCallsWithoutTheCsrfToken() {
        HttpHeaders session = webappSession();
        session.remove("X-XSRF-TOKEN");
        session.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
            new HttpEntity<>("username=" + adminId + "&password=" + adminPassword, session), String.class);

        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldDropTheRightsOfARemovedUserWithinAMinute() {
        String officer = createUser("sec-removed", StaffGroup.IZGIM_OFFICERS);
        Date loggedInAt = new Date();
        ClockUtil.setCurrentTime(loggedInAt);
        HttpHeaders session = login(officer, PASSWORD);
        String count = "/camunda/api/engine/engine/default/task/count";
        assertThat(rest.exchange(count, HttpMethod.GET, new HttpEntity<>(session), String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);

        identityService.deleteUser(officer);
        createdUsers.remove(officer);
        ClockUtil.setCurrentTime(new Date(loggedInAt.getTime() + 61_000));

        ResponseEntity<String> afterAMinute = rest.exchange(count, HttpMethod.GET, new HttpEntity<>(session), String.class);
        assertThat(afterAMinute.getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldLogLoginAttemptsWithoutPasswords(CapturedOutput output) {
        String officer = createUser("sec-login-log", StaffGroup.IZGIM_OFFICERS);

        login(officer, PASSWORD);
        HttpHeaders session = webappSession();
        session.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> failed = rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit", HttpMethod.POST,
            new HttpEntity<>("username=" + officer + "&password=Wrong-Secret-Typed-99", session), String.class);
        ResponseEntity<String> basic = rest.withBasicAuth("12345678901", "Another-Wrong-Secret-98")
            .getForEntity("/engine-rest/task/count", String.class);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(output.getOut()).contains("Login succeeded: user=" + officer + " via=web app tasklist")
            .contains("Login failed: user=" + officer + " via=web app cockpit")
            .contains("Login failed: user=12345678901 via=HTTP Basic")
            .doesNotContain(PASSWORD, "Wrong-Secret-Typed-99", "Another-Wrong-Secret-98");
    }

    @Test
    void shouldThrottleRepeatedFailedLogins() {
        String officer = createUser("sec-throttle", StaffGroup.IZGIM_OFFICERS);
        Date start = new Date();
        ClockUtil.setCurrentTime(start);

        assertThat(identityService.checkPassword(officer, "wrong")).isFalse();
        boolean rightAway = identityService.checkPassword(officer, PASSWORD);
        ClockUtil.setCurrentTime(new Date(start.getTime() + 60_000));
        boolean later = identityService.checkPassword(officer, PASSWORD);

        assertThat(rightAway).as("the right password right after a failure").isFalse();
        assertThat(later).as("the right password once the delay is over").isTrue();
    }

    // ---------------------------------------------------------------- transport

    @Test
    void shouldSendHstsAndSecureCookiesBehindATlsProxy() {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.add("X-Forwarded-Proto", "https");

        ResponseEntity<String> portalOverTls = rest.exchange("/basvuru", HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
        ResponseEntity<String> webappOverTls = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
            new HttpEntity<>(forwarded), String.class);
        ResponseEntity<String> plain = rest.getForEntity("/basvuru", String.class);

        assertThat(portalOverTls.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(webappOverTls.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(webappOverTls.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isNotEmpty()
            .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite"))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
        assertThat(webappOverTls.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
            .contains("object-src 'none'");
        assertThat(plain.getHeaders().getFirst("Strict-Transport-Security")).isNull();
    }

    // ---------------------------------------------------------------- helpers

    /** The root paths of the engine's REST resources, read from their JAX-RS annotations. */
    private static List<String> restRootPaths() {
        TreeSet<String> roots = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            collect(resource, roots);
            for (Class<?> type : resource.getInterfaces()) {
                collect(type, roots);
            }
        }
        roots.removeIf(path -> path.contains("{") || path.isBlank() || path.equals("/"));
        return List.copyOf(roots);
    }

    private static void collect(Class<?> type, TreeSet<String> roots) {
        for (Method method : type.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path != null && method.getParameterCount() == 0) {
                roots.add(path.value().startsWith("/") ? path.value() : "/" + path.value());
            }
        }
    }

    private String createUser(String prefix, StaffGroup group) {
        String id = prefix + "-" + Long.toString(System.nanoTime(), 36);
        createdUsers.add(TestUsers.create(identityService, id, PASSWORD, group.id()));
        return id;
    }

    private HttpEntity<MultiValueMap<String, Object>> deployment(String name) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("data", new ByteArrayResource(("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
            + "targetNamespace=\"t\"><process id=\"sec-" + name + "\" isExecutable=\"false\"/></definitions>").getBytes()) {
            @Override
            public String getFilename() {
                return "upload.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static JsonNode readTree(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(body, e);
        }
    }

    /** A fresh web app session: its cookies and the CSRF token, as a browser has them before logging in. */
    private HttpHeaders webappSession() {
        return WebappSessions.anonymous(rest);
    }

    /** Logs in to Tasklist and returns the headers of the logged-in session. */
    private HttpHeaders login(String user, String password) {
        return WebappSessions.login(rest, user, password);
    }

}
