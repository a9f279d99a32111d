package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;


/** The groups, authorizations and Tasklist filters {@link IdentitySetup} puts in place, and that a rerun adds nothing. */
@SpringBootTest
@ActiveProfiles("test")
class IdentitySetupTests {

    private static final String SOMEONE = "identity-setup-test-user";
    private static final String MICROCREDIT = "microcredit-application";

    // The groups as they have always been (ids, Turkish names, order of their Tasklist filters), written out here so
    // that no capability's contribution can change them unnoticed.
    private static final StaffGroup ENTREPRENEURSHIP_MENTORS = new StaffGroup("entrepreneurship-mentors", "Girişimcilik Mentorları");
    private static final StaffGroup MICROCREDIT_COMMITTEE = new StaffGroup("microcredit-committee", "Mikrokredi Komitesi");
    private static final StaffGroup FINANCE_OFFICERS = new StaffGroup("finance-officers", "Mali Hizmetler Memurları");
    private static final StaffGroup VIOLENCE_LINE_OPERATORS = new StaffGroup("violence-line-operators", "Şiddet Hattı Operatörleri");
    private static final StaffGroup VIOLENCE_LINE_SOCIAL_WORKERS = new StaffGroup("violence-line-social-workers",
        "Şiddet Hattı Sosyal Çalışmacıları");
    private static final List<StaffGroup> GROUPS = List.of(
        StaffGroup.IZGIM_OFFICERS,
        ENTREPRENEURSHIP_MENTORS,
        MICROCREDIT_COMMITTEE,
        FINANCE_OFFICERS,
        StaffGroup.MANAGERS,
        VIOLENCE_LINE_OPERATORS,
        VIOLENCE_LINE_SOCIAL_WORKERS,
        new StaffGroup("violence-line-supervisors", "Şiddet Hattı Süpervizörleri"),
        new StaffGroup("course-coordinators", "Kurs Koordinatörleri"),
        new StaffGroup("instructors", "Usta Öğreticiler"),
        new StaffGroup("market-coordinators", "Pazar Koordinatörleri"),
        new StaffGroup("food-safety-officers", "Gıda Güvenliği Sorumluları"),
        // İZGİM counselling (issue 23)
        new StaffGroup("psychologists", "Psikologlar"),
        new StaffGroup("child-psychologists", "Çocuk Psikologları"),
        new StaffGroup("dietitians", "Diyetisyenler"),
        new StaffGroup("counselling-supervisors", "Danışmanlık Süpervizörleri"),
        new StaffGroup("camunda-admin", "Sistem Yöneticileri"));
    private static final String URGENT_VIOLENCE_FILTER = "Acil şiddet hattı vakaları";

    static Stream<StaffGroup> workflowGroups() {
        return GROUPS.stream().filter(StaffGroup::isWorkflowGroup);
    }

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentitySetup identitySetup;
    @Autowired
    TaskService taskService;
    @Autowired
    StaffDirectory directory;

    @Test
    void shouldKnowEveryGroupWithItsIdAndTurkishNameInItsTasklistOrder() {
        assertThat(directory.groups()).containsExactlyElementsOf(GROUPS);
    }

    @ParameterizedTest
    @MethodSource("workflowGroups")
    void shouldCreateEveryWorkflowGroupWithItsTurkishName(StaffGroup staffGroup) {
        Group group = identityService.createGroupQuery().groupId(staffGroup.id()).singleResult();

        assertThat(group).isNotNull();
        assertThat(group.getName()).isEqualTo(staffGroup.displayName());
        assertThat(group.getType()).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
    }

    @Test
    void shouldGiveTheAdministratorsGroupItsTurkishName() {
        // The Camunda starter creates camunda-admin (as "camunda BPM Administrators") together with the
        // administrator before IdentitySetup runs; StaffGroup still declares the Turkish name for it.
        Group group = identityService.createGroupQuery().groupId(StaffGroup.CAMUNDA_ADMIN.id()).singleResult();

        assertThat(group).isNotNull();
        assertThat(group.getType()).isEqualTo(Groups.GROUP_TYPE_SYSTEM);
        assertThat(group.getName()).isEqualTo(StaffGroup.CAMUNDA_ADMIN.displayName());
    }

