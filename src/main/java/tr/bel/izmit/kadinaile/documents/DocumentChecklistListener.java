package tr.bel.izmit.kadinaile.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.documents.RequiredDocuments.Checklist;

/**
 * The officer's document checklist, checked on the server when she completes the task (after the form's own rules,
 * {@code formValidation}): a document marked missing needs a reason, and the outcome follows the checklist: with a
 * document marked missing the documents cannot be "complete", and with every document ticked they cannot be
 * "missing". A broken rule throws {@link ValidationFailedException} naming the field, so the task stays open and
 * Tasklist shows the Turkish message there. A document left unticked is not a verdict (the checklist is optional, for
 * cases checked on paper before it existed). The checklist's fields come from the process's {@link RequiredDocuments}.
 */
@Component("documentChecklist")
class DocumentChecklistListener implements TaskListener {

    private final DocumentCatalog catalog;

    DocumentChecklistListener(DocumentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = processKey(task.getBpmnModelElementInstance());
        Optional<RequiredDocuments> service = catalog.byProcess(processKey);
        Optional<Checklist> checklist = service.flatMap(RequiredDocuments::checklist);
        if (checklist.isEmpty()) {
            throw new IllegalStateException("no document checklist is declared for " + processKey);
        }
        List<FieldError> errors = check(service.get(), checklist.get(), task.getVariables());
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    static List<FieldError> check(RequiredDocuments service, Checklist checklist, Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        boolean anyMissing = false;
        boolean allTicked = true;
        for (RequiredDocument document : service.documents()) {
            Object mark = values.get(document.checkField());
            if (Checklist.MISSING.equals(mark)) {
                anyMissing = true;
                Object reason = values.get(document.reasonField());
                if (reason == null || reason.toString().isBlank()) {
                    errors.add(new FieldError(document.reasonField(), Texts.get("documents.checklist.reason.required", document.label())));
                }
            }
            allTicked &= Checklist.OK.equals(mark);
        }
        Object decision = values.get(checklist.decisionField());
        if (anyMissing && checklist.completeValue().equals(decision)) {
            errors.add(new FieldError(checklist.decisionField(), Texts.get("documents.checklist.complete-with-missing")));
        }
        if (allTicked && checklist.incompleteValue().equals(decision)) {
            errors.add(new FieldError(checklist.decisionField(), Texts.get("documents.checklist.missing-with-all-ticked")));
        }
        return errors;
    }

    private static String processKey(ModelElementInstance element) {
        ModelElementInstance current = element;
        while (current != null && !(current instanceof Process)) {
            current = current.getParentElement();
        }
        if (current == null) {
            throw new IllegalStateException("a user task outside a process");
        }
        return ((Process) current).getId();
    }
}
