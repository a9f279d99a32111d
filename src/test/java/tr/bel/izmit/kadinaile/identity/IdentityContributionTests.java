package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A capability's {@link IdentityContribution} alone yields its groups, authorizations and Tasklist filters: here a
 * contribution written in the test (a future İZGİM counselling service with a confidential process and a study-centre
 * process), set up by {@link IdentitySetup} on an engine of its own, without the application or any other capability.
 */
class IdentityContributionTests {

    private static final StaffGroup PSYCHOLOGISTS = new StaffGroup("izgim-psychologists", "İZGİM Psikologları");
    private static final String COUNSELLING = "izgim-counselling";
    private static final String STUDY_CENTRE = "izgim-study-centre";
    private static final CaseReference CLIENT_CODE = new CaseReference("clientCode", "Danışan kodu");
    private static final String TODAY_FILTER = "Bugünkü seanslar";
    private static final String SOMEONE = "contribution-test-user";

    private static ProcessEngine engine;
    private static AuthorizationService authorizations;
    private static FilterService filters;

    /** What the counselling capability would declare: nothing in identity names it. */
    static final class CounsellingContribution implements IdentityContribution {

        @Override
        public List<StaffGroup> groups() {
            return List.of(StaffGroup.IZGIM_OFFICERS, PSYCHOLOGISTS);
        }

        @Override
        public List<ProcessAccessPolicy> processes() {
            return List.of(
                new ProcessAccessPolicy(COUNSELLING, Set.of(StaffGroup.IZGIM_OFFICERS), Set.of(PSYCHOLOGISTS), Set.of(),
                    Set.of(PSYCHOLOGISTS), Set.of("counselling-priority"), true, CLIENT_CODE),
                new ProcessAccessPolicy(STUDY_CENTRE, Set.of(StaffGroup.IZGIM_OFFICERS), Set.of(StaffGroup.IZGIM_OFFICERS),
                    Set.of(), Set.of(StaffGroup.MANAGERS), Set.of(), false, CaseReference.TRACKING_CODE));
        }

        @Override
        public List<TasklistFilter> tasklistFilters() {
            return List.of(new TasklistFilter(TODAY_FILTER, "Psikologların önceliği 50 ve üzeri olan seansları.",
                TasklistFilter.BETWEEN_QUEUE_AND_OVERDUE, true,
                query -> query.processDefinitionKey(COUNSELLING).taskMinPriority(50), Set.of(PSYCHOLOGISTS),
                List.of(CLIENT_CODE)));
        }
    }

