package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.Test;

class PermissionCheckCacheTests {

    private final AtomicLong nanos = new AtomicLong();
    private final PermissionCheckCache cache = new PermissionCheckCache(Duration.ofSeconds(10), nanos::get);
    /** What the fake database was asked, one entry per check: the resource types of its parts. */
    private final List<List<Integer>> asked = new ArrayList<>();

    @Test
    void shouldAskTheDatabaseOncePerTimeToLiveForACheckOnADefinition() {
        CompositePermissionCheck start = allOf(atom(Resources.PROCESS_INSTANCE, null, Permissions.CREATE),
            atom(Resources.PROCESS_DEFINITION, "microcredit-application", ProcessDefinitionPermissions.CREATE_INSTANCE));

        assertThat(check("ayse", List.of("izgim-officers"), start, granted -> true)).isTrue();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertThat(check("ayse", List.of("izgim-officers"), start, granted -> false)).as("from the cache").isTrue();
        assertThat(asked).hasSize(1);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));

        assertThat(check("ayse", List.of("izgim-officers"), start, granted -> false)).as("expired: asked again").isFalse();
        assertThat(asked).hasSize(2);
    }

    @Test
    void shouldKeepTheAnswersOfEachUserAndSetOfGroupsApart() {
        CompositePermissionCheck start = allOf(
            atom(Resources.PROCESS_DEFINITION, "microcredit-application", ProcessDefinitionPermissions.CREATE_INSTANCE));
        check("ayse", List.of("izgim-officers", "staff"), start, granted -> true);

        assertThat(check("elif", List.of("izgim-officers", "staff"), start, granted -> false)).isFalse();
        assertThat(check("ayse", List.of("staff"), start, granted -> false)).isFalse();
        assertThat(check("ayse", List.of("staff", "izgim-officers"), start, granted -> false))
            .as("the same groups in another order").isTrue();
        assertThat(asked).hasSize(3);
    }

    @Test
    void shouldAnswerATaskCheckFromTheDefinitionsPartAndNeverKeepTheTasksPart() {
        CompositePermissionCheck definitionGrants = taskWork("task-1");

        assertThat(check("ayse", List.of("izgim-officers"), definitionGrants, onlyDefinitions())).isTrue();
        assertThat(check("ayse", List.of("izgim-officers"), taskWork("task-2"), granted -> false))
            .as("another task of the same definition: the definition's part from the cache").isTrue();
        assertThat(asked).containsExactly(List.of(Resources.PROCESS_DEFINITION.resourceType(),
            Resources.PROCESS_DEFINITION.resourceType()));
    }

    @Test
    void shouldAskTheWholeCheckWhenTheDefinitionsPartDoesNotSuffice() {
        Predicate<CompositePermissionCheck> onlyTheTask = granted -> granted.getAllPermissionChecks().stream()
            .anyMatch(atom -> atom.getResourceType() == Resources.TASK.resourceType());

        assertThat(check("ayse", List.of(), taskWork("task-1"), onlyTheTask)).isTrue();
        assertThat(check("ayse", List.of(), taskWork("task-1"), onlyTheTask)).isTrue();

        int definition = Resources.PROCESS_DEFINITION.resourceType();
        int task = Resources.TASK.resourceType();
        assertThat(asked).containsExactly(List.of(definition, definition), List.of(task, definition, task, definition),
            List.of(task, definition, task, definition));
    }

    @Test
    void shouldNeverKeepACheckOnASingleCase() {
        CompositePermissionCheck readInstance = allOf(atom(Resources.PROCESS_INSTANCE, "instance-1", Permissions.READ));

        check("ayse", List.of(), readInstance, granted -> true);
        check("ayse", List.of(), readInstance, granted -> true);

        assertThat(asked).hasSize(2);
        assertThat(PermissionCheckCache.isOnDefinitionsOnly(readInstance)).isFalse();
    }

    @Test
    void shouldForgetEverythingWhenAnAuthorizationIsWritten() {
        CompositePermissionCheck start = allOf(
            atom(Resources.PROCESS_DEFINITION, "microcredit-application", ProcessDefinitionPermissions.CREATE_INSTANCE));
        check("ayse", List.of(), start, granted -> true);

        cache.invalidate();

        assertThat(check("ayse", List.of(), start, granted -> false)).isFalse();
        assertThat(asked).hasSize(2);
    }

    @Test
    void shouldNotKeepAnAnswerGivenWhileAnAuthorizationWasWritten() {
        CompositePermissionCheck start = allOf(
            atom(Resources.PROCESS_DEFINITION, "microcredit-application", ProcessDefinitionPermissions.CREATE_INSTANCE));

        assertThat(check("ayse", List.of(), start, granted -> {
            cache.invalidate();
            return true;
        })).isTrue();

        assertThat(check("ayse", List.of(), start, granted -> false)).as("asked again, not the earlier answer").isFalse();
        assertThat(asked).hasSize(2);
    }

    private boolean check(String userId, List<String> groupIds, CompositePermissionCheck check,
            Predicate<CompositePermissionCheck> database) {
        return cache.isAuthorized(userId, groupIds, check, part -> {
            asked.add(part.getAllPermissionChecks().stream().map(PermissionCheck::getResourceType).toList());
            return database.test(part);
        });
    }

    /** The engine's task-work check: the task or its definition, with either permission. */
    private static CompositePermissionCheck taskWork(String taskId) {
        CompositePermissionCheck check = new CompositePermissionCheck(true);
        check.setAtomicChecks(List.of(atom(Resources.TASK, taskId, TaskPermissions.TASK_WORK),
            atom(Resources.PROCESS_DEFINITION, "microcredit-application", ProcessDefinitionPermissions.TASK_WORK),
            atom(Resources.TASK, taskId, Permissions.UPDATE),
            atom(Resources.PROCESS_DEFINITION, "microcredit-application", ProcessDefinitionPermissions.UPDATE_TASK)));
        return check;
    }

    private static Predicate<CompositePermissionCheck> onlyDefinitions() {
        return granted -> granted.getAllPermissionChecks().stream()
            .allMatch(atom -> atom.getResourceType() == Resources.PROCESS_DEFINITION.resourceType());
    }

    private static CompositePermissionCheck allOf(PermissionCheck... atoms) {
        CompositePermissionCheck check = new CompositePermissionCheck(false);
        check.setAtomicChecks(List.of(atoms));
        return check;
    }

    private static PermissionCheck atom(Resource resource, String resourceId, Permission permission) {
        PermissionCheck atom = new PermissionCheck();
        atom.setResource(resource);
        atom.setResourceId(resourceId);
        atom.setPermission(permission);
        return atom;
    }
}
