package tr.bel.izmit.kadinaile.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes the staff groups, their authorizations and their Tasklist filters exist, in every profile, before
 * the web server opens. Idempotent: a restart changes nothing that is already there.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

    public static final String MY_TASKS_FILTER = "Bana atananlar";
    public static final String GROUP_FILTER_PREFIX = "Grubumun işleri — ";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final List<ProcessAccessPolicy> policies;
    private final ObjectProvider<DemoUsers> demoUsers;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, FilterService filterService,
            TaskService taskService, List<ProcessAccessPolicy> policies, ObjectProvider<DemoUsers> demoUsers) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.policies = policies;
        this.demoUsers = demoUsers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        createGroups();
        grantWebApplications();
        policies.forEach(this::grantProcessAccess);
        confineAdministrators();
        createFilters();
        demoUsers.ifAvailable(DemoUsers::create);
        LOG.info("Staff groups, authorizations and Tasklist filters are in place ({} process policies)", policies.size());
    }

    private void createGroups() {
        for (StaffGroup staffGroup : StaffGroup.values()) {
            String type = staffGroup == StaffGroup.CAMUNDA_ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW;
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
        for (StaffGroup group : StaffGroup.values()) {
            if (group.isWorkflowGroup()) {
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            }
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
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
        }
        for (StaffGroup group : policy.instanceUpdaters()) {
            grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
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
            Resources.DECISION_DEFINITION, Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK);
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
                grant(StaffGroup.CAMUNDA_ADMIN, Resources.PROCESS_DEFINITION, policy.processKey(), Permissions.ALL);
                for (String decisionKey : policy.decisionKeys()) {
                    grant(StaffGroup.CAMUNDA_ADMIN, Resources.DECISION_DEFINITION, decisionKey, Permissions.ALL);
                }
            }
        }
    }

    private void createFilters() {
        int priority = -20;
        for (StaffGroup group : EnumSet.allOf(StaffGroup.class)) {
            if (!group.isWorkflowGroup()) {
                continue;
            }
            String name = GROUP_FILTER_PREFIX + group.displayName();
            TaskQuery query = taskService.createTaskQuery()
                .taskCandidateGroup(group.id())
                .includeAssignedTasks()
                .orderByDueDate().asc()
                .orderByTaskPriority().desc();
            Filter filter = ensureFilter(name, query, priority++,
                group.displayName() + " grubunun açık işleri: vadesi en yakın olan ve önceliği en yüksek olan önce.");
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        TaskQuery mine = taskService.createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc()
            .orderByTaskPriority().desc();
        Filter myTasks = ensureFilter(MY_TASKS_FILTER, mine, 0, "Üzerime aldığım işler.");
        for (StaffGroup group : StaffGroup.values()) {
            if (group.isWorkflowGroup()) {
                grant(group, Resources.FILTER, myTasks.getId(), Permissions.READ);
            }
        }
    }

    private Filter ensureFilter(String name, TaskQuery query, int priority, String description) {
        Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filterService.newTaskFilter(name)
            .setQuery(query)
            .setProperties(Map.of(
                "priority", priority,
                "description", description,
                "refresh", true,
                "variables", List.of(Map.of("name", "trackingCode", "label", "Takip kodu"))));
        return filterService.saveFilter(filter);
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