    @ParameterizedTest
    @MethodSource("workflowGroups")
    void shouldGiveEachWorkflowGroupOneFilterOfItsCandidateTasksThatOnlyItMayRead(StaffGroup group) {
        List<Filter> filters = filterService.createTaskFilterQuery()
            .filterName(IdentitySetup.GROUP_FILTER_PREFIX + group.displayName())
            .list();

        assertThat(filters).hasSize(1);
        Filter filter = filters.get(0);
        TaskQueryImpl query = filter.getQuery();
        assertThat(query.getCandidateGroup()).isEqualTo(group.id());
        assertThat(canRead(group, filter)).isTrue();
        assertThat(canRead(anotherWorkflowGroup(group), filter)).isFalse();
    }

    @org.junit.jupiter.api.AfterEach
    void deletePersonalFilters() {
        filterService.createTaskFilterQuery().filterOwner(SOMEONE).list()
            .forEach(filter -> filterService.deleteFilter(filter.getId()));
    }

    @Test
    void shouldGiveEveryUserHerOwnMyTasksFilterThatOnlySheMayRead() {
        identitySetup.ensurePersonalFilter(SOMEONE);
        identitySetup.ensurePersonalFilter(SOMEONE);

        List<Filter> filters = filterService.createTaskFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).list();

