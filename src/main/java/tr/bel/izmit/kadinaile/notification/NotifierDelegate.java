package tr.bel.izmit.kadinaile.notification;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The one delegate behind every "… bildir" service task of every process
 * ({@code camunda:delegateExpression="${applicantNotifier}"}): the task names its template in the input parameter
 * {@value #TEMPLATE}; the {@link NoticeSource} of the task's process queues the notice. Written to the outbox in the
 * engine's transaction, sent after commit.
 */
@Component("applicantNotifier")
class NotifierDelegate implements JavaDelegate {

    static final String TEMPLATE = "notificationTemplate";

    private final Map<String, NoticeSource> sources;

    NotifierDelegate(List<NoticeSource> sources) {
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(NoticeSource::processKey, Function.identity()));
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = processKey(execution);
        NoticeSource source = sources.get(processKey);
        if (source == null) {
            throw new IllegalStateException("no notices declared for process " + processKey);
        }
        source.send(execution, (String) execution.getVariableLocal(TEMPLATE));
    }

    /** The key of the task's process, from the model (the process element's id), without a query. */
    static String processKey(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        if (element == null) {
            throw new IllegalStateException("service task " + execution.getCurrentActivityId() + " outside a process");
        }
        return ((Process) element).getId();
    }
}
