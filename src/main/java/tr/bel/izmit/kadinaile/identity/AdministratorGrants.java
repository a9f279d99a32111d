package tr.bel.izmit.kadinaile.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * What the administrators (camunda-admin) keep besides users, groups and authorizations, applied by
 * {@link IdentitySetup#confineAdministrators()} in place of the starter's "ALL on every resource":
 * <ul>
 *   <li>on each non-confidential process: the technical state Cockpit shows and repairs — read its instances,
 *       tasks, history and variables, retry failed jobs, suspend and resume, update instances (incidents, job due
 *       dates) — but not start instances (only the groups of its policy start them), not delete the definition, its
 *       instances or its history, not migrate, not work on tasks;</li>
 *   <li>on each non-confidential decision: read it and its history;</li>
 *   <li>deployments: read only (models change with a release, see {@code engine.ModelSafetyPlugin});</li>
 *   <li>Tasklist filters: create their own (an owner holds every permission on her filter), nothing on the
 *       groups' filters;</li>
 *   <li>the user-operation log: the "Admin" category (users, groups, authorizations); the "Operator" and
 *       "TaskWorker" entries of a process only through READ_HISTORY on its definition, so none of a confidential
 *       process.</li>
 * </ul>
 */
final class AdministratorGrants {

    static final Permission[] PROCESS_DEFINITION = {
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
        ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE};

    static final Permission[] DECISION_DEFINITION = {Permissions.READ, Permissions.READ_HISTORY};

    /** Resources whose grant on "*" is narrowed to these permissions. */
    static final Map<Resource, Permission[]> NARROWED = narrowed();

    static final List<String> OPERATION_LOG_CATEGORIES = List.of(UserOperationLogEntry.CATEGORY_ADMIN);

    private AdministratorGrants() {
    }

    private static Map<Resource, Permission[]> narrowed() {
        Map<Resource, Permission[]> map = new LinkedHashMap<>();
        map.put(Resources.DEPLOYMENT, new Permission[] {Permissions.READ});
        map.put(Resources.FILTER, new Permission[] {Permissions.CREATE});
        return map;
    }

    /** Every permission that a grant on the resource can hold (to compare a stored grant with the wanted one). */
    static Permission[] permissionsOf(Resource resource) {
        if (resource == Resources.PROCESS_DEFINITION) {
            return ProcessDefinitionPermissions.values();
        }
        if (resource == Resources.OPERATION_LOG_CATEGORY) {
            return UserOperationLogCategoryPermissions.values();
        }
        return Permissions.values();
    }
}
