package tr.bel.izmit.kadinaile.violenceline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.sensitive.RetentionSweep;
import tr.bel.izmit.kadinaile.sensitive.SensitiveCipher;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * The encrypted case store of the violence line: the only place where a woman's personal data and the
 * staff's notes live. The process refers to a case by its id only. Every read of the personal data is
 * audited in the same transaction; the personal data is erased {@code app.violence-line.retention} after
 * closure unless a supervisor put the case on legal hold. Nothing here logs personal data.
 */
@Service("violenceCases")
@Transactional
public class ViolenceCaseStore {

    static final String CASE_CODE_PREFIX = "SH";

    private final ViolenceCaseRepository cases;
    private final CaseNoteRepository notes;
    private final ReferralRepository referrals;
    private final AccessAuditRepository audits;
    private final ViolenceLineProperties properties;
    private final Clock clock;
    private final RetentionSweep retention;

    ViolenceCaseStore(ViolenceCaseRepository cases, CaseNoteRepository notes, ReferralRepository referrals,
            AccessAuditRepository audits, ViolenceLineProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.notes = notes;
        this.referrals = referrals;
        this.audits = audits;
        this.properties = properties;
        this.clock = clock;
        this.retention = new RetentionSweep("Violence line", clock, transactionManager);
    }

    // ------------------------------------------------------------------------------------------- views

    /** The personal data and routing data of an intake call. Blank values become null. */
    public record Intake(String victimName, String safePhone, String safeCallTimes, String neighbourhood,
            String incidentNotes, String district) {

        public Intake {
            victimName = blankToNull(victimName);
            safePhone = blankToNull(safePhone);
            safeCallTimes = blankToNull(safeCallTimes);
            neighbourhood = blankToNull(neighbourhood);
            incidentNotes = blankToNull(incidentNotes);
            district = blankToNull(district);
        }

        /** From the intake's process variables / form values (keys of {@link ViolenceLineProcess.Vars}). */
        public static Intake of(Map<String, ?> values) {
            return new Intake(text(values, Vars.VICTIM_NAME), text(values, Vars.SAFE_PHONE), text(values, Vars.SAFE_CALL_TIMES),
                text(values, Vars.NEIGHBOURHOOD), text(values, Vars.INCIDENT_NOTES), text(values, Vars.DISTRICT));
        }

        /** Never prints the personal data. */
        @Override
        public String toString() {
            return "Intake[district=" + district + ", personal data redacted]";
        }
    }

    /** What line staff see of a case: personal data (null once erased), notes and referrals. */
    public record CaseView(Long caseId, String caseCode, String status, String district, String riskLevel,
            boolean legalHold, Instant createdAt, Instant lastContactAt, Instant closedAt, String closureOutcome,
            Instant personalDataErasedAt, String victimName, String safePhone, String safeCallTimes, String neighbourhood,
            String incidentNotes, List<NoteView> notes, List<ReferralView> referrals) {

        /** Never prints the personal data. */
        @Override
        public String toString() {
            return "CaseView[caseId=" + caseId + ", caseCode=" + caseCode + ", personal data redacted]";
        }
    }

    public record NoteView(Long noteId, String kind, String author, Instant createdAt, String text) {

        @Override
        public String toString() {
            return "NoteView[noteId=" + noteId + ", kind=" + kind + ", text redacted]";
        }
    }

    public record ReferralView(Long referralId, String referralType, String status, String rejectionReason,
            Instant madeAt, Instant answeredAt, boolean slaBreached) {

        static ReferralView of(Referral referral) {
            return new ReferralView(referral.getId(), referral.getReferralType(), referral.getStatus().name(),
                referral.getRejectionReason(), referral.getMadeAt(), referral.getAnsweredAt(), referral.isSlaBreached());
        }
    }

    /** The non-personal facts of a case, for the process and for lists; reading them is not audited. */
    public record CaseSummary(Long caseId, String caseCode, String processInstanceId, String district, String riskLevel,
            String status, boolean legalHold, boolean personalDataErased) {
    }

    // ------------------------------------------------------------------------------------------- cases

    /** Stores a new case with the intake's personal data, encrypted. */
    public ViolenceCase open(Intake intake, String processInstanceId) {
        if (intake == null || intake.district() == null) {
            throw ValidationFailedException.of(Vars.DISTRICT, Texts.get("violenceline.validation.district.required"));
        }
        checkLength(Vars.DISTRICT, intake.district(), 20);
        checkEncryptedLength(Vars.VICTIM_NAME, intake.victimName(), ViolenceCase.ENCRYPTED_COLUMN_LENGTH);
        checkEncryptedLength(Vars.SAFE_PHONE, intake.safePhone(), ViolenceCase.ENCRYPTED_COLUMN_LENGTH);
        checkEncryptedLength(Vars.SAFE_CALL_TIMES, intake.safeCallTimes(), ViolenceCase.ENCRYPTED_COLUMN_LENGTH);
        checkEncryptedLength(Vars.NEIGHBOURHOOD, intake.neighbourhood(), ViolenceCase.ENCRYPTED_COLUMN_LENGTH);
        checkEncryptedLength(Vars.INCIDENT_NOTES, intake.incidentNotes(), ViolenceCase.ENCRYPTED_COLUMN_LENGTH);
        String caseCode;
        do {
            caseCode = TrackingCodes.generate(CASE_CODE_PREFIX);
        } while (cases.existsByCaseCode(caseCode));
        return cases.save(new ViolenceCase(caseCode, intake, processInstanceId, now()));
    }

