package tr.bel.izmit.kadinaile.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.forms.FormInputs;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.forms.FormSchema;
import tr.bel.izmit.kadinaile.forms.FormValidator;

/**
 * Applications from the public portal (HTML pages and JSON API alike): the whole submission is validated
 * against the very form Tasklist uses plus the domain rules, and only then is the process started, by the
 * application itself (no citizen ever talks to the engine). Status is read from the engine's history and
 * shown as milestones with dates: no staff names, no comments.
 */
@Service
public class PortalApplications {

    static final int MAX_FIELDS = 60;
    static final int MAX_TEXT = 5000;

    private final PortalCatalog catalog;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortalApplications(PortalCatalog catalog, FormRegistry forms, FormValidator validator, RuntimeService runtimeService,
            HistoryService historyService, IdentityService identityService, JdbcTemplate jdbc, Clock clock) {
        this.catalog = catalog;
        this.forms = forms;
        this.validator = validator;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Submission(String trackingCode, String processKey, boolean repeated) {
    }

    /** A milestone reached; its BPMN element id stays on the server (the status page words it by id). */
    public record Step(String label, Instant startedAt, Instant finishedAt, @JsonIgnore String elementId) {
    }

    public record Status(String trackingCode, String title, Instant submittedAt, boolean finished, List<Step> steps,
            boolean withdrawable) {
    }

    public PortalProcess process(String processKey) {
        return catalog.find(processKey).orElseThrow(() -> new NoSuchElementException(processKey));
    }

    public FormSchema form(String processKey) {
        return forms.get(process(processKey).formId());
    }

    /**
     * Validates and submits an application.
     *
     * @param idempotencyKey optional: a repeated submission with the same key returns the first result
     * @throws ValidationFailedException naming every wrong field, before anything is stored or started
     * @throws NoSuchElementException for a service that cannot be applied for online
     */
    @Transactional
    public Submission submit(String processKey, Map<String, Object> submitted, String idempotencyKey) {
        PortalProcess process = process(processKey);
        FormSchema form = forms.get(process.formId());
        // identifiers as people type them (spaces, +90 ...) are checked and stored in their one written form
        Map<String, Object> values = FormInputs.normalized(form, submitted);
        List<FieldError> errors = new ArrayList<>(bounds(values));
        if (errors.isEmpty()) {
            errors.addAll(validator.unknownFields(form, values.keySet()));
            errors.addAll(validator.validate(form, values));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        String hash = hash(processKey, values);
        if (idempotencyKey != null) {
            Optional<Submission> earlier = earlier(idempotencyKey, processKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String trackingCode = start(processKey, values);
        if (idempotencyKey != null) {
            // a concurrent twin with the same key fails here on the primary key and rolls back its start
            jdbc.update("insert into portal_idempotency (idempotency_key, process_key, request_hash, tracking_code, created_at) "
                + "values (?, ?, ?, ?, ?)", idempotencyKey, processKey, hash, trackingCode, Timestamp.from(Instant.now(clock)));
        }
        return new Submission(trackingCode, processKey, false);
    }

    private String start(String processKey, Map<String, Object> values) {
        // as the application itself: no citizen identity reaches the engine
        identityService.clearAuthentication();
        ProcessInstance started = runtimeService.startProcessInstanceByKey(processKey, new TreeMap<>(values));
        // every public process's intake listener sets the tracking code as business key in the start transaction, on
        // the entity the engine returns, also when the instance ended in it (an applicant who is not eligible is told
        // at once)
        return started.getBusinessKey();
    }

    private Optional<Submission> earlier(String idempotencyKey, String processKey, String hash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
            "select process_key, request_hash, tracking_code from portal_idempotency where idempotency_key = ?", idempotencyKey);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        if (!processKey.equals(row.get("process_key")) || !hash.equals(row.get("request_hash"))) {
            throw new ConflictException(Texts.get("portal.api.idempotency-key.reused"));
        }
        return Optional.of(new Submission((String) row.get("tracking_code"), processKey, true));
    }

    /** The status of an application, or empty for an unknown code (or a code of a non-public process). */
    @Transactional(readOnly = true)
    public Optional<Status> status(String trackingCode) {
        String code = trackingCode == null ? "" : trackingCode.trim().toUpperCase(java.util.Locale.ROOT);
        Optional<PortalProcess> process = TrackingCodes.isWellFormed(code) ? catalog.byTrackingCode(code) : Optional.empty();
        // the same query runs for unknown codes, so that an answer takes as long either way
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(process.map(PortalProcess::processKey).orElse("portal-no-such-process"))
            .processInstanceBusinessKey(code)
            .singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> milestones = process.get().milestones();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            String label = milestones.get(activity.getActivityId());
            if (label != null && steps.stream().noneMatch(s -> s.label().equals(label) && s.finishedAt() == null)) {
                steps.add(new Step(label, activity.getStartTime().toInstant(),
                    activity.getEndTime() == null ? null : activity.getEndTime().toInstant(), activity.getActivityId()));
            }
        }
        boolean withdrawable = instance.getEndTime() == null && catalog.service(process.get().processKey())
            .map(service -> service.withdrawableAt(Set.copyOf(runtimeService.getActiveActivityIds(instance.getId()))))
            .orElse(false);
        return Optional.of(new Status(code, process.get().title(), instance.getStartTime().toInstant(),
            instance.getEndTime() != null, steps, withdrawable));
    }

    /**
     * The applicant withdraws her application with its tracking code, where the process allows it.
     *
     * @throws NoSuchElementException for an unknown code
     * @throws ConflictException when the application can no longer be withdrawn
     */
    @Transactional
    public void withdraw(String trackingCode) {
        Status status = status(trackingCode).orElseThrow(() -> new NoSuchElementException("tracking code"));
        PublicService service = catalog.byTrackingCode(status.trackingCode())
            .flatMap(process -> catalog.service(process.processKey())).orElseThrow();
        if (!status.withdrawable() || !service.withdraw(status.trackingCode())) {
            throw new ConflictException(Texts.get("portal.withdrawal.too-late"));
        }
    }

    private static List<FieldError> bounds(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        if (values.size() > MAX_FIELDS) {
            errors.add(new FieldError("form", Texts.get("portal.validation.too-many-fields")));
            return errors;
        }
        values.forEach((key, value) -> {
            if (key == null || key.length() > 100) {
                errors.add(new FieldError("form", Texts.get("portal.validation.field-name.invalid")));
            } else if (value != null && String.valueOf(value).length() > MAX_TEXT) {
                errors.add(new FieldError(key, Texts.get("portal.validation.field.too-long")));
            }
        });
        return errors;
    }

    private static String hash(String processKey, Map<String, Object> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(processKey.getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(values).forEach((key, value) -> digest.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
