package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The groups, authorizations and Tasklist filters {@link IdentitySetup} puts in place, and that a rerun adds nothing. */
@SpringBootTest
@ActiveProfiles("test")
class IdentitySetupTests {

    private static final String SOMEONE = "identity-setup-test-user";
    private static final String MICROCREDIT = "microcredit-application";

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentitySetup identitySetup;

    @ParameterizedTest
    @EnumSource(value = StaffGroup.class, names = "CAMUNDA_ADMIN", mode = EnumSource.Mode.EXCLUDE)
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
    @EnumSource(value = StaffGroup.class, names = "CAMUNDA_ADMIN", mode = EnumSource.Mode.EXCLUDE)
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

    @Test
    void shouldCreateTheMyTasksFilterOnceForEveryWorkflowGroup() {
        List<Filter> filters = filterService.createTaskFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).list();

        assertThat(filters).hasSize(1);
        Filter myTasks = filters.get(0);
        for (StaffGroup group : StaffGroup.values()) {
            if (group.isWorkflowGroup()) {
                assertThat(canRead(group, myTasks)).as("%s reads %s", group, IdentitySetup.MY_TASKS_FILTER).isTrue();
            }
        }
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of("some-other-group"), Permissions.READ,
            Resources.FILTER, myTasks.getId())).isFalse();
    }

    @Test
    void shouldLetOnlyIzgimOfficersStartMicrocreditApplications() {
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.IZGIM_OFFICERS.id()),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, MICROCREDIT)).isTrue();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.ENTREPRENEURSHIP_MENTORS.id()),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, MICROCREDIT)).isFalse();
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.MICROCREDIT_COMMITTEE.id()),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, MICROCREDIT)).isFalse();
        // Mentors may still see the definition whose tasks they work on.
        assertThat(authorizationService.isUserAuthorized(SOMEONE, List.of(StaffGroup.ENTREPRENEURSHIP_MENTORS.id()),
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
        assertThat(filterService.createTaskFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).count()).isEqualTo(1);
    }

    private boolean canRead(StaffGroup group, Filter filter) {
        return authorizationService.isUserAuthorized(SOMEONE, List.of(group.id()), Permissions.READ, Resources.FILTER,
            filter.getId());
    }

    private static StaffGroup anotherWorkflowGroup(StaffGroup group) {
        StaffGroup[] groups = StaffGroup.values();
        int index = group.ordinal();
        do {
            index = (index + 1) % groups.length;
        } while (!groups[index].isWorkflowGroup() || groups[index] == group);
        return groups[index];
    }
}
