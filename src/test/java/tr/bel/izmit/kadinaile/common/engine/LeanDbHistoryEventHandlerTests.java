package tr.bel.izmit.kadinaile.common.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Decisions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;

/** What {@link LeanDbHistoryEventHandler} writes of a task that is claimed and completed in later commands. */
@SpringBootTest
@ActiveProfiles("test")
class LeanDbHistoryEventHandlerTests {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    private ProcessInstance instance;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
    }

    @Test
    void shouldStartATasksHistoryAtItsCreationAndMeasureItsDurationFromThere() {
        Date created = Date.from(Instant.parse("2026-03-02T06:15:00Z"));
        ClockUtil.setCurrentTime(created);
        instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(historic(task).getStartTime()).isEqualTo(task.getCreateTime());

        ClockUtil.setCurrentTime(new Date(created.getTime() + Duration.ofMinutes(20).toMillis()));
        taskService.claim(task.getId(), "ayse.yilmaz");
        Date completed = new Date(created.getTime() + Duration.ofMinutes(95).toMillis());
        ClockUtil.setCurrentTime(completed);
        taskService.complete(task.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE));

        HistoricTaskInstance history = historic(task);
        assertThat(history.getStartTime()).isEqualTo(task.getCreateTime());
        assertThat(history.getAssignee()).isEqualTo("ayse.yilmaz");
        assertThat(history.getEndTime()).isEqualTo(completed);
        assertThat(history.getDurationInMillis()).isEqualTo(completed.getTime() - task.getCreateTime().getTime());
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
            .as("no variable details").isZero();
        assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).count())
            .as("no candidate-group log").isZero();
    }

    private HistoricTaskInstance historic(Task task) {
        return historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    }
}
