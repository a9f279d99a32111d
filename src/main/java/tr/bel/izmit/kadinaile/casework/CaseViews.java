package tr.bel.izmit.kadinaile.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.casework.CaseFiles.CaseField;
import tr.bel.izmit.kadinaile.casework.CaseFiles.CaseMatch;
import tr.bel.izmit.kadinaile.casework.CaseFiles.CaseRecord;
import tr.bel.izmit.kadinaile.casework.CaseworkAudit.Outcome;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;

/**
 * The case view and the person search. Who may see what:
 * <ul>
 *   <li>a case's data next to a task only to the people who may work on that task (its assignee, owner, a candidate
 *       user or a member of a candidate group; an administrator or a manager is none of these on a task she is not
 *       named on) — anyone else gets 404, whether or not the task exists; among them only the fields the service
 *       grants to one of her groups — none granted: 403;</li>
 *   <li>a confidential service's data only after a stated reason (a choice and at least {@value #MIN_REASON} characters
 *       of explanation);</li>
 *   <li>a person search only in the services whose search groups she belongs to: a confidential service is never
 *       searched for anyone outside it.</li>
 * </ul>
 * Every view (shown or refused) and every search is audited ({@link CaseworkAudit}); the data is returned only when
 * its audit row is written in the same transaction. Engine look-ups run as the application after these checks.
 */
@Service
class CaseViews {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 500;
    /** Results per service at most. */
    static final int SEARCH_LIMIT = 20;
    /** Cases a service reads per search before the running ones are picked out. */
    static final int SEARCH_ROWS = 200;
    /** The stated reasons a confidential view offers (the explanation is written beside the choice). */
    static final List<String> REASONS = List.of("api.casework.reason.follow-up", "api.casework.reason.referral",
        "api.casework.reason.safety-plan", "api.casework.reason.risk", "api.casework.reason.closure",
        "api.casework.reason.other");

    record Caller(String userId, Set<String> groupIds, String remoteAddress) {
    }

    record FieldValue(String key, String label, String value) {

        @Override
        public String toString() {
            return "FieldValue[" + key + ", value redacted]";
        }
    }

    /** What the tab shows before the data: the service, whether a reason is needed, the fields it will show. */
    record Description(String service, boolean reasonRequired, List<String> reasons, int minimumReasonLength, String notice,
            List<String> fieldLabels) {
    }

    record View(String service, String reference, boolean confidential, String notice, List<FieldValue> fields) {

        @Override
        public String toString() {
            return "View[" + service + ", " + reference + ", values redacted]";
        }
    }

    record Hit(String service, String reference, List<String> currentSteps, String taskId) {
    }

    private record TaskCase(Task task, String processKey, CaseFiles files, List<CaseField> fields) {
    }

    private final Map<String, CaseFiles> filesByProcess = new LinkedHashMap<>();
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TechnicalEngineCalls technical;
    private final CaseworkAudit audit;
    private final TransactionTemplate transaction;