    @BeforeAll
    static void setUpWithTheContributionAlone() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
            .createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:identity-contribution-tests;DB_CLOSE_DELAY=-1")
            .setProcessEngineName("identity-contribution-tests")
            .setJobExecutorActivate(false)
            .setAuthorizationEnabled(true);
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9._-]+");
        engine = configuration.buildProcessEngine();
        authorizations = engine.getAuthorizationService();
        filters = engine.getFilterService();
        // what the Camunda starter gives the administrators before our set-up runs: everything
        var all = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(StaffGroup.CAMUNDA_ADMIN.id());
        all.setResource(Resources.PROCESS_DEFINITION);
        all.setResourceId("*");
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);

        StaffDirectory directory = new StaffDirectory(List.of(new CounsellingContribution()));
        new IdentitySetup(engine.getIdentityService(), authorizations, filters, engine.getTaskService(), directory,
            new StaticListableBeanFactory().getBeanProvider(DemoUsers.class), Clock.systemUTC()).afterSingletonsInstantiated();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void shouldCreateTheContributedAndTheSharedGroupsWithTheirTurkishNames() {
        Group psychologists = engine.getIdentityService().createGroupQuery().groupId(PSYCHOLOGISTS.id()).singleResult();

        assertThat(psychologists.getName()).isEqualTo("İZGİM Psikologları");
        assertThat(psychologists.getType()).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
        assertThat(engine.getIdentityService().createGroupQuery().list()).extracting(Group::getId)
            .containsExactlyInAnyOrder("izgim-officers", "izgim-psychologists", "managers", "camunda-admin");
    }

    @Test
    void shouldGrantWhatThePoliciesDeclare() {
        assertThat(allowed(StaffGroup.IZGIM_OFFICERS, ProcessDefinitionPermissions.CREATE_INSTANCE, COUNSELLING)).isTrue();
        assertThat(allowed(PSYCHOLOGISTS, ProcessDefinitionPermissions.CREATE_INSTANCE, COUNSELLING)).isFalse();
        assertThat(allowed(PSYCHOLOGISTS, ProcessDefinitionPermissions.TASK_WORK, COUNSELLING)).isTrue();
        assertThat(allowed(PSYCHOLOGISTS, ProcessDefinitionPermissions.READ_HISTORY, COUNSELLING)).isTrue();
        assertThat(allowed(StaffGroup.IZGIM_OFFICERS, ProcessDefinitionPermissions.TASK_WORK, COUNSELLING)).isFalse();
        assertThat(allowed(StaffGroup.MANAGERS, ProcessDefinitionPermissions.READ_INSTANCE, COUNSELLING)).isFalse();
        assertThat(allowed(StaffGroup.MANAGERS, ProcessDefinitionPermissions.READ_INSTANCE, STUDY_CENTRE)).isTrue();
        assertThat(authorizations.isUserAuthorized(SOMEONE, List.of(PSYCHOLOGISTS.id()), Permissions.READ,
            Resources.DECISION_DEFINITION, "counselling-priority")).isTrue();
    }

    @Test
    void shouldGrantTheAdministratorsTheOpenProcessButNothingOfTheConfidentialOne() {
        assertThat(adminGrants("*")).isZero();
        assertThat(adminGrants(COUNSELLING)).isZero();
        assertThat(adminGrants(STUDY_CENTRE)).isOne();
    }

    @Test
    void shouldGiveEachGroupItsQueueWithItsProcessesCaseReference() {
        Filter queue = filters.createTaskFilterQuery().filterName(IdentitySetup.GROUP_FILTER_PREFIX + "İZGİM Psikologları")
            .singleResult();

        assertThat(((TaskQueryImpl) queue.getQuery()).getCandidateGroup()).isEqualTo(PSYCHOLOGISTS.id());
        assertThat(queue.getProperties()).containsEntry("variables", List.of(Map.of("name", "clientCode", "label", "Danışan kodu")))
            .containsEntry("priority", IdentitySetup.GROUP_FILTER_PRIORITY + 1);
        assertThat(readable(PSYCHOLOGISTS, queue)).isTrue();
        assertThat(readable(StaffGroup.IZGIM_OFFICERS, queue)).isFalse();
        Filter officers = filters.createTaskFilterQuery().filterName(IdentitySetup.GROUP_FILTER_PREFIX + "İZGİM Memurları")
            .singleResult();
        assertThat(officers.getProperties()).containsEntry("priority", IdentitySetup.GROUP_FILTER_PRIORITY)
            .containsEntry("variables", List.of(Map.of("name", "clientCode", "label", "Danışan kodu"),
                Map.of("name", "trackingCode", "label", "Takip kodu")));
        assertThat(filters.createTaskFilterQuery().filterName(IdentitySetup.OVERDUE_FILTER_PREFIX + "İZGİM Psikologları")
            .count()).isOne();
    }

    @Test
    void shouldCreateTheContributedFilterForItsReadersOnly() {
        Filter today = filters.createTaskFilterQuery().filterName(TODAY_FILTER).singleResult();

        TaskQueryImpl query = today.getQuery();
        assertThat(query.getProcessDefinitionKey()).isEqualTo(COUNSELLING);
        assertThat(query.getMinPriority()).isEqualTo(50);
        assertThat(query.getOrderingProperties()).extracting(ordering -> ordering.getQueryProperty().getName())
            .startsWith("DUE_DATE_", "PRIORITY_");
        assertThat(today.getProperties()).containsEntry("priority", TasklistFilter.BETWEEN_QUEUE_AND_OVERDUE)
            .containsEntry("color", "#b5152b")
            .containsEntry("variables", List.of(Map.of("name", "clientCode", "label", "Danışan kodu")));
        assertThat(readable(PSYCHOLOGISTS, today)).isTrue();
        assertThat(readable(StaffGroup.IZGIM_OFFICERS, today)).isFalse();
        assertThat(readable(StaffGroup.MANAGERS, today)).isFalse();
    }

    private static boolean allowed(StaffGroup group, org.camunda.bpm.engine.authorization.Permission permission, String key) {
        return authorizations.isUserAuthorized(SOMEONE, List.of(group.id()), permission, Resources.PROCESS_DEFINITION, key);
    }

    private static long adminGrants(String resourceId) {
        return authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.CAMUNDA_ADMIN.id())
            .resourceType(Resources.PROCESS_DEFINITION).resourceId(resourceId).count();
    }

    private static boolean readable(StaffGroup group, Filter filter) {
        return authorizations.isUserAuthorized(SOMEONE, List.of(group.id()), Permissions.READ, Resources.FILTER, filter.getId());
    }
}
