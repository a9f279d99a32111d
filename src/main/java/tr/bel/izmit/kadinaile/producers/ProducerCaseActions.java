package tr.bel.izmit.kadinaile.producers;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Messages;

/**
 * Staff actions that move a running onboarding on through a message, sent as the application after the staff API
 * checked the caller (the engine refuses a person's correlation).
 */
@Service
@Transactional
public class ProducerCaseActions {

    private final Producers producers;
    private final RuntimeService runtimeService;
    private final TechnicalEngineCalls technical;

    ProducerCaseActions(Producers producers, RuntimeService runtimeService, TechnicalEngineCalls technical) {
        this.producers = producers;
        this.runtimeService = runtimeService;
        this.technical = technical;
    }

    /** The producer sent the information the coordinators asked for: her application goes back to review. */
    public Producer infoProvided(String producerCode) {
        Producer producer = producers.byCode(producerCode);
        if (producer.getStatus() != ProducerStatus.INFO_REQUESTED) {
            throw new ConflictException(Texts.get("producers.info.not-requested"));
        }
        technical.run(() -> runtimeService.createMessageCorrelation(Messages.INFO_PROVIDED)
            .processInstanceId(producer.getProcessInstanceId())
            .correlate());
        return producer;
    }
}
