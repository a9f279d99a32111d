package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

/**
 * What {@link LeanDbHistoryEventHandler} writes of tasks, activities and instances that end in later commands than
 * they started, with their start times kept in {@link HistoryStartTimes} (that these are used instead of reading the
 * history back is what SqlPerInstanceIT counts).
 */
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

    @Test
    void shouldMeasureActivityAndInstanceDurationsFromTheirStartsWhenTheyEndInLaterCommands() {
        Date started = Date.from(Instant.parse("2026-04-06T07:30:00Z"));
        ClockUtil.setCurrentTime(started);
        instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        Task documents = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Date checked = later(started, Duration.ofMinutes(95));
        ClockUtil.setCurrentTime(checked);
        taskService.complete(documents.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE));
        Date withdrawn = later(started, Duration.ofHours(26));
        ClockUtil.setCurrentTime(withdrawn);
        runtimeService.deleteProcessInstance(instance.getId(), "başvuran vazgeçti");

        HistoricActivityInstance documentCheck = activity(MicrocreditProcess.Elements.CHECK_DOCUMENTS);
        assertThat(documentCheck.getStartTime()).isEqualTo(started);
        assertThat(documentCheck.getEndTime()).isEqualTo(checked);
        assertThat(documentCheck.getDurationInMillis()).isEqualTo(Duration.ofMinutes(95).toMillis());
        HistoricActivityInstance assessment = activity(MicrocreditProcess.Elements.ASSESS_BUSINESS_PLAN);
        assertThat(assessment.getStartTime()).isEqualTo(checked);
        assertThat(assessment.getDurationInMillis()).isEqualTo(withdrawn.getTime() - checked.getTime());
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId()).singleResult();
        assertThat(history.getStartTime()).isEqualTo(started);
        assertThat(history.getEndTime()).isEqualTo(withdrawn);
        assertThat(history.getDurationInMillis()).isEqualTo(Duration.ofHours(26).toMillis());
        assertThat(history.getRemovalTime()).as("removal-time strategy end, time to live 3650 days")
            .isEqualTo(later(withdrawn, Duration.ofDays(3650)));
    }

    @Test
    void shouldLeaveNoHistoryOfGatewaysPassedOnTheWayButKeepTheEventBasedGatewayWhereTheInstanceWaits() {
        instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        Task documents = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.complete(documents.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.INCOMPLETE,
            Vars.MISSING_DOCUMENTS, "İkametgah belgesi"));

        List<String> recorded = historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
        assertThat(recorded).as("the way the instance went, without the two exclusive gateways it passed")
            .containsExactly(MicrocreditProcess.Elements.START, MicrocreditProcess.Elements.CHECK_ELIGIBILITY,
                MicrocreditProcess.Elements.CHECK_DOCUMENTS,
                MicrocreditProcess.Elements.NOTIFY_DOCUMENTS_MISSING, MicrocreditProcess.Elements.GATEWAY_WAIT_FOR_DOCUMENTS);
        assertThat(runtimeService.getActiveActivityIds(instance.getId()))
            .containsExactly(MicrocreditProcess.Elements.GATEWAY_WAIT_FOR_DOCUMENTS);
    }

    @Test
    void shouldGiveARunningInstancesHistoryNoRemovalTimeAndAllOfItTheEndPlusTimeToLiveWhenItEnds() {
        Date started = Date.from(Instant.parse("2026-05-04T08:00:00Z"));
        ClockUtil.setCurrentTime(started);
        instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        Task documents = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        // far past start + time to live: under strategy start the cleanup would already erase this running instance
        ClockUtil.setCurrentTime(later(started, Duration.ofDays(4000)));
        taskService.complete(documents.getId(), Map.of(Vars.DOCUMENTS_DECISION, Decisions.COMPLETE));

        assertThat(historic(documents).getRemovalTime()).as("a running instance's rows have no removal time").isNull();
        assertThat(activity(MicrocreditProcess.Elements.ASSESS_BUSINESS_PLAN).getRemovalTime()).isNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
            .getRemovalTime()).isNull();

        Date ended = later(started, Duration.ofDays(4001));
        ClockUtil.setCurrentTime(ended);
        runtimeService.deleteProcessInstance(instance.getId(), "başvuran vazgeçti");

        Date removal = later(ended, Duration.ofDays(3650));
        assertThat(historic(documents).getRemovalTime()).isEqualTo(removal);
        assertThat(activity(MicrocreditProcess.Elements.ASSESS_BUSINESS_PLAN).getRemovalTime()).isEqualTo(removal);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
            .isNotEmpty().allMatch(variable -> removal.equals(variable.getRemovalTime()));
    }

    private HistoricActivityInstance activity(String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(activityId).singleResult();
    }

    private static Date later(Date date, Duration duration) {
        return new Date(date.getTime() + duration.toMillis());
    }

    private HistoricTaskInstance historic(Task task) {
        return historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    }
}
