package tr.bel.izmit.kadinaile.microcredit;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * Demo only: a few fictitious microcredit cases at different steps, so that every demo caseworker finds
 * work in Tasklist on her first login. Created once, when no microcredit case exists yet. All names and
 * numbers are invented (the identity numbers only satisfy the checksum).
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class MicrocreditDemoCases {

    private static final Logger LOG = LoggerFactory.getLogger(MicrocreditDemoCases.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    MicrocreditDemoCases(RuntimeService runtimeService, TaskService taskService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createDemoCases() {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(MicrocreditProcess.KEY).count() > 0) {
            return;
        }
        // waiting for the document check (izgim-officers)
        start("Selma Arıkan", "10000000146", 2500, "FOOD", "Ev yapımı reçel ve turşu üretip komşularıma satıyorum; paketleme makinesi almak istiyorum.");
        // waiting for the business-plan assessment (entrepreneurship-mentors)
        ProcessInstance second = start("Gülay Tekin", "19000000088", 3500, "TEXTILE",
            "Dikiş atölyemde okul önlükleri dikiyorum; ikinci bir endüstriyel makine ile üretimi ikiye katlayacağım.");
        complete(second, "ayse.yilmaz", Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        // waiting for the committee (microcredit-committee)
        ProcessInstance third = start("Nermin Aksoy", "32345678996", 4800, "HANDICRAFT",
            "Çini ve seramik atölyesi kuruyorum; fırın ve boya malzemesi için krediye ihtiyacım var.");
        complete(third, "ayse.yilmaz", Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        complete(third, "elif.demir", Map.of(Vars.BUSINESS_PLAN_SCORE, 5L,
            Vars.BUSINESS_PLAN_COMMENT, "Pazar araştırması sağlam, Kadın El Emeği Festivali'nde satış deneyimi var."));
        // disbursed and repaying (finance-officers record payments)
        ProcessInstance fourth = start("Hülya Kaplan", "45678912316", 3000, "AGRICULTURE",
            "Kartepe'deki bahçemde organik sebze yetiştirip İzmit Çarşısı'nda satıyorum; sulama sistemi kuracağım.");
        complete(fourth, "ayse.yilmaz", Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        complete(fourth, "elif.demir", Map.of(Vars.BUSINESS_PLAN_SCORE, 4L, Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan."));
        complete(fourth, "fatma.kaya", Map.of(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, 3000L));
        Job disbursement = managementService.createJobQuery().processInstanceId(fourth.getId())
            .activityId(Elements.DISBURSE_LOAN).singleResult();
        if (disbursement != null) {
            managementService.executeJob(disbursement.getId());
        }
        LOG.info("Demo microcredit cases created");
    }

    private ProcessInstance start(String fullName, String tcKimlikNo, long amount, String sector, String summary) {
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.FULL_NAME, fullName);
        values.put(Vars.TC_KIMLIK_NO, tcKimlikNo);
        values.put(Vars.PHONE, "05550000000");
        values.put(Vars.EMAIL, "");
        values.put(Vars.DISTRICT, "IZMIT");
        values.put(Vars.NEIGHBOURHOOD, "Yenidoğan");
        values.put(Vars.IZGIM_MEMBER, "NOT_MEMBER");
        values.put(Vars.SECTOR, sector);
        values.put(Vars.BUSINESS_SUMMARY, summary);
        values.put(Vars.REQUESTED_AMOUNT, amount);
        values.put(Vars.TERM_MONTHS, "10");
        values.put(Vars.IBAN, "TR330006100519786457841326");
        values.put(Vars.KVKK_CONSENT, true);
        return runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, values);
    }

    private void complete(ProcessInstance instance, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        // as the engine itself (no authenticated user); the claim names who decided
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }
}
