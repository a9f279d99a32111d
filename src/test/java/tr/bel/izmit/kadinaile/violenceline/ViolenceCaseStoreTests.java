package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.violenceline.ViolenceCaseStore.CaseView;
import tr.bel.izmit.kadinaile.violenceline.ViolenceCaseStore.Intake;

/**
 * The encrypted case store on the test database (H2): encryption at rest, the audit of every read, the
 * retention and the legal hold. Time is moved with the engine's clock, which the Clock bean follows.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ViolenceCaseStoreTests {

    static final String CANARY = "Zümrüt-Kanarya-4711";
    private static final List<String> ENCRYPTED_CASE_COLUMNS = List.of("victim_name", "safe_phone", "safe_call_times",
        "neighbourhood", "incident_notes");

    @Autowired
    ViolenceCaseStore store;
    @Autowired
    ViolenceCaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Intake intake(String canary) {
        return new Intake("Ayşe " + canary, "0532 111 " + canary, "Hafta içi 10-12 " + canary, "Yenidoğan " + canary,
            "Eşi tehdit etti " + canary, "IZMIT");
    }

    @Test
    void shouldStoreThePersonalDataEncryptedAndReadItBack() {
        ViolenceCase opened = store.open(intake(CANARY), "pi-1");
        store.addNote(opened.getId(), "STAFF_NOTE", "merve.koc", "Güvenli saatte arandı " + CANARY);
        store.addNote(opened.getId(), "SAFETY_PLAN", "selin.aydin", "  ");

        assertThat(opened.getCaseCode()).matches("SH-[0-9A-Z]{4}-[0-9A-Z]{4}");
        Map<String, Object> row = jdbc.queryForMap("select * from vl_case where id = ?", opened.getId());
        for (String column : ENCRYPTED_CASE_COLUMNS) {
            String stored = (String) row.get(column);
            assertThat(stored).as(column).isNotNull().doesNotContain(CANARY).doesNotContain("Kanarya");
            assertThat(java.util.Base64.getDecoder().decode(stored)[0]).as(column).isEqualTo((byte) 1);
            assertThat(cipher.decrypt(stored)).as(column).contains(CANARY);
        }
        assertThat(row.get("district")).isEqualTo("IZMIT");
        assertThat(row.get("status")).isEqualTo("OPEN");
        List<String> bodies = jdbc.queryForList("select body from vl_case_note where case_id = ?", String.class, opened.getId());
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).doesNotContain(CANARY);

        ViolenceCase loaded = cases.findById(opened.getId()).orElseThrow();
        assertThat(loaded.getVictimName()).isEqualTo("Ayşe " + CANARY);
        assertThat(loaded.getSafePhone()).isEqualTo("0532 111 " + CANARY);
        assertThat(loaded.getSafeCallTimes()).isEqualTo("Hafta içi 10-12 " + CANARY);
        assertThat(loaded.getNeighbourhood()).isEqualTo("Yenidoğan " + CANARY);
        assertThat(loaded.getIncidentNotes()).isEqualTo("Eşi tehdit etti " + CANARY);
        assertThat(loaded.getProcessInstanceId()).isEqualTo("pi-1");
    }

    @Test
    void shouldNormalizeBlankValuesToNull() {
        ViolenceCase opened = store.open(new Intake("  ", "", null, " Körfez ", "\t", " IZMIT "), null);

        Map<String, Object> row = jdbc.queryForMap("select * from vl_case where id = ?", opened.getId());
        assertThat(row.get("victim_name")).isNull();
        assertThat(row.get("safe_phone")).isNull();
        assertThat(row.get("incident_notes")).isNull();
        assertThat(row.get("district")).isEqualTo("IZMIT");
        assertThat(cases.findById(opened.getId()).orElseThrow().getNeighbourhood()).isEqualTo("Körfez");
        assertThatThrownBy(() -> store.open(new Intake("x", null, null, null, null, " "), null))
            .isInstanceOf(ValidationFailedException.class);
    }

    @Test
    void shouldRefuseTextThatDoesNotFitEncrypted() {
        assertThatThrownBy(() -> store.open(new Intake(null, null, null, null, "ş".repeat(3000), "IZMIT"), null))
            .isInstanceOf(ValidationFailedException.class).hasMessageContaining("incidentNotes");
    }

    @Test
    void shouldAuditEveryReadInTheSameTransaction() {
        ViolenceCase opened = store.open(intake(CANARY), "pi-2");
        store.addNote(opened.getId(), "SAFETY_PLAN", "selin.aydin", "Plan " + CANARY);
        long versionBefore = jdbc.queryForObject("select version from vl_case where id = ?", Long.class, opened.getId());

        CaseView first = store.read(opened.getId(), "merve.koc", "10.0.0.7");
        CaseView second = store.read(opened.getId(), "selin.aydin", null);

        assertThat(first.victimName()).isEqualTo("Ayşe " + CANARY);
        assertThat(first.notes()).singleElement().satisfies(note -> {
            assertThat(note.kind()).isEqualTo("SAFETY_PLAN");
            assertThat(note.author()).isEqualTo("selin.aydin");
            assertThat(note.text()).isEqualTo("Plan " + CANARY);
        });
        assertThat(second.incidentNotes()).isEqualTo("Eşi tehdit etti " + CANARY);
        assertThat(first.toString()).doesNotContain(CANARY);
        List<Map<String, Object>> audit = jdbc.queryForList(
            "select user_id, remote_address, action, accessed_at from vl_access_audit where case_id = ? order by id", opened.getId());
        assertThat(audit).hasSize(2);
        assertThat(audit).extracting(r -> r.get("user_id")).containsExactly("merve.koc", "selin.aydin");
        assertThat(audit).extracting(r -> r.get("action")).containsOnly("READ_PERSONAL_DATA");
        assertThat(audit.get(0).get("remote_address")).isEqualTo("10.0.0.7");
        // reading changes nothing on the case (no re-encryption)
        assertThat(jdbc.queryForObject("select version from vl_case where id = ?", Long.class, opened.getId())).isEqualTo(versionBefore);

        assertThatThrownBy(() -> store.read(-1L, "merve.koc", null)).isInstanceOf(NoSuchElementException.class);
        assertThat(jdbc.queryForObject("select count(*) from vl_access_audit where case_id = -1", Integer.class)).isZero();
    }

    @Test
    void shouldEraseOnlyCasesClosedLongerThanTheRetentionAndNotOnLegalHold(CapturedOutput output) {
        // anything closed earlier (other tests) becomes due and is erased first, so that the count below is ours
        Instant start = Instant.now().plus(Duration.ofDays(3650));
        at(start);
        store.erasePersonalDataDueForRetention();

        ViolenceCase due = openWithEverything();
        ViolenceCase onHold = openWithEverything();
        ViolenceCase stillOpen = openWithEverything();
        store.close(due.getId(), "REFERRED_TO_SHELTER");
        store.close(onHold.getId(), "REFERRED_TO_SHELTER");
        store.setLegalHold(onHold.getId(), true);
        at(start.plus(Duration.ofDays(5)));
        ViolenceCase closedLater = openWithEverything();
        store.close(closedLater.getId(), "SUPPORT_DECLINED");

        // 29 days after the first closures nothing is due yet
        at(start.plus(Duration.ofDays(29)));
        assertThat(store.erasePersonalDataDueForRetention()).isZero();

        at(start.plus(Duration.ofDays(31)));
        assertThat(store.erasePersonalDataDueForRetention()).isEqualTo(1);
        assertThat(store.erasePersonalDataDueForRetention()).isZero();

        assertErased(due.getId());
        assertThat(jdbc.queryForMap("select risk_level, district, closure_outcome, status from vl_case where id = ?", due.getId()))
            .containsEntry("RISK_LEVEL", "HIGH").containsEntry("DISTRICT", "IZMIT")
            .containsEntry("CLOSURE_OUTCOME", "REFERRED_TO_SHELTER").containsEntry("STATUS", "CLOSED");
        assertThat(jdbc.queryForList("select referral_type || ':' || status from vl_referral where case_id = ? order by id",
            String.class, due.getId())).containsExactly("SHELTER:ACCEPTED", "SONIM:REJECTED");
        assertThat(jdbc.queryForObject("select rejection_reason from vl_referral where case_id = ? and status = 'REJECTED'",
            String.class, due.getId())).isEqualTo("NO_CAPACITY");
        for (ViolenceCase kept : List.of(onHold, stillOpen, closedLater)) {
            assertKept(kept.getId());
        }

        // an erased case still reads, as nulls, and the read is audited
        CaseView view = store.read(due.getId(), "derya.ozturk", "127.0.0.1");
        assertThat(view.victimName()).isNull();
        assertThat(view.incidentNotes()).isNull();
        assertThat(view.notes()).isEmpty();
        assertThat(view.riskLevel()).isEqualTo("HIGH");
        assertThat(view.personalDataErasedAt()).isNotNull();
        assertThat(view.referrals()).hasSize(2);
        assertThat(jdbc.queryForList("select action from vl_access_audit where case_id = ? order by id", String.class, due.getId()))
            .containsExactly("PERSONAL_DATA_ERASED", "READ_PERSONAL_DATA");
        assertThatThrownBy(() -> store.addNote(due.getId(), "STAFF_NOTE", "merve.koc", "yeni not"))
            .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.setLegalHold(due.getId(), true)).isInstanceOf(ConflictException.class);

        // once the hold is released, the next run erases; the case closed later is due 30 days after its closure
        store.setLegalHold(onHold.getId(), false);
        at(start.plus(Duration.ofDays(34)));
        assertThat(store.erasePersonalDataDueForRetention()).isEqualTo(1);
        assertErased(onHold.getId());
        assertKept(closedLater.getId());
        at(start.plus(Duration.ofDays(36)));
        assertThat(store.erasePersonalDataDueForRetention()).isEqualTo(1);
        assertErased(closedLater.getId());
        assertKept(stillOpen.getId());

        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain("Kanarya");
    }

    @Test
    void shouldTrackReferralsRiskAndContact() {
        at(Instant.parse("2030-03-01T09:00:00Z"));
        ViolenceCase opened = store.open(intake("x"), "pi-3");

        List<Long> ids = store.planReferrals(opened.getId(), List.of("SHELTER", "LEGAL_AID"));
        assertThat(ids).hasSize(2).doesNotContainNull();
        assertThat(ids.get(0)).isLessThan(ids.get(1));
        assertThat(store.referralType(ids.get(0))).isEqualTo("SHELTER");
        assertThat(store.referralType(ids.get(1))).isEqualTo("LEGAL_AID");

        store.markReferralMade(ids.get(0));
        store.markReferralMade(ids.get(0));
        store.markSlaBreached(ids.get(0));
        store.recordAnswer(ids.get(0), true, "ignored");
        assertThatThrownBy(() -> store.recordAnswer(ids.get(0), false, "NO_CAPACITY"))
            .isInstanceOf(ConflictException.class).hasMessageContaining("daha önce");
        assertThatThrownBy(() -> store.markReferralMade(ids.get(0))).isInstanceOf(ConflictException.class);
        Map<String, Object> referral = jdbc.queryForMap("select * from vl_referral where id = ?", ids.get(0));
        assertThat(referral).containsEntry("STATUS", "ACCEPTED").containsEntry("SLA_BREACHED", true)
            .containsEntry("REJECTION_REASON", null);
        assertThat(referral.get("MADE_AT")).isNotNull();
        assertThat(referral.get("ANSWERED_AT")).isNotNull();
        assertThatThrownBy(() -> store.referralType(-5L)).isInstanceOf(NoSuchElementException.class);

        store.recordRisk(opened.getId(), "HIGH");
        assertThat(store.summary(opened.getId()).riskLevel()).isEqualTo("HIGH");

        at(Instant.parse("2030-03-03T08:59:00Z"));
        assertThat(store.noContactFor(opened.getId(), Duration.ofHours(48))).isFalse();
        at(Instant.parse("2030-03-03T09:00:00Z"));
        assertThat(store.noContactFor(opened.getId(), Duration.ofHours(48))).isTrue();
        store.recordContact(opened.getId());
        assertThat(store.noContactFor(opened.getId(), Duration.ofHours(48))).isFalse();
        at(Instant.parse("2030-03-05T10:00:00Z"));
        assertThat(store.noContactFor(opened.getId(), Duration.ofHours(48))).isTrue();

        store.close(opened.getId(), "GOALS_MET");
        at(Instant.parse("2030-03-06T10:00:00Z"));
        store.close(opened.getId(), "GOALS_MET");
        assertThatThrownBy(() -> store.close(opened.getId(), "LOST_CONTACT")).isInstanceOf(ConflictException.class);
        assertThat(jdbc.queryForObject("select closed_at from vl_case where id = ?", java.sql.Timestamp.class, opened.getId())
            .toInstant()).isEqualTo(Instant.parse("2030-03-05T10:00:00Z"));
    }

    private ViolenceCase openWithEverything() {
        ViolenceCase opened = store.open(intake(CANARY), null);
        store.addNote(opened.getId(), "STAFF_NOTE", "merve.koc", "Not " + CANARY);
        store.addNote(opened.getId(), "SAFETY_PLAN", "selin.aydin", "Plan " + CANARY);
        store.recordRisk(opened.getId(), "HIGH");
        List<Long> referrals = store.planReferrals(opened.getId(), List.of("SHELTER", "SONIM"));
        store.markReferralMade(referrals.get(0));
        store.recordAnswer(referrals.get(0), true, null);
        store.markReferralMade(referrals.get(1));
        store.recordAnswer(referrals.get(1), false, "NO_CAPACITY");
        return opened;
    }

    private void assertErased(Long caseId) {
        Map<String, Object> row = jdbc.queryForMap("select * from vl_case where id = ?", caseId);
        for (String column : ENCRYPTED_CASE_COLUMNS) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(row.get("personal_data_erased_at")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from vl_case_note where case_id = ?", Integer.class, caseId)).isZero();
        assertNoCanaryAnywhere(caseId);
    }

    private void assertKept(Long caseId) {
        Map<String, Object> row = jdbc.queryForMap("select * from vl_case where id = ?", caseId);
        assertThat(row.get("personal_data_erased_at")).isNull();
        assertThat(cipher.decrypt((String) row.get("victim_name"))).contains(CANARY);
        assertThat(jdbc.queryForObject("select count(*) from vl_case_note where case_id = ?", Integer.class, caseId)).isEqualTo(2);
    }

    /** Neither in plain text nor decryptable from any column left. */
    private void assertNoCanaryAnywhere(Long caseId) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.queryForList("select * from vl_case where id = ?", caseId));
        rows.addAll(jdbc.queryForList("select * from vl_case_note where case_id = ?", caseId));
        for (Map<String, Object> row : rows) {
            row.forEach((column, value) -> {
                if (value instanceof String text) {
                    assertThat(text).as(column).doesNotContain(CANARY);
                    String decrypted;
                    try {
                        decrypted = cipher.decrypt(text);
                    } catch (RuntimeException notEncrypted) {
                        decrypted = "";
                    }
                    assertThat(decrypted).as(column).doesNotContain(CANARY);
                }
            });
        }
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
