package tr.bel.izmit.kadinaile.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the staff groups, their authorizations and their Tasklist filters exist, in every profile, before
 * the web server opens, as the capabilities declare them ({@link IdentityContribution}, merged by
 * {@link StaffDirectory}). Idempotent: a restart changes nothing that is already there.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

    public static final String MY_TASKS_FILTER = "Bana atananlar";
    public static final String GROUP_FILTER_PREFIX = "Grubumun işleri — ";
    public static final String OVERDUE_FILTER_PREFIX = "Süresi geçenler — ";

    // Filter priorities: the lowest opens first in Tasklist.
    static final int GROUP_FILTER_PRIORITY = -50;
    static final int OVERDUE_FILTER_PRIORITY = -20;
    static final int MY_TASKS_FILTER_PRIORITY = 0;
    /** More groups than anyone belongs to: the engine refuses unbounded queries of a logged-in user. */
    private static final int MAX_GROUPS_OF_A_USER = 200;
    /** Tasklist marks a filter with its colour: overdue and urgent queues in red. */
    private static final String ALERT_COLOR = "#b5152b";
    private static final ObjectMapper FILTER_JSON = new ObjectMapper();

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final StaffDirectory directory;
    private final List<ProcessAccessPolicy> policies;
    private final ObjectProvider<DemoUsers> demoUsers;
    private final Clock clock;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, FilterService filterService,
            TaskService taskService, StaffDirectory directory, ObjectProvider<DemoUsers> demoUsers, Clock clock) {
        this.clock = clock;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.directory = directory;
        this.policies = directory.policies();
        this.demoUsers = demoUsers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        createGroups();
        grantWebApplications();
        policies.forEach(this::grantProcessAccess);
        confineAdministrators();
        createFilters();
        demoUsers.ifAvailable(users -> {
            users.create();
            users.users().forEach(user -> {
                ensurePersonalFilter(user.id());
                shareNameWithColleagues(user.id());
            });
        });
        LOG.info("Staff groups, authorizations and Tasklist filters are in place ({} process policies)", policies.size());
    }

    private void createGroups() {
        for (StaffGroup staffGroup : directory.groups()) {
            String type = !staffGroup.isWorkflowGroup() ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW;
            Group group = identityService.createGroupQuery().groupId(staffGroup.id()).singleResult();
            if (group == null) {
                group = identityService.newGroup(staffGroup.id());
            } else if (staffGroup.displayName().equals(group.getName()) && type.equals(group.getType())) {
                continue;
            }
            // also renames a group created before us (the starter creates camunda-admin with an English name)
            group.setName(staffGroup.displayName());
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void grantWebApplications() {
        for (StaffGroup group : directory.workflowGroups()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        grant(StaffGroup.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }

    private void grantProcessAccess(ProcessAccessPolicy policy) {
        String key = policy.processKey();
        for (StaffGroup group : policy.starters()) {
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
        for (StaffGroup group : policy.participants()) {
            // tasks per process, not per task: see ProcessLevelTaskAuthorizationPlugin (the candidate rule still applies)
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK);
        }
        for (StaffGroup group : policy.instanceUpdaters()) {
            // our staff API checks them and sends its messages as the application (HumanCommandGuard refuses a
            // person's correlation); UPDATE_INSTANCE would only let them write variables or suspend instances
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE);
            revoke(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        }
        for (StaffGroup group : policy.observers()) {
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
            for (String decisionKey : policy.decisionKeys()) {
                grant(group, Resources.DECISION_DEFINITION, decisionKey, Permissions.READ, Permissions.READ_HISTORY);
            }
        }
    }

    /**
     * The starter gives camunda-admin ALL on every resource ("*"). For process data that is replaced by
     * grants per non-confidential process and decision, so that administrators see no instance, task,
     * variable or history of a confidential process (the violence line) through any door.
     */
    private void confineAdministrators() {
        List<Resource> processData = List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK,
            Resources.DECISION_DEFINITION, Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK,
            Resources.OPERATION_LOG_CATEGORY);
        for (Resource resource : processData) {
            authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(StaffGroup.CAMUNDA_ADMIN.id())
                .resourceType(resource)
                .resourceId(Authorization.ANY)
                .list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        }
        grant(StaffGroup.CAMUNDA_ADMIN, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        grant(StaffGroup.CAMUNDA_ADMIN, Resources.TASK, Authorization.ANY, Permissions.CREATE);
        for (ProcessAccessPolicy policy : policies) {
            if (!policy.confidential()) {
                grantExactly(StaffGroup.CAMUNDA_ADMIN, Resources.PROCESS_DEFINITION, policy.processKey(),
                    AdministratorGrants.PROCESS_DEFINITION);
                for (String decisionKey : policy.decisionKeys()) {
                    grantExactly(StaffGroup.CAMUNDA_ADMIN, Resources.DECISION_DEFINITION, decisionKey,
                        AdministratorGrants.DECISION_DEFINITION);
                }
            }
        }
        AdministratorGrants.NARROWED.forEach((resource, permissions) ->
            grantExactly(StaffGroup.CAMUNDA_ADMIN, resource, Authorization.ANY, permissions));
        AdministratorGrants.OPERATION_LOG_CATEGORIES.forEach(category ->
            grantExactly(StaffGroup.CAMUNDA_ADMIN, Resources.OPERATION_LOG_CATEGORY, category,
                UserOperationLogCategoryPermissions.READ));
    }

    /** Sets the group's grant on the resource to exactly these permissions (an earlier broader grant is narrowed). */
    private void grantExactly(StaffGroup group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group.id())
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
        if (authorization == null) {
            grant(group, resource, resourceId, permissions);
            return;
        }
        Set<Permission> wanted = Set.of(permissions);
        Set<Permission> granted = new java.util.HashSet<>();
        for (Permission permission : AdministratorGrants.permissionsOf(resource)) {
            if (permission.getValue() != Permissions.NONE.getValue() && permission.getValue() != Permissions.ALL.getValue()
                    && authorization.isPermissionGranted(permission)) {
                granted.add(permission);
            }
        }
        if (authorization.isEveryPermissionGranted() || !granted.equals(wanted)) {
            authorization.setPermissions(permissions);
            authorizationService.saveAuthorization(authorization);
        }
    }

    /**
     * The Tasklist filters, each shared through a filter authorization (READ) with the groups that use it:
     * per workflow group "Grubumun işleri — …" (its candidate tasks, also when claimed) and "Süresi geçenler — …"
     * (those whose due date has passed), "Bana atananlar" for every user (her own, see {@link #ensurePersonalFilter}),
     * and the capabilities' own filters ({@link TasklistFilter}, e.g. the violence line's urgent cases) for their
     * readers. All are sorted by due date, then by priority (highest first); Tasklist adds its own list order after
     * these. The lowest filter priority opens first, so a user lands on her own group's queue. An existing filter of the same name
     * is brought up to date (query, properties); nothing new is created on a restart.
     */
    private void createFilters() {
        for (StaffGroup group : directory.workflowGroups()) {
            List<Map<String, Object>> variables = filterVariables(group);
            TaskQuery groupTasks = byDueDateThenPriority(taskService.createTaskQuery()
                .taskCandidateGroup(group.id())
                .includeAssignedTasks());
            Filter groupFilter = ensureFilter(GROUP_FILTER_PREFIX + group.displayName(), groupTasks,
                filterProperties(GROUP_FILTER_PRIORITY + directory.position(group),
                    group.displayName() + " grubunun açık görevleri: son tarihi en yakın ve önceliği en yüksek olan önce.",
                    variables));
            grant(group, Resources.FILTER, groupFilter.getId(), Permissions.READ);

            Filter overdueFilter = ensureFilter(OVERDUE_FILTER_PREFIX + group.displayName(),
                overdueTasks(group, Date.from(clock.instant())),
                filterProperties(OVERDUE_FILTER_PRIORITY + directory.position(group),
                    group.displayName() + " grubunun son tarihi geçmiş görevleri.", variables, ALERT_COLOR));
            grant(group, Resources.FILTER, overdueFilter.getId(), Permissions.READ);
        }

        for (TasklistFilter shared : directory.tasklistFilters()) {
            TaskQuery query = byDueDateThenPriority(shared.criteria().apply(taskService.createTaskQuery()));
            Filter filter = ensureFilter(shared.name(), query, filterProperties(shared.priority(), shared.description(),
                shared.caseReferences().stream().map(IdentitySetup::filterVariable).toList(),
                shared.alert() ? ALERT_COLOR : null));
            for (StaffGroup group : shared.readers()) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }

        // an earlier version shared one "Bana atananlar" filter with an expression; stored expressions are off now
        filterService.createTaskFilterQuery().filterName(MY_TASKS_FILTER).list().stream()
            .filter(filter -> filter.getOwner() == null)
            .forEach(filter -> filterService.deleteFilter(filter.getId()));
    }

    /**
     * The user's own "Bana atananlar" filter (the tasks she claimed), owned by her and so readable by her alone
     * (the engine grants a filter's owner every permission on it). Expressions in stored queries are off
     * ({@code enableExpressionsInStoredQueries=false}), so the filter names her instead of {@code ${currentUser()}}.
     * Created on her first login to the web apps (and for demo users at start-up); nothing new when it exists.
     */
    public void ensurePersonalFilter(String userId) {
        if (filterService.createTaskFilterQuery().filterName(MY_TASKS_FILTER).filterOwner(userId).count() > 0) {
            return;
        }
        List<Map<String, Object>> variables = policies.stream().map(ProcessAccessPolicy::caseReference)
            .filter(java.util.Objects::nonNull).distinct().map(IdentitySetup::filterVariable).toList();
        TaskQuery mine = byDueDateThenPriority(taskService.createTaskQuery().taskAssignee(userId));
        filterService.saveFilter(filterService.newTaskFilter(MY_TASKS_FILTER).setOwner(userId).setQuery(mine)
            .setProperties(filterProperties(MY_TASKS_FILTER_PRIORITY, "Üzerime aldığım görevler.", variables)));
    }

    /**
     * Lets the groups that work on the same processes as the user (those of every {@link ProcessAccessPolicy} one of
     * her groups belongs to) read her user profile, so that Tasklist shows her name instead of her user id where
     * colleagues read it: the assignee on a card and in the task view, the task's history and comments. The engine's
     * user query returns only the users one may read (READ on the user); without this, everybody could read herself
     * only. Nobody outside those processes learns her name: the violence line's staff stay known to the violence
     * line's groups alone. Made sure of on her web app login (and for demo users at start-up); nothing new when
     * granted before.
     */
    public void shareNameWithColleagues(String userId) {
        Set<StaffGroup> own = new LinkedHashSet<>();
        identityService.createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS_OF_A_USER)
            .forEach(group -> directory.group(group.getId()).ifPresent(own::add));
        Set<StaffGroup> colleagues = new LinkedHashSet<>();
        for (ProcessAccessPolicy policy : policies) {
            if (policy.groups().stream().anyMatch(own::contains)) {
                colleagues.addAll(policy.groups());
            }
        }
        colleagues.retainAll(directory.workflowGroups());
        for (StaffGroup group : colleagues) {
            grant(group, Resources.USER, userId, Permissions.READ);
        }
    }

    /**
     * Moves the "Süresi geçenler" filters' due-date bound to now. Stored queries may hold no expression such as
     * {@code ${now()}}, so the bound is a date that this refresh keeps at most a minute old.
     */
    @Scheduled(fixedDelayString = "${app.tasklist.overdue-filter-refresh:PT1M}",
        initialDelayString = "${app.tasklist.overdue-filter-refresh:PT1M}")
    public void refreshOverdueFilters() {
        Date now = Date.from(clock.instant());
        for (StaffGroup group : directory.workflowGroups()) {
            Filter filter = filterService.createTaskFilterQuery().filterName(OVERDUE_FILTER_PREFIX + group.displayName())
                .singleResult();
            if (filter != null) {
                try {
                    filterService.saveFilter(filter.setQuery(overdueTasks(group, now)));
                } catch (OptimisticLockingException refreshedByAnotherNode) {
                    LOG.debug("Overdue filter of {} was refreshed by another node at the same time", group.id());
                }
            }
        }
    }

    private TaskQuery overdueTasks(StaffGroup group, Date now) {
        return byDueDateThenPriority(taskService.createTaskQuery()
            .taskCandidateGroup(group.id())
            .includeAssignedTasks()
            .dueBefore(now));
    }

    private static TaskQuery byDueDateThenPriority(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskPriority().desc();
    }

    /** The case reference (tracking code, case code) of every process the group works on. */
    private List<Map<String, Object>> filterVariables(StaffGroup group) {
        LinkedHashSet<CaseReference> references = new LinkedHashSet<>();
        for (ProcessAccessPolicy policy : policies) {
            if (policy.groups().contains(group) && policy.caseReference() != null) {
                references.add(policy.caseReference());
            }
        }
        if (references.isEmpty()) {
            // a group of no process yet: the processes still to come identify their applications by a tracking code too
            references.add(CaseReference.TRACKING_CODE);
        }
        return references.stream().map(IdentitySetup::filterVariable).toList();
    }

    private static Map<String, Object> filterProperties(int priority, String description, List<Map<String, Object>> variables) {
        return filterProperties(priority, description, variables, null);
    }

    private static Map<String, Object> filterProperties(int priority, String description, List<Map<String, Object>> variables,
            String color) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (color != null) {
            properties.put("color", color);
        }
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", variables);
        return properties;
    }

    private static Map<String, Object> filterVariable(CaseReference reference) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("name", reference.variableName());
        variable.put("label", reference.label());
        return variable;
    }

    private Filter ensureFilter(String name, TaskQuery query, Map<String, Object> properties) {
        List<Filter> existing = filterService.createTaskFilterQuery().filterName(name).list();
        if (existing.isEmpty()) {
            return filterService.saveFilter(filterService.newTaskFilter(name).setQuery(query).setProperties(properties));
        }
        Filter filter = existing.get(0);
        Filter desired = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        if (!sameJson(queryJson(filter), queryJson(desired)) || !sameJson(propertiesJson(filter), propertiesJson(desired))) {
            filter.setQuery(query);
            filter.setProperties(properties);
            filter = filterService.saveFilter(filter);
            LOG.info("Tasklist filter '{}' brought up to date", name);
        }
        return filter;
    }

    private static String queryJson(Filter filter) {
        return ((FilterEntity) filter).getQueryInternal();
    }

    private static String propertiesJson(Filter filter) {
        return ((FilterEntity) filter).getPropertiesInternal();
    }

    /** JSON equality regardless of the order of object members. */
    private static boolean sameJson(String left, String right) {
        try {
            return FILTER_JSON.readTree(left).equals(FILTER_JSON.readTree(right));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Takes a permission back from a grant made by an earlier version of this set-up. */
    private void revoke(StaffGroup group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group.id())
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
        if (authorization != null && authorization.isPermissionGranted(permission)) {
            authorization.removePermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void grant(StaffGroup group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group.id())
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group.id());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        Set<Permission> missing = new java.util.HashSet<>();
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                missing.add(permission);
            }
        }
        if (authorization.getId() != null && missing.isEmpty()) {
            return;
        }
        missing.forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }
}
