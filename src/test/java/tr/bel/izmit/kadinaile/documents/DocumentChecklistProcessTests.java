package tr.bel.izmit.kadinaile.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.portal.PortalApplications;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/**
 * The officer's "Belgeleri kontrol et" with its document checklist, on the whole application: a document marked
 * missing needs a reason, the outcome must agree with the checklist, and the agreed outcome drives the process
 * (complete: on to the business plan; missing: the applicant is told and the case waits for her documents). The
 * checklist is optional: a case decided without it keeps working as before.
 */
@SpringBootTest
@ActiveProfiles("test")
class DocumentChecklistProcessTests {

    static final String MICROCREDIT = "microcredit-application";

    @Autowired
    PortalApplications applications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private String instanceId;
    private Task task;

    @BeforeEach
    void applyAndWaitForTheDocumentCheck() {
        String code = applications.submit(MICROCREDIT, startForm(), null).trackingCode();
        instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_CheckDocuments");
    }

    @Test
    void shouldRequireAReasonForADocumentMarkedMissing() {
        Map<String, Object> values = ticked("OK", "MISSING", "OK", "OK");
        values.put("documentsDecision", "INCOMPLETE");
        values.put("missingDocuments", "Yerleşim yeri belgesi");

        assertRefusedAt(values, "documentCheckResidenceReason");
        assertThat(Texts.get("documents.checklist.reason.required", "X")).contains("nedeni");
    }

    @Test
    void shouldRefuseCompleteWhileADocumentIsMarkedMissing() {
        Map<String, Object> values = ticked("OK", "MISSING", "OK", "OK");
        values.put("documentCheckResidenceReason", "Üç aydan eski");
        values.put("documentsDecision", "COMPLETE");

        assertRefusedAt(values, "documentsDecision");
    }

    @Test
    void shouldRefuseMissingWhileEveryDocumentIsTicked() {
        Map<String, Object> values = ticked("OK", "OK", "OK", "OK");
        values.put("documentsDecision", "INCOMPLETE");
        values.put("missingDocuments", "İş planı");

        assertRefusedAt(values, "documentsDecision");
    }

    @Test
    void shouldGoOnToTheBusinessPlanWhenEveryDocumentIsTicked() {
        Map<String, Object> values = ticked("OK", "OK", "OK", "OK");
        values.put("documentsDecision", "COMPLETE");

        taskService.complete(task.getId(), values);

        assertThat(runtimeService.getActiveActivityIds(instanceId)).containsExactly("Task_AssessBusinessPlan");
        assertThat(runtimeService.getVariable(instanceId, "documentCheckIdentity")).isEqualTo("OK");
    }

    @Test
    void shouldTellTheApplicantAndWaitWhenADocumentIsMissingWithItsReason() {
        Map<String, Object> values = ticked("OK", "OK", "MISSING", null);
        values.put("documentCheckBusinessPlanReason", "Gelir-gider tahmini yok");
        values.put("documentsDecision", "INCOMPLETE");
        values.put("missingDocuments", "İş planı (gelir-gider tahmini ile)");

        taskService.complete(task.getId(), values);

        assertThat(runtimeService.getActiveActivityIds(instanceId)).containsExactly("Gateway_WaitForDocuments");
        assertThat(runtimeService.getVariable(instanceId, "documentCheckBusinessPlanReason")).isEqualTo("Gelir-gider tahmini yok");
    }

    @Test
    void shouldKeepTheDecisionWithoutAChecklistWorking() {
        taskService.complete(task.getId(), Map.of("documentsDecision", "COMPLETE"));

        assertThat(runtimeService.getActiveActivityIds(instanceId)).containsExactly("Task_AssessBusinessPlan");
    }

    @Test
    void shouldCheckTheRulesOnTheirOwn() {
        RequiredDocuments microcredit = new RequiredDocumentsSupport(MICROCREDIT, "MK", java.util.List.of("identity", "residence"),
                new RequiredDocuments.Checklist("documentsDecision", "COMPLETE", "INCOMPLETE")) {
        };
        RequiredDocuments.Checklist checklist = microcredit.checklist().orElseThrow();

        assertThat(DocumentChecklistListener.check(microcredit, checklist, Map.of("documentCheckIdentity", "MISSING",
            "documentCheckIdentityReason", " ", "documentsDecision", "COMPLETE")))
            .extracting(FieldError::field).containsExactly("documentCheckIdentityReason", "documentsDecision");
        assertThat(DocumentChecklistListener.check(microcredit, checklist, Map.of("documentCheckIdentity", "OK",
            "documentsDecision", "INCOMPLETE"))).isEmpty();
        assertThat(DocumentChecklistListener.check(microcredit, checklist, Map.of("documentCheckIdentity", "OK",
            "documentCheckResidence", "OK", "documentsDecision", "INCOMPLETE"))).extracting(FieldError::field)
            .containsExactly("documentsDecision");
    }

    private void assertRefusedAt(Map<String, Object> values, String field) {
        assertThatThrownBy(() -> taskService.complete(task.getId(), values))
            .hasRootCauseInstanceOf(ValidationFailedException.class).hasMessageContaining(field);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).as("the task stays open").isNotNull();
        assertThat(runtimeService.getVariable(instanceId, "documentsDecision")).isNull();
    }

    /** The checklist's marks in the order identity, residence, business plan, IBAN proof; null leaves one unticked. */
    private static Map<String, Object> ticked(String identity, String residence, String businessPlan, String ibanProof) {
        Map<String, Object> values = new LinkedHashMap<>();
        String[] keys = {"Identity", "Residence", "BusinessPlan", "IbanProof"};
        String[] marks = {identity, residence, businessPlan, ibanProof};
        for (int i = 0; i < keys.length; i++) {
            if (marks[i] != null) {
                values.put("documentCheck" + keys[i], marks[i]);
            }
        }
        return values;
    }

    static Map<String, Object> startForm() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullName", "Belge Kontrol Başvuran");
        values.put("tcKimlikNo", IdentityNumbers.randomTcKimlikNo());
        values.put("phone", "05321234567");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte üretip satıyorum.");
        values.put("requestedAmount", 3000L);
        values.put("termMonths", "10");
        values.put("iban", IdentityNumbers.randomTurkishIban());
        values.put("kvkkConsent", true);
        return values;
    }
}