        assertThat(filters).hasSize(1);
        Filter myTasks = filters.get(0);
        assertThat(myTasks.getOwner()).isEqualTo(SOMEONE);
        assertThat(((TaskQueryImpl) myTasks.getQuery()).getAssignee()).isEqualTo(SOMEONE);
        assertThat(((TaskQueryImpl) myTasks.getQuery()).getExpressions()).isEmpty();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(), Permissions.READ, Resources.FILTER,
            myTasks.getId())).isTrue();
        for (StaffGroup group : GROUPS) {
            if (!group.isWorkflowGroup()) {
                continue; // the administrators manage every filter
            }
            assertThat(authorizationService.isUserAuthorized("a-colleague", List.of(group.id()), Permissions.READ,
                Resources.FILTER, myTasks.getId())).as("%s reads her filter", group).isFalse();
        }
    }

    @Test
    void shouldShowAUsersNameOnlyToTheGroupsOfHerProcesses() {
        String officer = "names-test-officer";
        String operator = "names-test-operator";
        try {
            for (String[] user : new String[][] {{officer, StaffGroup.IZGIM_OFFICERS.id()}, {operator, VIOLENCE_LINE_OPERATORS.id()}}) {
                org.camunda.bpm.engine.identity.User created = identityService.newUser(user[0]);
                created.setFirstName("Ad");
                created.setLastName("Soyad");
                identityService.saveUser(created);
                identityService.createMembership(user[0], user[1]);
            }

            identitySetup.shareNameWithColleagues(officer);
            identitySetup.shareNameWithColleagues(operator);
            long authorizations = authorizationService.createAuthorizationQuery().count();
            identitySetup.shareNameWithColleagues(officer);
            assertThat(authorizationService.createAuthorizationQuery().count()).as("nothing new the second time").isEqualTo(authorizations);

            // the officer's colleagues on the microcredit read her name, the violence line does not
            assertThat(mayReadUser(ENTREPRENEURSHIP_MENTORS, officer)).isTrue();
            assertThat(mayReadUser(MICROCREDIT_COMMITTEE, officer)).isTrue();
            assertThat(mayReadUser(StaffGroup.MANAGERS, officer)).isTrue();
            assertThat(mayReadUser(VIOLENCE_LINE_OPERATORS, officer)).isFalse();
            // the operator is known to the violence line's groups alone
            assertThat(mayReadUser(VIOLENCE_LINE_SOCIAL_WORKERS, operator)).isTrue();
            for (StaffGroup outsider : List.of(StaffGroup.IZGIM_OFFICERS, ENTREPRENEURSHIP_MENTORS, StaffGroup.MANAGERS,
                    FINANCE_OFFICERS)) {
                assertThat(mayReadUser(outsider, operator)).as("%s reads the operator's name", outsider).isFalse();
            }
            // through the engine's user query, as Tasklist asks it
            identityService.setAuthentication("a-colleague", List.of(VIOLENCE_LINE_SOCIAL_WORKERS.id()));
            try {
                assertThat(identityService.createUserQuery().userIdIn(officer, operator).listPage(0, 10))
                    .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly(operator);
            } finally {
                identityService.clearAuthentication();
            }
        } finally {
            identityService.deleteUser(officer);
            identityService.deleteUser(operator);
        }
    }

    private boolean mayReadUser(StaffGroup group, String userId) {
        return authorizationService.isUserAuthorized("a-colleague", List.of(group.id()), Permissions.READ, Resources.USER, userId);
    }

    @Test
    void shouldLetOnlyIzgimOfficersStartMicrocreditApplications() {
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.IZGIM_OFFICERS.id()),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, MICROCREDIT)).isTrue();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(ENTREPRENEURSHIP_MENTORS.id()),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, MICROCREDIT)).isFalse();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(MICROCREDIT_COMMITTEE.id()),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, MICROCREDIT)).isFalse();
        // Mentors may still see the definition whose tasks they work on.
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(ENTREPRENEURSHIP_MENTORS.id()),
            ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, MICROCREDIT)).isTrue();
    }

    @Test
    void shouldGiveCockpitOnlyToManagers() {
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.MANAGERS.id()), Permissions.ACCESS,
            Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.IZGIM_OFFICERS.id()), Permissions.ACCESS,
            Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.IZGIM_OFFICERS.id()), Permissions.ACCESS,
            Resources.APPLICATION, "tasklist")).isTrue();
    }

    @Test
    void shouldAddNothingWhenRunAgain() {
        long filters = filterService.createFilterQuery().count();
        long groups = identityService.createGroupQuery().count();
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long users = identityService.createUserQuery().count();

        identitySetup.afterSingletonsInstantiated();
        identitySetup.afterSingletonsInstantiated();

        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(filterService.createTaskFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).count()).isZero();
    }

    @ParameterizedTest
    @MethodSource("workflowGroups")
    void shouldGiveEachWorkflowGroupAnOverdueFilterThatOnlyItMayRead(StaffGroup group) {
        List<Filter> filters = filterService.createTaskFilterQuery()
            .filterName(IdentitySetup.OVERDUE_FILTER_PREFIX + group.displayName())
            .list();

        assertThat(filters).hasSize(1);
        Filter filter = filters.get(0);
        TaskQueryImpl query = filter.getQuery();
        assertThat(query.getCandidateGroup()).isEqualTo(group.id());
        assertThat(query.getExpressions()).isEmpty();
        assertThat(query.getDueBefore()).isBeforeOrEqualTo(new java.util.Date());
        assertThat(canRead(group, filter)).isTrue();
        assertThat(canRead(anotherWorkflowGroup(group), filter)).isFalse();
    }

    @Test
    void shouldListOnlyTheGroupsTasksWhoseDueDateHasPassedAsOverdue() {
        Filter overdue = filterService.createTaskFilterQuery()
            .filterName(IdentitySetup.OVERDUE_FILTER_PREFIX + StaffGroup.IZGIM_OFFICERS.displayName())
            .singleResult();
        Instant now = Instant.now();
        String late = candidateTask(StaffGroup.IZGIM_OFFICERS, now.minus(Duration.ofHours(2)));
        String onTime = candidateTask(StaffGroup.IZGIM_OFFICERS, now.plus(Duration.ofDays(2)));
        String othersLate = candidateTask(ENTREPRENEURSHIP_MENTORS, now.minus(Duration.ofHours(2)));
        try {
            List<Task> listed = filterService.list(overdue.getId());

            assertThat(listed).extracting(Task::getId).contains(late).doesNotContain(onTime, othersLate);
        } finally {
            List.of(late, onTime, othersLate).forEach(id -> taskService.deleteTask(id, true));
        }
    }

    @Test
    void shouldMoveTheOverdueBoundToNowOnEveryRefresh() {
        Filter before = overdueFilter(StaffGroup.IZGIM_OFFICERS);
        String justLate = candidateTask(StaffGroup.IZGIM_OFFICERS, Instant.now().minusMillis(1));
        try {
            List<Task> beforeRefresh = filterService.list(before.getId());
            assertThat(beforeRefresh).extracting(Task::getId).doesNotContain(justLate);

            identitySetup.refreshOverdueFilters();

            List<Task> afterRefresh = filterService.list(before.getId());
            assertThat(afterRefresh).extracting(Task::getId).contains(justLate);
            assertThat(((TaskQueryImpl) overdueFilter(StaffGroup.IZGIM_OFFICERS).getQuery()).getDueBefore())
                .isAfter(((TaskQueryImpl) before.getQuery()).getDueBefore());
        } finally {
            taskService.deleteTask(justLate, true);
        }
    }

    private Filter overdueFilter(StaffGroup group) {
        return filterService.createTaskFilterQuery().filterName(IdentitySetup.OVERDUE_FILTER_PREFIX + group.displayName())
            .singleResult();
    }

    @Test
    void shouldSortEveryFilterByDueDateThenPriority() {
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            TaskQueryImpl query = filter.getQuery();

            assertThat(query.getOrderingProperties())
                .as(filter.getName())
                .extracting(ordering -> ordering.getQueryProperty().getName() + " " + ordering.getDirection().getName())
                .startsWith("DUE_DATE_ asc", "PRIORITY_ desc");
        }
    }

    @ParameterizedTest
    @MethodSource("workflowGroups")
    void shouldOpenTheGroupsOwnQueueFirst(StaffGroup group) {
        // Tasklist opens the readable filter with the lowest priority
        Filter first = filterService.createTaskFilterQuery().list().stream()
            .filter(filter -> canRead(group, filter))
            .min(Comparator.comparingInt(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
            .orElseThrow();

        assertThat(first.getName()).isEqualTo(IdentitySetup.GROUP_FILTER_PREFIX + group.displayName());
    }

    @Test
    void shouldShareTheUrgentViolenceLineFilterWithTheLineGroupsOnly() {
        Filter urgent = filterService.createTaskFilterQuery().filterName(URGENT_VIOLENCE_FILTER).singleResult();

        TaskQueryImpl query = urgent.getQuery();
        assertThat(query.getProcessDefinitionKey()).isEqualTo("violence-line-referral");
        assertThat(query.getMinPriority()).isEqualTo(100);
        for (StaffGroup group : GROUPS) {
            // administrators may read every filter (not the tasks behind it: they see no violence-line task)
            if (group.isWorkflowGroup()) {
                boolean lineGroup = group.id().startsWith("violence-line-");
                assertThat(canRead(group, urgent)).as("%s reads %s", group, urgent.getName()).isEqualTo(lineGroup);
            }
        }
        assertThat(variableNames(urgent)).containsExactly("caseCode");
    }

    @Test
    void shouldShowTheCaseReferenceOfTheGroupsProcessUnderEveryTask() {
        assertThat(variableNames(groupFilter(StaffGroup.IZGIM_OFFICERS))).containsExactly("trackingCode");
        assertThat(variableNames(groupFilter(StaffGroup.MANAGERS))).contains("trackingCode");
        assertThat(variableNames(groupFilter(VIOLENCE_LINE_OPERATORS))).containsExactly("caseCode");
        assertThat(variableNames(groupFilter(VIOLENCE_LINE_SOCIAL_WORKERS))).containsExactly("caseCode");
        identitySetup.ensurePersonalFilter(SOMEONE);
        Filter myTasks = filterService.createTaskFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).filterOwner(SOMEONE)
            .singleResult();
        assertThat(variableNames(myTasks)).containsExactlyInAnyOrder("trackingCode", "caseCode");
        assertThat(groupFilter(VIOLENCE_LINE_OPERATORS).getProperties())
            .containsEntry("variables", List.of(Map.of("name", "caseCode", "label", "Vaka kodu")));
    }

    @Test
    void shouldCreateTwoFiltersPerWorkflowGroupOneForMyTasksAndOneForUrgentViolenceLineWork() {
        long workflowGroups = workflowGroups().count();

        // the shared filters; each user's own "Bana atananlar" comes on top of these
        assertThat(filterService.createTaskFilterQuery().list().stream().filter(filter -> filter.getOwner() == null).count())
            .isEqualTo(2 * workflowGroups + 1);
    }

    @Test
    void shouldBringAnOutdatedFilterBackToItsDefinitionWithoutCreatingAnother() {
        Filter filter = groupFilter(FINANCE_OFFICERS);
        Map<String, Object> properties = new HashMap<>(filter.getProperties());
        properties.put("priority", 99);
        filter.setProperties(properties);
        filter.setQuery(taskService.createTaskQuery().taskCandidateGroup(FINANCE_OFFICERS.id()));
        filterService.saveFilter(filter);
        long filters = filterService.createFilterQuery().count();

        identitySetup.afterSingletonsInstantiated();

        Filter restored = groupFilter(FINANCE_OFFICERS);
        assertThat(restored.getId()).isEqualTo(filter.getId());
        assertThat(restored.getProperties().get("priority")).isEqualTo(IdentitySetup.GROUP_FILTER_PRIORITY
            + GROUPS.indexOf(FINANCE_OFFICERS));
        assertThat(((TaskQueryImpl) restored.getQuery()).isIncludeAssignedTasks()).isTrue();
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    }

    @Test
    void shouldLeaveEveryFilterAsItIsWhenRunAgain() throws Exception {
        Map<String, JsonNode> before = filterDefinitions();

        identitySetup.afterSingletonsInstantiated();

        assertThat(filterDefinitions()).isEqualTo(before);
    }

    private Map<String, JsonNode> filterDefinitions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> definitions = new HashMap<>();
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            FilterEntity entity = (FilterEntity) filter;
            // the overdue filters' bound is "now" (refreshOverdueFilters), the one part that moves on every run
            com.fasterxml.jackson.databind.node.ObjectNode query =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(entity.getQueryInternal());
            query.remove("dueBefore");
            definitions.put(filter.getId() + " " + filter.getName(), json.createArrayNode()
                .add(query)
                .add(json.readTree(entity.getPropertiesInternal())));
        }
        return definitions;
    }

    private Filter groupFilter(StaffGroup group) {
        return filterService.createTaskFilterQuery().filterName(IdentitySetup.GROUP_FILTER_PREFIX + group.displayName())
            .singleResult();
    }

    @SuppressWarnings("unchecked")
    private static List<String> variableNames(Filter filter) {
        List<Map<String, Object>> variables = (List<Map<String, Object>>) filter.getProperties().get("variables");
        return variables.stream().map(variable -> (String) variable.get("name")).toList();
    }

    private String candidateTask(StaffGroup group, Instant due) {
        Task task = taskService.newTask();
        task.setName("Filtre denemesi");
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group.id());
        return task.getId();
    }

    private boolean canRead(StaffGroup group, Filter filter) {
        return authorizationService.isUserAuthorized(SOMEONE, List.of(group.id()), Permissions.READ, Resources.FILTER,
            filter.getId());
    }

    private static StaffGroup anotherWorkflowGroup(StaffGroup group) {
        int index = GROUPS.indexOf(group);
        do {
            index = (index + 1) % GROUPS.size();
        } while (!GROUPS.get(index).isWorkflowGroup() || GROUPS.get(index).equals(group));
        return GROUPS.get(index);
    }
}
