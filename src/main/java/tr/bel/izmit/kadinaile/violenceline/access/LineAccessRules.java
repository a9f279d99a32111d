package tr.bel.izmit.kadinaile.violenceline.access;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import tr.bel.izmit.kadinaile.identity.IdentitySetup;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;

/**
 * What opens the violence line to someone: a membership in one of its three groups, and an authorization (grant or
 * global) that names its process definition, its decision, one of its instances or tasks (also in history), one of
 * its groups' Tasklist filters, or every id ({@code *}) of a resource that holds process data. The lookups run inside
 * the engine command that writes the authorization, without authorization checks (the writer usually cannot see the
 * line, which is the point). An instance or task id that names nothing known yet (ids can be guessed ahead) counts as
 * the line's: only an id known to belong to another process is harmless.
 */
final class LineAccessRules {

    static final Set<String> GROUPS = ViolenceLineIdentityContribution.LINE_STAFF.stream().map(StaffGroup::id)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    static final String PROCESS_KEY = ViolenceLineProcess.KEY;
    static final Set<String> DECISION_KEYS = Set.of(ViolenceLineProcess.DECISION_RISK_LEVEL);

    /** Resources whose every id ({@code *}) covers the line's data. */
    private static final List<Resource> PROCESS_DATA = List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
        Resources.TASK, Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.HISTORIC_TASK,
        Resources.HISTORIC_PROCESS_INSTANCE, Resources.FILTER);

    private LineAccessRules() {
    }

    static boolean isLineGroup(String groupId) {
        return groupId != null && GROUPS.contains(groupId);
    }

    /** Whether the authorization gives (grant, global) access to the line. Revokes take nothing away from it. */
    static boolean opensTheLine(AuthorizationEntity authorization) {
        return authorization != null && authorization.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE
            && namesTheLine(authorization.getResourceType(), authorization.getResourceId());
    }

    static boolean namesTheLine(int resourceType, String resourceId) {
        if (resourceId == null) {
            return false;
        }
        if (Authorization.ANY.equals(resourceId)) {
            return PROCESS_DATA.stream().anyMatch(resource -> resource.resourceType() == resourceType);
        }
        if (resourceType == Resources.PROCESS_DEFINITION.resourceType()) {
            return PROCESS_KEY.equals(resourceId);
        }
        if (resourceType == Resources.DECISION_DEFINITION.resourceType()
                || resourceType == Resources.DECISION_REQUIREMENTS_DEFINITION.resourceType()) {
            return DECISION_KEYS.contains(resourceId);
        }
        if (resourceType == Resources.PROCESS_INSTANCE.resourceType()
                || resourceType == Resources.HISTORIC_PROCESS_INSTANCE.resourceType()) {
            return withoutAuthorization(() -> !isKnownElsewhere(processKeyOfInstance(resourceId)));
        }
        if (resourceType == Resources.TASK.resourceType() || resourceType == Resources.HISTORIC_TASK.resourceType()) {
            return withoutAuthorization(() -> !isKnownElsewhere(processKeyOfTask(resourceId)));
        }
        if (resourceType == Resources.FILTER.resourceType()) {
            return withoutAuthorization(() -> isLineFilter(resourceId));
        }
        return false;
    }

    /** A process key other than the line's; {@code ""} for a stand-alone task; null for an unknown id. */
    private static boolean isKnownElsewhere(String processKey) {
        return processKey != null && !PROCESS_KEY.equals(processKey);
    }

    private static String processKeyOfInstance(String id) {
        CommandContext commandContext = Context.getCommandContext();
        HistoricProcessInstanceEntity historic = commandContext.getHistoricProcessInstanceManager().findHistoricProcessInstance(id);
        if (historic != null) {
            return historic.getProcessDefinitionKey();
        }
        ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(id);
        return execution == null ? null : keyOfDefinition(execution.getProcessDefinitionId());
    }

    private static String processKeyOfTask(String id) {
        CommandContext commandContext = Context.getCommandContext();
        TaskEntity task = commandContext.getTaskManager().findTaskById(id);
        if (task != null) {
            return task.getProcessDefinitionId() == null ? "" : keyOfDefinition(task.getProcessDefinitionId());
        }
        HistoricTaskInstanceEntity historic = commandContext.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(id);
        if (historic == null) {
            return null;
        }
        return historic.getProcessDefinitionKey() == null ? "" : historic.getProcessDefinitionKey();
    }

    private static String keyOfDefinition(String processDefinitionId) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        return configuration.getDeploymentCache().findDeployedProcessDefinitionById(processDefinitionId).getKey();
    }

    /** The line groups' filters (by name), and any filter whose query names the line's process or groups. */
    private static boolean isLineFilter(String filterId) {
        FilterEntity filter = Context.getCommandContext().getDbEntityManager().selectById(FilterEntity.class, filterId);
        if (filter == null) {
            return true;
        }
        if (lineFilterNames().contains(filter.getName())) {
            return true;
        }
        String query = filter.getQueryInternal();
        return query != null && (query.contains(PROCESS_KEY) || GROUPS.stream().anyMatch(query::contains));
    }

    static Set<String> lineFilterNames() {
        Set<String> names = new java.util.HashSet<>();
        names.add(ViolenceLineIdentityContribution.URGENT_FILTER);
        for (StaffGroup group : ViolenceLineIdentityContribution.LINE_STAFF) {
            names.add(IdentitySetup.GROUP_FILTER_PREFIX + group.displayName());
            names.add(IdentitySetup.OVERDUE_FILTER_PREFIX + group.displayName());
        }
        return names;
    }

    private static boolean withoutAuthorization(Callable<Boolean> lookup) {
        return Context.getCommandContext().runWithoutAuthorization(lookup);
    }
}
