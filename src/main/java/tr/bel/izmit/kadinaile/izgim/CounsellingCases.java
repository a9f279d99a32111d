package tr.bel.izmit.kadinaile.izgim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.izgim.CounsellingAccess.Caller;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.CaseContacts;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.sensitive.RetentionSweep;
import tr.bel.izmit.kadinaile.sensitive.SensitiveCipher;

/**
 * The encrypted counselling case store: the only place where a client's contact, her reason, the child's age and the
 * professionals' session notes live. The process refers to a case by its tracking code (its business key) and id.
 * Every read by a person is checked ({@link CounsellingAccess}) and audited in the same transaction, a refused one too;
 * the personal data and notes are erased {@code app.izgim.retention} after closure. Nothing here logs personal data.
 */
@Service("counsellingCases")
@Transactional
public class CounsellingCases implements CaseContacts {

    static final int REASON_MAX_LENGTH = 500;

    private final CounsellingCaseRepository cases;
    private final SessionNoteRepository notes;
    private final CounsellingAuditRepository audits;
    private final IzgimProperties properties;
    private final Clock clock;
    private final RetentionSweep retention;

    CounsellingCases(CounsellingCaseRepository cases, SessionNoteRepository notes, CounsellingAuditRepository audits,
            IzgimProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.notes = notes;
        this.audits = audits;
        this.properties = properties;
        this.clock = clock;
        this.retention = new RetentionSweep("Counselling", clock, transactionManager);
    }

    /** What the request form brings (already checked against the form's schema). Blank values become null. */
    public record Request(String fullName, String phone, String email, String reason, String preferredTimes, Integer childAge,
            boolean guardianConsent, boolean kvkkConsent) {

        public Request {
            fullName = blankToNull(fullName);
            phone = blankToNull(phone);
            email = blankToNull(email);
            reason = blankToNull(reason);
            preferredTimes = blankToNull(preferredTimes);
        }

        /** Never prints the personal data. */
        @Override
        public String toString() {
            return "Request[personal data redacted]";
        }
    }

    /** The client's record as an allowed reader sees it (nulls once erased). */
    public record RecordView(String trackingCode, String service, String status, String professionalId, String closureOutcome,
            Instant createdAt, Instant closedAt, Instant personalDataErasedAt, String fullName, String phone, String email,
            String reason, String preferredTimes, String childAge) {

        @Override
        public String toString() {
            return "RecordView[trackingCode=" + trackingCode + ", personal data redacted]";
        }
    }

    public record NoteView(Long noteId, String author, Long sessionId, Instant createdAt, String text) {

        @Override
        public String toString() {
            return "NoteView[noteId=" + noteId + ", text redacted]";
        }
    }

    // ------------------------------------------------------------------------------------------- the process side

    /**
     * Stores a new case with the request's data, encrypted; checks the domain rules the form cannot (a child's age and
     * the guardian's consent for child counselling, the explicit consent to health data processing).
     */
    public CounsellingCase open(CounsellingService service, Request request, String processInstanceId) {
        if (service == null) {
            throw ValidationFailedException.of(Vars.SERVICE, Texts.get("izgim.validation.service.required"));
        }
        if (!request.kvkkConsent()) {
            throw ValidationFailedException.of(Vars.KVKK_CONSENT, Texts.get("izgim.validation.kvkk-consent.required"));
        }
        if (service == CounsellingService.CHILD_PSYCHOLOGY) {
            if (request.childAge() == null || request.childAge() < 0 || request.childAge() > 17) {
                throw ValidationFailedException.of(Vars.CHILD_AGE, Texts.get("izgim.validation.child-age.required"));
            }
            if (!request.guardianConsent()) {
                throw ValidationFailedException.of(Vars.GUARDIAN_CONSENT, Texts.get("izgim.validation.guardian-consent.required"));
            }
        }
        if (request.fullName() == null) {
            throw ValidationFailedException.of(Vars.FULL_NAME, Texts.get("izgim.validation.full-name.required"));
        }
        if (request.phone() == null) {
            throw ValidationFailedException.of(Vars.PHONE, Texts.get("izgim.validation.phone.required"));
        }
        checkLength(Vars.REASON, request.reason(), REASON_MAX_LENGTH);
        checkEncryptedLength(Vars.FULL_NAME, request.fullName(), CounsellingCase.ENCRYPTED_COLUMN_LENGTH);
        checkEncryptedLength(Vars.EMAIL, request.email(), CounsellingCase.ENCRYPTED_COLUMN_LENGTH);
        checkEncryptedLength(Vars.PREFERRED_TIMES, request.preferredTimes(), CounsellingCase.ENCRYPTED_COLUMN_LENGTH);
        Request kept = service == CounsellingService.CHILD_PSYCHOLOGY ? request
            : new Request(request.fullName(), request.phone(), request.email(), request.reason(), request.preferredTimes(),
                null, false, true);
        String trackingCode;
        do {
            trackingCode = TrackingCodes.generate(CounsellingProcess.TRACKING_PREFIX);
        } while (cases.existsByTrackingCode(trackingCode));
        return cases.save(new CounsellingCase(trackingCode, service, kept, processInstanceId, now()));
    }

