package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;

/** The engine settings that docs/benchmarks.md measured and kept, as the running application has them. */
@SpringBootTest
@ActiveProfiles("test")
class EngineTuningTests {

    @Autowired
    ProcessEngine engine;

    @Test
    void shouldNotPublishEngineEventsToTheApplicationContextNobodyListensTo() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getCustomPostBPMNParseListeners()).noneMatch(PublishDelegateParseListener.class::isInstance);
        assertThat(configuration.getCustomPreBPMNParseListeners()).noneMatch(PublishDelegateParseListener.class::isInstance);
        assertThat(configuration.getCustomHistoryEventHandlers()).noneMatch(PublishHistoryEventHandler.class::isInstance)
            .anyMatch(PersonalDataHistoryFilter.class::isInstance);
    }

    @Test
    void shouldKeepTheMeasuredEngineSettings() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.isCmmnEnabled()).isFalse();
        assertThat(configuration.isTaskMetricsEnabled()).isFalse();
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    }

    @Test
    void shouldGiveTheEnginesRowsCompactIds() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getIdGenerator()).isInstanceOf(CompactIdGenerator.class);

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(MicrocreditProcess.KEY,
            MicrocreditTestData.startForm(2500));
        try {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(List.of(instance.getId(), task.getId(), instance.getProcessDefinitionId()))
                .allMatch(id -> id.matches("([\\w-]+:\\d+:)?[0-9a-v]{26}"), "a 26-digit id");
        } finally {
            engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up", true, true);
        }
    }
}