    @Transactional(readOnly = true)
    public CaseSummary summary(Long caseId) {
        ViolenceCase c = get(caseId);
        return new CaseSummary(c.getId(), c.getCaseCode(), c.getProcessInstanceId(), c.getDistrict(), c.getRiskLevel(),
            c.getStatus().name(), c.isLegalHold(), c.isPersonalDataErased());
    }

    /**
     * The case's personal data and notes, decrypted, for a user of the violence line. Writes an audit row
     * in the same transaction: no audit, no data. A case whose personal data is erased reads as nulls (and
     * is audited all the same).
     *
     * @throws NoSuchElementException for an unknown case
     */
    public CaseView read(Long caseId, String userId, String remoteAddress) {
        ViolenceCase c = get(caseId);
        List<NoteView> noteViews = notes.findByCaseIdOrderByCreatedAtAscIdAsc(caseId).stream()
            .map(n -> new NoteView(n.getId(), n.getKind().name(), n.getAuthor(), n.getCreatedAt(), n.getBody()))
            .toList();
        List<ReferralView> referralViews = referrals.findByCaseIdOrderByIdAsc(caseId).stream().map(ReferralView::of).toList();
        audit(caseId, userId, remoteAddress, AccessAudit.Action.READ_PERSONAL_DATA);
        return new CaseView(c.getId(), c.getCaseCode(), c.getStatus().name(), c.getDistrict(), c.getRiskLevel(),
            c.isLegalHold(), c.getCreatedAt(), c.getLastContactAt(), c.getClosedAt(), c.getClosureOutcome(),
            c.getPersonalDataErasedAt(), c.getVictimName(), c.getSafePhone(), c.getSafeCallTimes(), c.getNeighbourhood(),
            c.getIncidentNotes(), noteViews, referralViews);
    }

    /** Records that a user outside the violence line asked for a case (whether or not it exists). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDeniedAccess(Long caseId, String userId, String remoteAddress) {
        audit(caseId, userId, remoteAddress, AccessAudit.Action.ACCESS_DENIED);
    }

    /** Adds an encrypted note; blank text is ignored. */
    public void addNote(Long caseId, String kind, String author, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (kind == null || author == null || author.isBlank() || author.length() > 64) {
            throw new IllegalArgumentException("a note needs a kind and an author");
        }
        CaseNote.Kind noteKind = CaseNote.Kind.valueOf(kind);
        String body = text.strip();
        checkEncryptedLength(noteField(noteKind), body, CaseNote.BODY_COLUMN_LENGTH);
        ViolenceCase c = get(caseId);
        if (c.isPersonalDataErased()) {
            throw new ConflictException(Texts.get("violenceline.notes.erased"));
        }
        notes.save(new CaseNote(caseId, noteKind, author, body, now()));
    }

    public void recordRisk(Long caseId, String riskLevel) {
        String level = blankToNull(riskLevel);
        if (level == null) {
            throw new IllegalArgumentException("risk level is missing");
        }
        checkLength(Vars.RISK_LEVEL, level, 10);
        get(caseId).recordRisk(level);
    }

    /** The woman was reached: resets the no-contact clock. */
    public void recordContact(Long caseId) {
        get(caseId).recordContact(now());
    }

    /** @return whether the woman has not been reached (since the intake, if never) for at least the duration */
    @Transactional(readOnly = true)
    public boolean noContactFor(Long caseId, Duration duration) {
        ViolenceCase c = get(caseId);
        Instant last = c.getLastContactAt() != null ? c.getLastContactAt() : c.getCreatedAt();
        return !last.plus(duration).isAfter(now());
    }

    /** Closes the case; the retention period starts now. Closing again with the same outcome changes nothing. */
    public void close(Long caseId, String outcome) {
        ViolenceCase c = get(caseId);
        String closureOutcome = blankToNull(outcome);
        if (closureOutcome == null) {
            throw ValidationFailedException.of(Vars.CLOSURE_OUTCOME, Texts.get("violenceline.validation.closure-outcome.required"));
        }
        checkLength(Vars.CLOSURE_OUTCOME, closureOutcome, 30);
        if (c.getStatus() == ViolenceCase.Status.CLOSED) {
            if (closureOutcome.equals(c.getClosureOutcome())) {
                return;
            }
            throw new ConflictException(Texts.get("violenceline.closure.already-closed"));
        }
        c.close(closureOutcome, now());
    }

    /** A supervisor's legal hold keeps the personal data past the retention period (court, prosecution). */
    public void setLegalHold(Long caseId, boolean hold) {
        ViolenceCase c = get(caseId);
        if (hold && c.isPersonalDataErased()) {
            throw new ConflictException(Texts.get("violenceline.legal-hold.erased"));
        }
        c.setLegalHold(hold);
    }