    public void assign(Long caseId, String professionalId) {
        get(caseId).assign(professionalId);
    }

    /** Closes the case; the retention period starts now. Closing again with the same outcome changes nothing. */
    public void close(Long caseId, String outcome) {
        CounsellingCase c = get(caseId);
        if (c.getStatus() == CounsellingCase.Status.CLOSED) {
            if (outcome.equals(c.getClosureOutcome())) {
                return;
            }
            throw new ConflictException(Texts.get("izgim.closure.already-closed"));
        }
        c.close(outcome, now());
    }

    @Transactional(readOnly = true)
    public CounsellingService serviceOf(Long caseId) {
        return get(caseId).getService();
    }

    /** The client's contact for her notices and the calendar's reminders; empty once erased or for an unknown key. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Addressee> addresseeOf(String caseKey) {
        return cases.findByTrackingCode(caseKey).filter(c -> !c.isPersonalDataErased())
            .map(c -> new Addressee(c.getFullName(), c.getPhone(), c.getEmail()));
    }

    @Transactional(readOnly = true)
    Addressee addressee(Long caseId) {
        CounsellingCase c = get(caseId);
        return new Addressee(c.getFullName(), c.getPhone(), c.getEmail());
    }

    // ------------------------------------------------------------------------------------------- people

    /**
     * The client's record, for an allowed reader; audited in the same transaction (no audit, no data), a refusal too.
     *
     * @throws AuthorizationException for a reader who may not see it and for an unknown code alike (no oracle)
     */
    @Transactional(noRollbackFor = AuthorizationException.class)
    public RecordView readRecord(String trackingCode, Caller caller, String remoteAddress) {
        CounsellingCase c = allowed(trackingCode, caller, remoteAddress, CounsellingAccess::mayReadRecord);
        audit(c.getId(), caller.userId(), remoteAddress, CounsellingAudit.Action.READ_RECORD);
        return new RecordView(c.getTrackingCode(), c.getService().name(), c.getStatus().name(), c.getProfessionalId(),
            c.getClosureOutcome(), c.getCreatedAt(), c.getClosedAt(), c.getPersonalDataErasedAt(), c.getFullName(), c.getPhone(),
            c.getEmail(), c.getReason(), c.getPreferredTimes(), c.getChildAge());
    }

    /** The notes of the case the caller may read: her own, or every note for a supervisor; audited. */
    @Transactional(noRollbackFor = AuthorizationException.class)
    public List<NoteView> readNotes(String trackingCode, Caller caller, String remoteAddress) {
        CounsellingCase c = allowed(trackingCode, caller, remoteAddress, CounsellingAccess::mayReadNotes);
        List<NoteView> visible = notes.findByCaseIdOrderByCreatedAtAscIdAsc(c.getId()).stream()
            .filter(note -> CounsellingAccess.mayReadNote(caller, note))
            .map(note -> new NoteView(note.getId(), note.getAuthor(), note.getSessionId(), note.getCreatedAt(), note.getBody()))
            .toList();
        audit(c.getId(), caller.userId(), remoteAddress, CounsellingAudit.Action.READ_NOTES);
        return visible;
    }

