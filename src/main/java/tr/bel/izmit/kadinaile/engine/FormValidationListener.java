package tr.bel.izmit.kadinaile.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.forms.FormInputs;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.forms.FormSchema;
import tr.bel.izmit.kadinaile.forms.FormValidator;

/**
 * Camunda Forms validate only in the browser. This listener repeats every rule of the element's own form
 * ({@code camunda:formRef}) on the server: on a start event's {@code start} and a user task's
 * {@code complete}. A broken rule throws, which rolls back the whole command: the process does not start,
 * the task stays open, and Tasklist shows the Turkish message naming the field.
 */
@Component("formValidation")
public class FormValidationListener implements TaskListener, ExecutionListener {

    private final FormRegistry forms;
    private final FormValidator validator;

    FormValidationListener(FormRegistry forms, FormValidator validator) {
        this.forms = forms;
        this.validator = validator;
    }

    @Override
    public void notify(DelegateTask task) {
        UserTask element = (UserTask) task.getBpmnModelElementInstance();
        check(element, element.getCamundaFormRef(), task);
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (!(element instanceof StartEvent startEvent)) {
            throw new IllegalStateException("form validation listens on start events and user tasks, not on " + element.getId());
        }
        check(element, startEvent.getCamundaFormRef(), execution);
    }

    /**
     * Identifiers typed with spaces or a phone's +90 are first written back in their one written form
     * ({@link FormInputs}), so that what is validated is what the process and our tables keep.
     */
    private void check(FlowElement element, String formRef, VariableScope scope) {
        if (formRef == null) {
            throw new IllegalStateException(element.getId() + " has no camunda:formRef to validate against");
        }
        FormSchema form = forms.get(formRef);
        FormInputs.changes(form, scope.getVariables()).forEach(scope::setVariable);
        validator.check(form, scope.getVariables());
    }
}
