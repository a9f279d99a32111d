package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SOCIAL_WORKERS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.identity.IdentitySetup;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.notification.OutboxMessage;
import tr.bel.izmit.kadinaile.notification.OutboxRepository;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.support.WebappSessions;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;

/**
 * Finding 7 (insiders): an administrator cannot open the violence line to anyone, himself included, on his own. Each
 * door is tried as an administrator (HTTP Basic on /engine-rest, a Camunda Admin session, the Java API as a user);
 * the change is refused with a Turkish message that names the request endpoint, and it takes effect only when a line
 * supervisor who is neither the requester nor the person who gains the access approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ViolenceLineAccessApprovalTests {

    private static final String PASSWORD = "Erisim-Onay-Parola-2026";
    private static final String REQUESTS = "/api/staff/violence-line/access-requests";
    private static final String LINE_COUNT = "/engine-rest/process-definition/count?key=violence-line-referral";
    private static final String OPERATORS = VIOLENCE_LINE_OPERATORS.id();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    FilterService filterService;

    private final List<String> users = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        users.forEach(user -> TestUsers.remove(identityService, authorizationService, user));
        groups.forEach(group -> {
            authorizationService.createAuthorizationQuery().groupIdIn(group).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
            identityService.deleteGroup(group);
        });
        authorizationService.createAuthorizationQuery().userIdIn(Authorization.ANY).resourceId("violence-line-referral").list()
            .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    // ---------------------------------------------------------------- memberships

    @Test
    void shouldRefuseAnAdministratorsOwnMembershipInALineGroupAtEveryDoor() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);

        ResponseEntity<String> viaRest = call(admin, HttpMethod.PUT, "/engine-rest/group/" + OPERATORS + "/members/" + admin, null);
        HttpHeaders session = WebappSessions.login(rest, "admin", admin, PASSWORD);
        ResponseEntity<String> viaAdminApp = rest.exchange("/camunda/api/engine/engine/default/group/" + OPERATORS
            + "/members/" + admin, HttpMethod.PUT, new HttpEntity<>(session), String.class);
        identityService.setAuthentication(admin, List.of(StaffGroup.CAMUNDA_ADMIN.id()));
        assertThatThrownBy(() -> identityService.createMembership(admin, OPERATORS))
            .isInstanceOf(AuthorizationException.class).hasMessageContaining(REQUESTS);
        identityService.clearAuthentication();

        assertRefused(viaRest);
        assertRefused(viaAdminApp);
        assertThat(isMember(admin, OPERATORS)).isFalse();
        assertThat(lineDefinitions(admin)).isZero();
    }

    @Test
    void shouldOpenTheLineToAnAdministratorOnlyWhenAnotherSupervisorApproves() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String supervisor = user("supervizor", VIOLENCE_LINE_SUPERVISORS);
        String supervisingAdmin = user("cift-rol", VIOLENCE_LINE_SUPERVISORS, StaffGroup.CAMUNDA_ADMIN);
        assertThat(lineDefinitions(admin)).isZero();

        JsonNode forHimself = body(created(call(admin, HttpMethod.POST, REQUESTS + "/memberships",
            "{\"userId\":\"" + admin + "\",\"groupId\":\"" + OPERATORS + "\"}")));
        long id = forHimself.path("id").asLong();
        // requested is not granted: nothing changes until a supervisor approves
        assertThat(lineDefinitions(admin)).isZero();
        assertThat(forHimself.path("status").asText()).isEqualTo("PENDING");
        // an administrator is no approver; the requester is none either, even if she is a supervisor too
        assertThat(call(admin, HttpMethod.POST, REQUESTS + "/" + id + "/approve", null).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode ownRequest = body(created(call(supervisingAdmin, HttpMethod.POST, REQUESTS + "/memberships",
            "{\"userId\":\"" + admin + "\",\"groupId\":\"" + VIOLENCE_LINE_SOCIAL_WORKERS.id() + "\"}")));
        ResponseEntity<String> selfApproval = call(supervisingAdmin, HttpMethod.POST,
            REQUESTS + "/" + ownRequest.path("id").asLong() + "/approve", null);
        assertThat(selfApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(selfApproval.getBody()).contains("Kendi talebinizi onaylayamazsınız");
        assertThat(isMember(admin, VIOLENCE_LINE_SOCIAL_WORKERS.id())).isFalse();

        ResponseEntity<String> approved = call(supervisor, HttpMethod.POST, REQUESTS + "/" + id + "/approve", null);

        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(body(approved).path("status").asText()).isEqualTo("APPROVED");
        assertThat(body(approved).path("decidedBy").asText()).isEqualTo(supervisor);
        assertThat(isMember(admin, OPERATORS)).isTrue();
        // at once: the administrator's groups were remembered by the login cache before the approval
        assertThat(lineDefinitions(admin)).isEqualTo(1);
        assertThat(call(supervisor, HttpMethod.POST, REQUESTS + "/" + id + "/approve", null).getStatusCode())
            .isEqualTo(HttpStatus.CONFLICT);

        JsonNode events = body(call(supervisor, HttpMethod.GET, REQUESTS + "/" + id + "/events", null));
        assertThat(events).extracting(event -> event.path("action").asText() + " " + event.path("userId").asText())
            .containsExactly("REQUESTED " + admin, "APPROVED " + supervisor);
        List<OutboxMessage> mails = outbox.findByDedupKeyStartingWithOrderByIdAsc("vl-access-" + id + "-");
        assertThat(mails).extracting(OutboxMessage::getRecipient)
            .contains(supervisor + "@example.org", supervisingAdmin + "@example.org")
            .doesNotContain(admin + "@example.org");
        assertThat(mails).extracting(OutboxMessage::getSubject).anyMatch(subject -> subject.contains("onayınız bekleniyor"))
            .anyMatch(subject -> subject.contains("onaylandı"));
    }

    @Test
    void shouldLetNeitherThePersonWhoGainsTheAccessApproveItNorTheRequesterRejectIt() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String supervisor = user("supervizor", VIOLENCE_LINE_SUPERVISORS);
        String subject = user("yeni-operator", VIOLENCE_LINE_SUPERVISORS);

        long id = body(created(call(admin, HttpMethod.POST, REQUESTS + "/memberships",
            "{\"userId\":\"" + subject + "\",\"groupId\":\"" + OPERATORS + "\"}"))).path("id").asLong();

        ResponseEntity<String> byTheSubject = call(subject, HttpMethod.POST, REQUESTS + "/" + id + "/approve", null);
        assertThat(byTheSubject.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byTheSubject.getBody()).contains("kendiniz onaylayamazsınız");
        assertThat(isMember(subject, OPERATORS)).isFalse();

        ResponseEntity<String> rejected = call(supervisor, HttpMethod.POST, REQUESTS + "/" + id + "/reject", null);
        assertThat(body(rejected).path("status").asText()).isEqualTo("REJECTED");
        assertThat(call(supervisor, HttpMethod.POST, REQUESTS + "/" + id + "/approve", null).getStatusCode())
            .isEqualTo(HttpStatus.CONFLICT);
        assertThat(isMember(subject, OPERATORS)).isFalse();
    }

    @Test
    void shouldRefuseRequestsWithAClearMessageNamingTheField() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String supervisor = user("supervizor", VIOLENCE_LINE_SUPERVISORS);

        ResponseEntity<String> otherGroup = call(admin, HttpMethod.POST, REQUESTS + "/memberships",
            "{\"userId\":\"" + admin + "\",\"groupId\":\"izgim-officers\"}");
        ResponseEntity<String> badPermission = call(admin, HttpMethod.POST, REQUESTS + "/authorizations",
            "{\"type\":\"GRANT\",\"userId\":\"" + admin + "\",\"resourceType\":6,\"resourceId\":\"violence-line-referral\","
                + "\"permissions\":[\"HER_SEY\"]}");
        ResponseEntity<String> shortPassword = call(admin, HttpMethod.POST, REQUESTS + "/passwords",
            "{\"userId\":\"" + supervisor + "\",\"password\":\"kisa\"}");
        ResponseEntity<String> bySupervisor = call(supervisor, HttpMethod.POST, REQUESTS + "/memberships",
            "{\"userId\":\"" + supervisor + "\",\"groupId\":\"" + OPERATORS + "\"}");

        assertThat(otherGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherGroup.getBody()).contains("groupId");
        assertThat(badPermission.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPermission.getBody()).contains("permissions").contains("HER_SEY");
        assertThat(shortPassword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortPassword.getBody()).contains("password").doesNotContain("kisa\"");
        assertThat(bySupervisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---------------------------------------------------------------- authorizations

    @Test
    void shouldRefuseAuthorizationsThatNameTheLineOrEveryProcessIncludingThroughANewGroup() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String trickGroup = "vl-hile-" + SEQUENCE.incrementAndGet();
        groups.add(trickGroup);
        // a new group of his own, with himself in it: both allowed, neither opens anything
        assertThat(call(admin, HttpMethod.POST, "/engine-rest/group/create",
            "{\"id\":\"" + trickGroup + "\",\"name\":\"Yardımcı grup\",\"type\":\"WORKFLOW\"}").getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call(admin, HttpMethod.PUT, "/engine-rest/group/" + trickGroup + "/members/" + admin, null).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);

        List<ResponseEntity<String>> refused = List.of(
            createAuthorization(admin, "\"groupId\":\"" + trickGroup + "\"", 6, "violence-line-referral"),
            createAuthorization(admin, "\"userId\":\"" + admin + "\"", 6, "violence-line-referral"),
            createAuthorization(admin, "\"groupId\":\"" + trickGroup + "\"", 6, "*"),
            createAuthorization(admin, "\"userId\":\"" + admin + "\"", 7, "*"),
            createAuthorization(admin, "\"userId\":\"" + admin + "\"", 19, "*"),
            createAuthorization(admin, "\"userId\":\"" + admin + "\"", 10, "violence-risk-level"),
            // an instance id that names nothing yet (ids can be guessed ahead)
            createAuthorization(admin, "\"userId\":\"" + admin + "\"", 8, "henuz-olmayan-ornek"),
            // the operators' Tasklist filter
            createAuthorization(admin, "\"userId\":\"" + admin + "\"", 5, filterService.createTaskFilterQuery()
                .filterName(IdentitySetup.GROUP_FILTER_PREFIX + VIOLENCE_LINE_OPERATORS.displayName())
                .singleResult().getId()));
        refused.forEach(this::assertRefused);
        HttpHeaders session = WebappSessions.login(rest, "admin", admin, PASSWORD);
        session.setContentType(MediaType.APPLICATION_JSON);
        assertRefused(rest.exchange("/camunda/api/engine/engine/default/authorization/create", HttpMethod.POST,
            new HttpEntity<>(authorizationJson("\"groupId\":\"" + trickGroup + "\"", 6, "violence-line-referral"), session),
            String.class));

        // not a blanket ban: another process is his to grant, but not to turn into the line afterwards
        ResponseEntity<String> microcredit = createAuthorization(admin, "\"groupId\":\"" + trickGroup + "\"", 6,
            "microcredit-application");
        assertThat(microcredit.getStatusCode()).as(microcredit.getBody()).isEqualTo(HttpStatus.OK);
        String authorizationId = body(microcredit).path("id").asText();
        assertRefused(call(admin, HttpMethod.PUT, "/engine-rest/authorization/" + authorizationId,
            authorizationJson("\"groupId\":\"" + trickGroup + "\"", 6, "violence-line-referral")));

        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(trickGroup).resourceId("violence-line-referral").count())
            .isZero();
        assertThat(lineDefinitions(admin)).isZero();
    }

    @Test
    void shouldGrantAnAuthorizationNamingTheLineOnlyAfterApproval() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String supervisor = user("supervizor", VIOLENCE_LINE_SUPERVISORS);
        assertRefused(createAuthorization(admin, "\"userId\":\"" + admin + "\"", 6, "*"));

        long id = body(created(call(admin, HttpMethod.POST, REQUESTS + "/authorizations",
            "{\"type\":\"GRANT\",\"userId\":\"" + admin + "\",\"resourceType\":6,\"resourceId\":\"*\","
                + "\"permissions\":[\"READ\"]}"))).path("id").asLong();
        assertThat(lineDefinitions(admin)).isZero();

        assertThat(call(supervisor, HttpMethod.POST, REQUESTS + "/" + id + "/approve", null).getStatusCode())
            .isEqualTo(HttpStatus.OK);

        assertThat(lineDefinitions(admin)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- passwords

    @Test
    void shouldRefuseAnOperatorsNewPasswordByAnAdministratorAndApplyItOnlyAfterApproval() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String supervisor = user("supervizor", VIOLENCE_LINE_SUPERVISORS);
        String operator = user("operator", VIOLENCE_LINE_OPERATORS);
        String stolen = "Yoneticinin-Sectigi-Parola-1";

        assertRefused(call(admin, HttpMethod.PUT, "/engine-rest/user/" + operator + "/credentials",
            "{\"password\":\"" + stolen + "\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}"));
        // nor through the Java API as himself, with a new password or with a hash of his choosing
        identityService.setAuthentication(admin, List.of(StaffGroup.CAMUNDA_ADMIN.id()));
        User viaApi = identityService.createUserQuery().userId(operator).singleResult();
        viaApi.setPassword(stolen);
        assertThatThrownBy(() -> identityService.saveUser(viaApi)).isInstanceOf(AuthorizationException.class)
            .hasMessageContaining(REQUESTS);
        UserEntity withHash = (UserEntity) identityService.createUserQuery().userId(admin).singleResult();
        UserEntity target = (UserEntity) identityService.createUserQuery().userId(operator).singleResult();
        target.setDbPassword(withHash.getPassword());
        target.setSalt(withHash.getSalt());
        assertThatThrownBy(() -> identityService.saveUser(target)).isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        assertThat(identityService.checkPassword(operator, PASSWORD)).isTrue();

        // her own password is hers to change
        String own = "Operatorun-Kendi-Parolasi-2";
        assertThat(call(operator, HttpMethod.PUT, "/engine-rest/user/" + operator + "/credentials",
            "{\"password\":\"" + own + "\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}").getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode request = body(created(call(admin, HttpMethod.POST, REQUESTS + "/passwords",
            "{\"userId\":\"" + operator + "\",\"password\":\"" + stolen + "\"}")));
        assertThat(request.toString()).doesNotContain(stolen).doesNotContain("password\"");
        assertThat(call(operator, own, HttpMethod.POST, REQUESTS + "/" + request.path("id").asLong() + "/approve", null)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(call(supervisor, HttpMethod.POST, REQUESTS + "/" + request.path("id").asLong() + "/approve", null)
            .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(status(operator, stolen)).isEqualTo(HttpStatus.OK);
        assertThat(identityService.checkPassword(operator, own)).isFalse();
    }

    @Test
    void shouldRefuseANewUserUnderTheIdOfARemovedOperator() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String operator = user("operator", VIOLENCE_LINE_OPERATORS);

        assertThat(call(admin, HttpMethod.DELETE, "/engine-rest/user/" + operator, null).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> recreated = call(admin, HttpMethod.POST, "/engine-rest/user/create",
            "{\"profile\":{\"id\":\"" + operator + "\",\"firstName\":\"Yeni\",\"lastName\":\"Hesap\"},"
                + "\"credentials\":{\"password\":\"Yeniden-Yaratilan-Hesap-1\"}}");

        assertRefused(recreated);
        assertThat(identityService.createUserQuery().userId(operator).count()).isZero();
    }

    @Test
    void shouldRefuseANewPasswordForAFormerOperatorWhoseMembershipWasRemoved() {
        String admin = user("yonetici", StaffGroup.CAMUNDA_ADMIN);
        String operator = user("operator", VIOLENCE_LINE_OPERATORS);

        assertThat(call(admin, HttpMethod.DELETE, "/engine-rest/group/" + OPERATORS + "/members/" + operator, null)
            .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertRefused(call(admin, HttpMethod.PUT, "/engine-rest/user/" + operator + "/credentials",
            "{\"password\":\"Eski-Operatore-Yeni-Parola-1\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}"));
    }

    @Test
    void shouldLeaveTheApplicationsOwnSetUpAlone() {
        // no authenticated user: start-up set-up, demo users, tests
        String operator = user("kurulum", VIOLENCE_LINE_OPERATORS);
        User changed = identityService.createUserQuery().userId(operator).singleResult();
        changed.setPassword("Kurulumun-Verdigi-Parola-3");
        identityService.saveUser(changed);

        assertThat(isMember(operator, OPERATORS)).isTrue();
        assertThat(identityService.checkPassword(operator, "Kurulumun-Verdigi-Parola-3")).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private String user(String name, StaffGroup... memberships) {
        String id = "vl-onay." + name + "-" + SEQUENCE.incrementAndGet();
        TestUsers.create(identityService, id, PASSWORD, java.util.Arrays.stream(memberships).map(StaffGroup::id)
            .toArray(String[]::new));
        users.add(id);
        return id;
    }

    private boolean isMember(String userId, String groupId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    private long lineDefinitions(String userId) {
        ResponseEntity<String> response = call(userId, HttpMethod.GET, LINE_COUNT, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return body(response).path("count").asLong();
    }

    private ResponseEntity<String> createAuthorization(String admin, String who, int resourceType, String resourceId) {
        return call(admin, HttpMethod.POST, "/engine-rest/authorization/create", authorizationJson(who, resourceType, resourceId));
    }

    private static String authorizationJson(String who, int resourceType, String resourceId) {
        return "{\"type\":1,\"permissions\":[\"READ\"]," + who + ",\"resourceType\":" + resourceType
            + ",\"resourceId\":\"" + resourceId + "\"}";
    }

    private void assertRefused(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("süpervizör").contains(REQUESTS);
    }

    private static ResponseEntity<String> created(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response;
    }

    private HttpStatus status(String userId, String password) {
        return HttpStatus.valueOf(call(userId, password, HttpMethod.GET, "/engine-rest/task/count", null).getStatusCode().value());
    }

    private ResponseEntity<String> call(String userId, HttpMethod method, String path, String json) {
        return call(userId, PASSWORD, method, path, json);
    }

    private ResponseEntity<String> call(String userId, String password, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(userId, password);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static JsonNode body(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
