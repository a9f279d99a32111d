package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution.COURSE_COORDINATORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Decisions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution;
import tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution;

/**
 * Task access per process definition ({@link ProcessLevelTaskAuthorizationPlugin}): no authorization row per task,
 * participants of the process see its tasks, and only the task's candidates (or its assignee) may work on it — through
 * the Java API and through the REST API that Tasklist uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessLevelTaskAuthorizationTests {

    private static final String PASSWORD = "Gorev-Yetki-Test-1";

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TestRestTemplate rest;

    private final List<String> users = new ArrayList<>();
    private String officer;
    private String mentor;
    private String coordinator;
    private ProcessInstance instance;
    private Task documentCheck;

    @BeforeEach
    void startAnApplicationWaitingForTheOfficers() {
        officer = user(StaffGroup.IZGIM_OFFICERS);
        mentor = user(ENTREPRENEURSHIP_MENTORS);
        coordinator = user(COURSE_COORDINATORS);
        instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        documentCheck = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(documentCheck.getTaskDefinitionKey()).isEqualTo(MicrocreditProcess.Elements.CHECK_DOCUMENTS);
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
        users.forEach(identityService::deleteUser);
    }

    @Test
    void shouldWriteNoAuthorizationRowForAProcessTask() {
        taskService.claim(documentCheck.getId(), officer);

        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
            .resourceId(documentCheck.getId()).count()).isZero();
    }

    @Test
    void shouldKeepTheDefaultAuthorizationRowsOfAStandAloneTaskAndDeleteThemWithIt() {
        Task note = taskService.newTask();
        note.setName("Bağımsız görev");
        taskService.saveTask(note);
        taskService.addCandidateGroup(note.getId(), StaffGroup.IZGIM_OFFICERS.id());
        try {
            assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(note.getId())
                .count()).isOne();
        } finally {
            taskService.deleteTask(note.getId(), true);
        }
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(note.getId())
            .count()).isZero();
    }

    @Test
    void shouldShowTheTaskToEveryParticipantOfTheProcessButNotToOthers() {
        assertThat(visibleTasksOf(officer)).containsExactly(documentCheck.getId());
        assertThat(visibleTasksOf(mentor)).containsExactly(documentCheck.getId());
        assertThat(visibleTasksOf(coordinator)).isEmpty();
    }

    @Test
    void shouldLetACandidateClaimAndCompleteTheTask() {
        authenticate(officer, StaffGroup.IZGIM_OFFICERS);
        taskService.claim(documentCheck.getId(), officer);
        taskService.complete(documentCheck.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE));
        identityService.clearAuthentication();

        assertThat(taskService.createTaskQuery().taskId(documentCheck.getId()).count()).isZero();
    }

    @Test
    void shouldRefuseWorkOnTheTaskToAParticipantWhoIsNotItsCandidate() {
        authenticate(mentor, ENTREPRENEURSHIP_MENTORS);

        assertThatThrownBy(() -> taskService.claim(documentCheck.getId(), mentor)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(documentCheck.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE)))
            .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.setVariable(documentCheck.getId(), Vars.DOCUMENTS_DECISION, Decisions.COMPLETE))
            .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.addCandidateGroup(documentCheck.getId(), ENTREPRENEURSHIP_MENTORS.id()))
            .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.setAssignee(documentCheck.getId(), mentor)).isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();

        Task unchanged = taskService.createTaskQuery().taskId(documentCheck.getId()).singleResult();
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(taskService.getVariable(documentCheck.getId(), Vars.DOCUMENTS_DECISION)).isNull();
        assertThat(taskService.getIdentityLinksForTask(documentCheck.getId()))
            .noneMatch(link -> ENTREPRENEURSHIP_MENTORS.id().equals(link.getGroupId()));
    }

    @Test
    void shouldKeepAssigningTasksToOthersForThoseWithTaskAssign() {
        authenticate(officer, StaffGroup.IZGIM_OFFICERS);

        assertThatThrownBy(() -> taskService.setAssignee(documentCheck.getId(), mentor))
            .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void shouldRefuseWorkOnTheTaskToAUserOutsideTheProcess() {
        authenticate(coordinator, COURSE_COORDINATORS);

        assertThatThrownBy(() -> taskService.complete(documentCheck.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE)))
            .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void shouldLetTheAssigneeWorkOnTheTaskEvenWithoutTheCandidateGroup() {
        // only someone holding TASK_ASSIGN (an administrator, or the engine itself) assigns a task to another user
        taskService.setAssignee(documentCheck.getId(), mentor);

        authenticate(mentor, ENTREPRENEURSHIP_MENTORS);
        taskService.complete(documentCheck.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE));
        identityService.clearAuthentication();

        assertThat(taskService.createTaskQuery().taskId(documentCheck.getId()).count()).isZero();
    }

    @Test
    void shouldAnswerForbiddenOverRestToANonCandidateAndLetTheCandidateComplete() {
        String claim = "/engine-rest/task/" + documentCheck.getId() + "/claim";
        String complete = "/engine-rest/task/" + documentCheck.getId() + "/complete";
        String variables = "{\"variables\":{\"" + Vars.DOCUMENTS_DECISION + "\":{\"value\":\"" + Decisions.COMPLETE + "\"}}}";

        assertThat(rest.exchange(claim, HttpMethod.POST, json(mentor, "{\"userId\":\"" + mentor + "\"}"), String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.exchange(complete, HttpMethod.POST, json(mentor, variables), String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(documentCheck.getId()).count()).isOne();

        assertThat(rest.exchange(claim, HttpMethod.POST, json(officer, "{\"userId\":\"" + officer + "\"}"), String.class)
            .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.exchange(complete, HttpMethod.POST, json(officer, variables), String.class).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(documentCheck.getId()).count()).isZero();
    }

    @Test
    void shouldApplyANewGroupsFirstAuthorizationAtOnce() {
        String groupId = "gecici-grup-" + UUID.randomUUID().toString().substring(0, 8);
        identityService.saveGroup(identityService.newGroup(groupId));
        String member = user(StaffGroup.IZGIM_OFFICERS);
        identityService.deleteMembership(member, StaffGroup.IZGIM_OFFICERS.id());
        identityService.createMembership(member, groupId);
        try {
            identityService.setAuthentication(member, List.of(groupId));
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            identityService.clearAuthentication();

            Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(MicrocreditProcess.KEY);
            grant.addPermission(ProcessDefinitionPermissions.READ_TASK);
            authorizationService.saveAuthorization(grant);

            identityService.setAuthentication(member, List.of(groupId));
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
        } finally {
            identityService.clearAuthentication();
            authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
            identityService.deleteGroup(groupId);
        }
    }

    @Test
    void shouldApplyAGrantsRemovalAtOnceThoughPermissionChecksAreSharedBetweenCommands() {
        String groupId = "is-grup-" + UUID.randomUUID().toString().substring(0, 8);
        String member = "is.uyesi." + groupId;
        identityService.saveGroup(identityService.newGroup(groupId));
        taskService.addCandidateGroup(documentCheck.getId(), groupId);
        try {
            String grantId = grantTaskWork(groupId);
            identityService.setAuthentication(member, List.of(groupId));
            taskService.claim(documentCheck.getId(), member);
            identityService.clearAuthentication();

            authorizationService.deleteAuthorization(grantId);

            identityService.setAuthentication(member, List.of(groupId));
            assertThatThrownBy(() -> taskService.complete(documentCheck.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE)))
                .as("the removed grant no longer counts, though the same check passed a moment ago")
                .isInstanceOf(AuthorizationException.class);
            identityService.clearAuthentication();
            assertThat(taskService.createTaskQuery().taskId(documentCheck.getId()).count()).isOne();

            grantTaskWork(groupId);
            identityService.setAuthentication(member, List.of(groupId));
            taskService.complete(documentCheck.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE));
            identityService.clearAuthentication();
            assertThat(taskService.createTaskQuery().taskId(documentCheck.getId()).count()).as("granted again: completed").isZero();
        } finally {
            identityService.clearAuthentication();
            authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
            identityService.deleteGroup(groupId);
        }
    }

    @Test
    void shouldDeleteAnAuthorizationNamingAProcessInstanceWhenTheInstanceEnds() {
        ProcessInstance ended = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        runtimeService.deleteProcessInstance(ended.getId(), "test", true, true);
        // no authorization named an instance when that one ended: the engine skipped the delete, and knows it for a while
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(mentor);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(instance.getId());
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);

        runtimeService.deleteProcessInstance(instance.getId(), "test", true, true);

        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(instance.getId()).count()).as("deleted with its instance").isZero();
    }

    private String grantTaskWork(String groupId) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(MicrocreditProcess.KEY);
        grant.addPermission(ProcessDefinitionPermissions.TASK_WORK);
        return authorizationService.saveAuthorization(grant).getId();
    }

    @Test
    void shouldAnswerAUsersOwnQueueWithoutTheAuthorizationJoinAndOnlyHers() {
        // a group with no authorization at all: only being a candidate lets its member see the task
        String groupId = "kuyruk-grup-" + UUID.randomUUID().toString().substring(0, 8);
        identityService.saveGroup(identityService.newGroup(groupId));
        taskService.addCandidateGroup(documentCheck.getId(), groupId);
        try {
            identityService.setAuthentication("kuyruk.uyesi", List.of(groupId));
            assertThat(taskService.createTaskQuery().taskCandidateGroup(groupId).listPage(0, 10)).extracting(Task::getId)
                .containsExactly(documentCheck.getId());
            assertThat(taskService.createTaskQuery().taskCandidateGroupIn(List.of(groupId)).count()).isOne();
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            identityService.clearAuthentication();

            // someone outside the group asking for its queue is checked as usual and sees nothing
            authenticate(coordinator, COURSE_COORDINATORS);
            assertThat(taskService.createTaskQuery().taskCandidateGroup(groupId).count()).isZero();
            assertThat(taskService.createTaskQuery().taskCandidateGroup(StaffGroup.IZGIM_OFFICERS.id()).count()).isZero();
            assertThat(taskService.createTaskQuery().taskCandidateGroupIn(List.of(groupId, COURSE_COORDINATORS.id()))
                .count()).isZero();
            identityService.clearAuthentication();

            authenticate(officer, StaffGroup.IZGIM_OFFICERS);
            assertThat(taskService.createTaskQuery().taskCandidateGroup(StaffGroup.IZGIM_OFFICERS.id()).count()).isOne();
            taskService.claim(documentCheck.getId(), officer);
            assertThat(taskService.createTaskQuery().taskAssignee(officer).count()).isOne();
            identityService.clearAuthentication();

            authenticate(mentor, ENTREPRENEURSHIP_MENTORS);
            assertThat(taskService.createTaskQuery().taskAssignee(officer).count())
                .as("another user's assigned tasks: the usual check (the mentor may read microcredit tasks)").isOne();
            identityService.clearAuthentication();
            authenticate(coordinator, COURSE_COORDINATORS);
            assertThat(taskService.createTaskQuery().taskAssignee(officer).count()).isZero();
        } finally {
            identityService.clearAuthentication();
            identityService.deleteGroup(groupId);
        }
    }

    private List<String> visibleTasksOf(String userId) {
        StaffGroup group = userId.equals(officer) ? StaffGroup.IZGIM_OFFICERS
            : userId.equals(mentor) ? ENTREPRENEURSHIP_MENTORS : COURSE_COORDINATORS;
        authenticate(userId, group);
        try {
            return taskService.createTaskQuery().processInstanceId(instance.getId()).listPage(0, 10).stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void authenticate(String userId, StaffGroup group) {
        identityService.setAuthentication(userId, List.of(group.id()));
    }

    private String user(StaffGroup group) {
        String id = "gorev." + group.id() + "." + UUID.randomUUID().toString().substring(0, 8);
        users.add(TestUsers.create(identityService, id, PASSWORD, group.id()));
        return id;
    }

    private static HttpEntity<String> json(String userId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString((userId + ":" + PASSWORD).getBytes()));
        return new HttpEntity<>(body, headers);
    }
}
