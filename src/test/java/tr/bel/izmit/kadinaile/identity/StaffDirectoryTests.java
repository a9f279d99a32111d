package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** How {@link StaffDirectory} merges the capabilities' contributions, without an engine or a Spring context. */
class StaffDirectoryTests {

    private static final StaffGroup PSYCHOLOGISTS = new StaffGroup("izgim-psychologists", "İZGİM Psikologları");
    private static final StaffGroup DIETITIANS = new StaffGroup("izgim-dietitians", "İZGİM Diyetisyenleri");
    private static final StaffGroup CLERKS = new StaffGroup("clerks", "Memurlar");

    @Test
    void shouldListTheGroupsInTheOrderOfTheirFirstMentionThenTheSharedOnesAndTheAdministratorsLast() {
        StaffDirectory directory = new StaffDirectory(List.of(
            contribution(List.of(PSYCHOLOGISTS, StaffGroup.MANAGERS), List.of()),
            contribution(List.of(StaffGroup.MANAGERS, DIETITIANS), List.of())));

        assertThat(directory.groups()).containsExactly(PSYCHOLOGISTS, StaffGroup.MANAGERS, DIETITIANS,
            StaffGroup.IZGIM_OFFICERS, StaffGroup.CAMUNDA_ADMIN);
        assertThat(directory.workflowGroups()).doesNotContain(StaffGroup.CAMUNDA_ADMIN).hasSize(4);
        assertThat(directory.position(DIETITIANS)).isEqualTo(2);
        assertThat(directory.displayName("izgim-dietitians")).isEqualTo("İZGİM Diyetisyenleri");
        assertThat(directory.displayName("unknown-group")).isEqualTo("unknown-group");
    }

    @Test
    void shouldKnowOnlyTheSharedGroupsWithoutAnyCapability() {
        StaffDirectory directory = new StaffDirectory(List.of());

        assertThat(directory.groups()).containsExactly(StaffGroup.IZGIM_OFFICERS, StaffGroup.MANAGERS, StaffGroup.CAMUNDA_ADMIN);
        assertThat(directory.policies()).isEmpty();
        assertThat(directory.tasklistFilters()).isEmpty();
    }

    @Test
    void shouldKeepEveryPolicyFilterAndDemoUserOfEveryContribution() {
        ProcessAccessPolicy counselling = policy("izgim-counselling", PSYCHOLOGISTS);
        ProcessAccessPolicy diet = policy("izgim-diet", DIETITIANS);
        TasklistFilter filter = new TasklistFilter("Bugünkü seanslar", "Bugünün seansları.", TasklistFilter.BETWEEN_QUEUE_AND_OVERDUE,
            false, query -> query.processDefinitionKey("izgim-counselling"), Set.of(PSYCHOLOGISTS), List.of());
        IdentityContribution withFilter = new IdentityContribution() {
            @Override
            public List<StaffGroup> groups() {
                return List.of(PSYCHOLOGISTS);
            }

            @Override
            public List<ProcessAccessPolicy> processes() {
                return List.of(counselling);
            }

            @Override
            public List<TasklistFilter> tasklistFilters() {
                return List.of(filter);
            }

            @Override
            public List<DemoUser> demoUsers() {
                return List.of(new DemoUser("deniz.psikolog", "Deniz", "Psikolog", List.of(PSYCHOLOGISTS)));
            }
        };

        StaffDirectory directory = new StaffDirectory(List.of(withFilter, contribution(List.of(DIETITIANS), List.of(diet))));

        assertThat(directory.policies()).containsExactly(counselling, diet);
        assertThat(directory.tasklistFilters()).containsExactly(filter);
        assertThat(directory.demoUsers()).extracting(DemoUser::id).containsExactly("deniz.psikolog");
    }

    @Test
    void shouldRefuseOneGroupIdWithTwoNames() {
        List<IdentityContribution> contributions = List.of(contribution(List.of(PSYCHOLOGISTS), List.of()),
            contribution(List.of(new StaffGroup(PSYCHOLOGISTS.id(), "Psikologlar")), List.of()));

        assertThatThrownBy(() -> new StaffDirectory(contributions)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("izgim-psychologists");
    }

    @Test
    void shouldRefuseASharedGroupUnderAnotherName() {
        List<IdentityContribution> contributions = List.of(
            contribution(List.of(new StaffGroup(StaffGroup.MANAGERS.id(), "Müdürler")), List.of()));

        assertThatThrownBy(() -> new StaffDirectory(contributions)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("managers");
    }

    @Test
    void shouldRefuseAPolicyThatNamesAGroupNobodyDeclares() {
        List<IdentityContribution> contributions = List.of(contribution(List.of(), List.of(policy("izgim-counselling", CLERKS))));

        assertThatThrownBy(() -> new StaffDirectory(contributions)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("clerks");
    }

    @Test
    void shouldRefuseTwoPoliciesForOneProcess() {
        List<IdentityContribution> contributions = List.of(
            contribution(List.of(PSYCHOLOGISTS), List.of(policy("izgim-counselling", PSYCHOLOGISTS))),
            contribution(List.of(), List.of(policy("izgim-counselling", StaffGroup.MANAGERS))));

        assertThatThrownBy(() -> new StaffDirectory(contributions)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("izgim-counselling");
    }

    @Test
    void shouldNameEveryGroupOfAPolicyOnceInItsOrder() {
        ProcessAccessPolicy policy = new ProcessAccessPolicy("izgim-counselling", Set.of(PSYCHOLOGISTS),
            Set.of(PSYCHOLOGISTS), Set.of(), Set.of(StaffGroup.MANAGERS), Set.of(), true, CaseReference.TRACKING_CODE);

        assertThat(policy.groups()).containsExactly(PSYCHOLOGISTS, StaffGroup.MANAGERS);
    }

    static ProcessAccessPolicy policy(String key, StaffGroup group) {
        return new ProcessAccessPolicy(key, Set.of(group), Set.of(group), Set.of(), Set.of(group), Set.of(), false,
            CaseReference.TRACKING_CODE);
    }

    static IdentityContribution contribution(List<StaffGroup> groups, List<ProcessAccessPolicy> processes) {
        return new IdentityContribution() {
            @Override
            public List<StaffGroup> groups() {
                return groups;
            }

            @Override
            public List<ProcessAccessPolicy> processes() {
                return processes;
            }
        };
    }
}
