package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Task access is granted per process to its participant groups ({@link ProcessLevelTaskAuthorizationPlugin}): a
 * candidate group that were not a participant of its process could not open nor complete its own tasks. Checked
 * for every user task of every deployed process.
 */
@SpringBootTest
@ActiveProfiles("test")
class CandidateGroupsAreParticipantsTests {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    StaffDirectory directory;

    @Test
    void shouldListEveryCandidateGroupOfEveryUserTaskAmongItsProcessParticipants() {
        Map<String, ProcessAccessPolicy> byKey = directory.policies().stream()
            .collect(Collectors.toMap(ProcessAccessPolicy::processKey, Function.identity()));
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).hasSizeGreaterThanOrEqualTo(5);
        int userTasks = 0;
        for (ProcessDefinition definition : definitions) {
            assertThat(byKey).as("access policy of %s", definition.getKey()).containsKey(definition.getKey());
            Set<String> participants = byKey.get(definition.getKey()).participants().stream()
                .map(StaffGroup::id).collect(Collectors.toSet());
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                userTasks++;
                String candidates = task.getCamundaCandidateGroups();
                assertThat(candidates).as("candidate groups of %s in %s", task.getId(), definition.getKey()).isNotBlank()
                    .doesNotContain("${").doesNotContain("#{");
                for (String group : candidates.split(",")) {
                    assertThat(participants).as("participants of %s (task %s)", definition.getKey(), task.getId())
                        .contains(group.trim());
                }
            }
        }
        assertThat(userTasks).isGreaterThan(20);
    }
}