    /** The case's professional writes a note on a session; encrypted, with her as author. */
    @Transactional(noRollbackFor = AuthorizationException.class)
    public NoteView addNote(String trackingCode, Caller caller, Long sessionId, String text, String remoteAddress) {
        CounsellingCase c = allowed(trackingCode, caller, remoteAddress, CounsellingAccess::mayWriteNote);
        String body = blankToNull(text);
        if (body == null) {
            throw ValidationFailedException.of("text", Texts.get("izgim.notes.validation.required"));
        }
        checkEncryptedLength("text", body, SessionNote.BODY_COLUMN_LENGTH);
        if (c.isPersonalDataErased()) {
            throw new ConflictException(Texts.get("izgim.notes.erased"));
        }
        SessionNote note = notes.save(new SessionNote(c.getId(), caller.userId(), sessionId, body, now()));
        audit(c.getId(), caller.userId(), remoteAddress, CounsellingAudit.Action.WROTE_NOTE);
        return new NoteView(note.getId(), note.getAuthor(), note.getSessionId(), note.getCreatedAt(), note.getBody());
    }

    @Transactional(readOnly = true)
    public List<CounsellingAudit> auditOf(String trackingCode) {
        return cases.findByTrackingCode(trackingCode).map(c -> audits.findByCaseIdOrderByIdAsc(c.getId())).orElse(List.of());
    }

    // ------------------------------------------------------------------------------------------- retention

    /**
     * Erases the personal data and notes of every case closed longer than the retention period ago; service,
     * professional and outcome stay. Each case in its own transaction ({@link RetentionSweep}).
     *
     * @return how many cases were erased
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int erasePersonalDataDueForRetention() {
        return retention.run(properties.retention(), cases::findIdsDueForErasure, cases, this::erased);
    }

    /** Every night (Turkish time) by default; {@code app.izgim.retention-cron} changes it. */
    @Scheduled(cron = "${app.izgim.retention-cron:0 40 3 * * *}", zone = "Europe/Istanbul")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void scheduledErasure() {
        erasePersonalDataDueForRetention();
    }

    /** After the case's columns: its notes go, and the audit records the erasure. */
    private void erased(Long caseId, Instant at) {
        notes.deleteByCaseId(caseId);
        audits.save(new CounsellingAudit(caseId, CounsellingAudit.SYSTEM_USER, at, null,
            CounsellingAudit.Action.PERSONAL_DATA_ERASED));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private interface Rule {
        boolean allows(Caller caller, CounsellingCase c);
    }

    private CounsellingCase allowed(String trackingCode, Caller caller, String remoteAddress, Rule rule) {
        if (caller == null || caller.userId() == null || caller.userId().isBlank()) {
            throw new IllegalArgumentException("an audited access needs a user id");
        }
        Optional<CounsellingCase> found = trackingCode == null ? Optional.empty() : cases.findByTrackingCode(trackingCode);
        if (found.isEmpty() || !rule.allows(caller, found.get())) {
            audit(found.map(CounsellingCase::getId).orElse(null), caller.userId(), remoteAddress,
                CounsellingAudit.Action.ACCESS_DENIED);
            throw new AuthorizationException(Texts.get("api.error.forbidden"));
        }
        return found.get();
    }

    private CounsellingCase get(Long caseId) {
        if (caseId == null) {
            throw new NoSuchElementException("counselling case without id");
        }
        return cases.findById(caseId).orElseThrow(() -> new NoSuchElementException("counselling case " + caseId));
    }

    private void audit(Long caseId, String userId, String remoteAddress, CounsellingAudit.Action action) {
        audits.save(new CounsellingAudit(caseId, userId, now(), remoteAddress, action));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw ValidationFailedException.of(field, Texts.get("izgim.validation.text.too-long"));
        }
    }

    private static void checkEncryptedLength(String field, String value, int columnLength) {
        if (!SensitiveCipher.fits(value, columnLength)) {
            throw ValidationFailedException.of(field, Texts.get("izgim.validation.text.too-long"));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