    CaseViews(List<CaseFiles> files, TaskService tasks, RuntimeService runtime, RepositoryService repository,
            TechnicalEngineCalls technical, CaseworkAudit audit, PlatformTransactionManager transactionManager) {
        files.forEach(f -> filesByProcess.put(f.processKey(), f));
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.technical = technical;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Every group that may use the case view or the search of some service (the door's rule). */
    Set<String> staffGroups() {
        Set<String> groups = new LinkedHashSet<>();
        filesByProcess.values().forEach(f -> {
            groups.addAll(f.viewGroups());
            groups.addAll(f.searchGroups());
        });
        return groups;
    }

    Description describe(String taskId, Caller caller) {
        TaskCase taskCase = resolve(taskId, caller);
        boolean confidential = taskCase.files().confidential();
        return new Description(taskCase.files().service(), confidential,
            confidential ? REASONS.stream().map(Texts::get).toList() : List.of(), confidential ? MIN_REASON : 0,
            confidential ? Texts.get("api.casework.view.recorded") : null,
            taskCase.fields().stream().map(CaseField::label).toList());
    }

    View view(String taskId, Caller caller, String reasonChoice, String reasonText) {
        TaskCase taskCase = resolve(taskId, caller);
        Task task = taskCase.task();
        CaseFiles files = taskCase.files();
        String reason = null;
        if (files.confidential()) {
            reason = statedReason(reasonChoice, reasonText);
            if (reason == null) {
                audit.view(caller.userId(), taskCase.processKey(), task.getProcessInstanceId(), taskId, null, List.of(), null,
                    Outcome.REASON_MISSING, caller.remoteAddress());
                throw ValidationFailedException.of("reason", Texts.get("api.casework.reason.required", MIN_REASON));
            }
        }
        String statedReason = reason;
        return transaction.execute(status -> {
            CaseRecord record = files.read(task.getProcessInstanceId(), taskCase.fields(), caller.userId(), caller.remoteAddress())
                .orElseThrow(() -> new NoSuchElementException("no case record for the task's instance"));
            List<FieldValue> shown = new ArrayList<>();
            for (CaseField field : taskCase.fields()) {
                String value = record.values().get(field.key());
                if (value != null && !value.isBlank()) {
                    shown.add(new FieldValue(field.key(), field.label(), value));
                }
            }
            audit.view(caller.userId(), taskCase.processKey(), task.getProcessInstanceId(), taskId, record.reference(),
                shown.stream().map(FieldValue::key).toList(), statedReason, Outcome.SHOWN, caller.remoteAddress());
            return new View(files.service(), record.reference(), files.confidential(),
                files.confidential() ? Texts.get("api.casework.view.recorded") : null, shown);
        });
    }

    /** The services whose open cases she may search (their names), in the order they are searched. */
    List<String> searchableServices(Caller caller) {
        return filesByProcess.values().stream().filter(f -> f.searchGroups().stream().anyMatch(caller.groupIds()::contains))
            .map(CaseFiles::service).toList();
    }

    List<Hit> search(Caller caller, String kind, String term) {
        PersonKey key = PersonKey.of(kind, term);
        List<CaseFiles> searchable = filesByProcess.values().stream()
            .filter(f -> f.searchGroups().stream().anyMatch(caller.groupIds()::contains)).toList();
        if (searchable.isEmpty()) {
            throw new AuthorizationException(Texts.get("api.error.forbidden"));
        }
        List<Hit> hits = new ArrayList<>();
        for (CaseFiles files : searchable) {
            List<CaseMatch> matches = files.search(key, SEARCH_ROWS);
            Set<String> running = running(matches);
            matches.stream().filter(match -> running.contains(match.processInstanceId())).limit(SEARCH_LIMIT)
                .forEach(match -> hits.add(hit(files, match, caller)));
        }
        audit.search(caller.userId(), key, hits.size(), searchable.stream().map(CaseFiles::processKey).toList(),
            caller.remoteAddress());
        return hits;
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The task's case if the caller may work on the task and her groups see some of its fields; audits a refusal. */
    private TaskCase resolve(String taskId, Caller caller) {
        Task task = technical.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        String processKey = task == null || task.getProcessDefinitionId() == null ? null
            : technical.call(() -> repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
        CaseFiles files = processKey == null ? null : filesByProcess.get(processKey);
        if (task == null || files == null || !mayWorkOn(task, caller)) {
            audit.view(caller.userId(), processKey, task == null ? null : task.getProcessInstanceId(), taskId, null, List.of(),
                null, Outcome.REFUSED, caller.remoteAddress());
            throw new NoSuchElementException("task not found or not the caller's");
        }
        List<CaseField> fields = files.fieldsFor(caller.groupIds());
        if (fields.isEmpty()) {
            audit.view(caller.userId(), processKey, task.getProcessInstanceId(), taskId, null, List.of(), null,
                Outcome.REFUSED, caller.remoteAddress());
            throw new AuthorizationException(Texts.get("api.casework.view.no-fields"));
        }
        return new TaskCase(task, processKey, files, fields);
    }

    private boolean mayWorkOn(Task task, Caller caller) {
        if (caller.userId().equals(task.getAssignee()) || caller.userId().equals(task.getOwner())) {
            return true;
        }
        List<IdentityLink> links = technical.call(() -> tasks.getIdentityLinksForTask(task.getId()));
        return links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .anyMatch(link -> caller.userId().equals(link.getUserId())
                || link.getGroupId() != null && caller.groupIds().contains(link.getGroupId()));
    }

    private Set<String> running(List<CaseMatch> matches) {
        Set<String> ids = new LinkedHashSet<>();
        matches.forEach(m -> {
            if (m.processInstanceId() != null) {
                ids.add(m.processInstanceId());
            }
        });
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<ProcessInstance> instances = technical.call(() -> runtime.createProcessInstanceQuery().processInstanceIds(ids).list());
        Set<String> running = new LinkedHashSet<>();
        instances.forEach(instance -> running.add(instance.getId()));
        return running;
    }

    private Hit hit(CaseFiles files, CaseMatch match, Caller caller) {
        List<Task> open = technical.call(() -> tasks.createTaskQuery().processInstanceId(match.processInstanceId())
            .orderByTaskCreateTime().asc().list());
        String taskId = open.stream().filter(task -> mayWorkOn(task, caller)).map(Task::getId).findFirst()
            .orElse(open.isEmpty() ? null : open.get(0).getId());
        return new Hit(files.service(), match.reference(), open.stream().map(Task::getName).distinct().toList(), taskId);
    }

    /** "choice — explanation", or null when the choice is not one of the offered ones or the explanation is too short. */
    static String statedReason(String choice, String text) {
        String explanation = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        Optional<String> offered = REASONS.stream().map(Texts::get).filter(r -> r.equals(choice)).findFirst();
        if (offered.isEmpty() || explanation.length() < MIN_REASON || explanation.length() > MAX_REASON) {
            return null;
        }
        return offered.get() + " — " + explanation;
    }
}