    /** {@link #setLegalHold(Long, boolean)} by a user, audited. */
    public void setLegalHold(Long caseId, boolean hold, String userId, String remoteAddress) {
        setLegalHold(caseId, hold);
        audit(caseId, userId, remoteAddress, hold ? AccessAudit.Action.LEGAL_HOLD_SET : AccessAudit.Action.LEGAL_HOLD_RELEASED);
    }

    // --------------------------------------------------------------------------------------- referrals

    /** @return the ids of the new PLANNED referrals, in the order of the types */
    public List<Long> planReferrals(Long caseId, List<String> referralTypes) {
        get(caseId);
        Instant now = now();
        List<Long> ids = new ArrayList<>();
        for (String type : referralTypes) {
            String referralType = blankToNull(type);
            if (referralType == null) {
                throw new IllegalArgumentException("referral type is missing");
            }
            checkLength(Vars.REFERRAL_TYPE, referralType, 20);
            ids.add(referrals.save(new Referral(caseId, referralType, now)).getId());
        }
        return ids;
    }

    @Transactional(readOnly = true)
    public String referralType(Long referralId) {
        return referral(referralId).getReferralType();
    }

    /** The referral was made; repeating it changes nothing. */
    public void markReferralMade(Long referralId) {
        Referral referral = referral(referralId);
        if (referral.getStatus().isAnswered()) {
            throw new ConflictException(Texts.get("violenceline.referral.answered"));
        }
        if (referral.getStatus() == Referral.Status.PLANNED) {
            referral.markMade(now());
        }
    }

    /** The institution's answer; a second answer is a conflict. */
    public void recordAnswer(Long referralId, boolean accepted, String rejectionReason) {
        Referral referral = referral(referralId);
        if (referral.getStatus().isAnswered()) {
            throw new ConflictException(Texts.get("violenceline.referral.answered-before"));
        }
        String reason = accepted ? null : blankToNull(rejectionReason);
        checkLength(Vars.REFERRAL_REJECTION_REASON, reason, 30);
        referral.answer(accepted, reason, now());
    }

    /** The process instance of the case a referral belongs to. */
    @Transactional(readOnly = true)
    public String processInstanceOfReferral(Long referralId) {
        return get(referral(referralId).getCaseId()).getProcessInstanceId();
    }

    public void markSlaBreached(Long referralId) {
        referral(referralId).markSlaBreached();
    }

    // --------------------------------------------------------------------------------------- retention

    /**
     * Erases the personal data (encrypted columns and notes) of every case closed longer than the retention
     * period ago and not on legal hold. Risk level, district, referrals and the closure outcome stay. Each
     * case is erased in its own transaction ({@link RetentionSweep}), so that a concurrent change of one case (a
     * legal hold set at this moment) only postpones that case to the next run.
     *
     * @return how many cases were erased
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int erasePersonalDataDueForRetention() {
        return retention.run(properties.retention(), cases::findIdsDueForErasure, cases, this::erased);
    }

    /** Every night (Turkish time) by default; {@code app.violence-line.retention-cron} changes it. */
    @Scheduled(cron = "${app.violence-line.retention-cron:0 30 3 * * *}", zone = "Europe/Istanbul")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void scheduledErasure() {
        erasePersonalDataDueForRetention();
    }

    /** After the case's columns: its notes go, and the audit records the erasure. */
    private void erased(Long caseId, Instant at) {
        notes.deleteByCaseId(caseId);
        audits.save(new AccessAudit(caseId, AccessAudit.SYSTEM_USER, at, null, AccessAudit.Action.PERSONAL_DATA_ERASED));
    }

    // ----------------------------------------------------------------------------------------- helpers

    private ViolenceCase get(Long caseId) {
        if (caseId == null) {
            throw new NoSuchElementException("violence line case without id");
        }
        return cases.findById(caseId).orElseThrow(() -> new NoSuchElementException("violence line case " + caseId));
    }

    private Referral referral(Long referralId) {
        if (referralId == null) {
            throw new NoSuchElementException("violence line referral without id");
        }
        return referrals.findById(referralId)
            .orElseThrow(() -> new NoSuchElementException("violence line referral " + referralId));
    }

    private void audit(Long caseId, String userId, String remoteAddress, AccessAudit.Action action) {
        audits.save(new AccessAudit(caseId, userId, now(), remoteAddress, action));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String noteField(CaseNote.Kind kind) {
        return kind == CaseNote.Kind.SAFETY_PLAN ? Vars.SAFETY_PLAN_TEXT : Vars.STAFF_NOTE;
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ValidationFailedException.of(field, "En fazla " + max + " karakter girilebilir.");
        }
    }

    private static void checkEncryptedLength(String field, String value, int columnLength) {
        if (!SensitiveCipher.fits(value, columnLength)) {
            throw ValidationFailedException.of(field, Texts.get("violenceline.validation.text.too-long"));
        }
    }

    private static String text(Map<String, ?> values, String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
