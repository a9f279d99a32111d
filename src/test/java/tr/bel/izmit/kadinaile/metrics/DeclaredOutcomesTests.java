package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;

/**
 * The approval rate's activities ({@link DeclaredOutcomes}): every process the managers see declares them, each is
 * a flow node of the deployed model (a renamed element would silently count zero), and the partial index of the
 * approvals query holds exactly these ids (an id missing there would make the query read every activity instance
 * of the period).
 */
@SpringBootTest
@ActiveProfiles("test")
class DeclaredOutcomesTests {

    private static final String INDEX = "db/vendor/postgresql/V19_3__outcome_activities_index.sql";

    @Autowired
    List<ProcessOutcomes> outcomes;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void shouldDeclareOutcomesForEveryProcessTheManagersSee() {
        Set<String> shown = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(ProcessDefinition::getKey).filter(key -> !ViolenceLineProcess.KEY.equals(key))
            // confidential like the violence line (health data): the managers see it only as aggregates
            .filter(key -> !CounsellingProcess.KEY.equals(key))
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(outcomes).extracting(ProcessOutcomes::processKey).containsExactlyInAnyOrderElementsOf(shown);
    }

    @Test
    void shouldNameFlowNodesOfTheDeployedModels() {
        for (ProcessOutcomes declared : outcomes) {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(declared.processKey()).latestVersion().singleResult();
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toSet());
            assertThat(nodes).as(declared.processKey()).containsAll(declared.approvedActivities())
                .containsAll(declared.rejectedActivities());
            assertThat(declared.approvedActivities()).as(declared.processKey()).isNotEmpty()
                .doesNotContainAnyElementsOf(declared.rejectedActivities());
            assertThat(declared.rejectedActivities()).as(declared.processKey()).isNotEmpty();
        }
    }

    @Test
    void shouldKeepThePartialIndexAndTheDeclarationsTheSame() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(INDEX)) {
            assertThat(in).as(INDEX).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String predicate = sql.substring(sql.indexOf("WHERE ACT_ID_ IN"));
        Set<String> indexed = new TreeSet<>();
        Matcher literal = Pattern.compile("'([^']+)'").matcher(predicate.replaceAll("--[^\\n]*", ""));
        while (literal.find()) {
            indexed.add(literal.group(1));
        }
        Set<String> declared = new TreeSet<>();
        outcomes.forEach(process -> {
            declared.addAll(process.approvedActivities());
            declared.addAll(process.rejectedActivities());
        });
        assertThat(indexed).isEqualTo(declared);
    }

    @Test
    void shouldWriteOutOnlyPlainElementIds() {
        assertThat(Dashboard.literals(Set.of("Task_NotifyEnrolled", "EndEvent_StandDeclined")))
            .isEqualTo("'EndEvent_StandDeclined', 'Task_NotifyEnrolled'");
        assertThatThrownBy(() -> Dashboard.literals(Set.of("x' or '1'='1"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a BPMN element id");
    }
}
