package tr.bel.izmit.kadinaile.portal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * The staff's side of a microcredit application submitted on the portal, as each role would complete it in Tasklist
 * (the engine's acting user set per task): documents, business plan, the committee, the manager where the amount
 * needs one, and the disbursement job. For the status page tests.
 */
record MicrocreditDecisions(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
        ManagementService managementService) {

    /** Documents complete, business plan scored: the application waits for the committee. */
    void toCommittee(String trackingCode) {
        complete(trackingCode, "ayse.yilmaz", "izgim-officers", Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        complete(trackingCode, "elif.demir", "entrepreneurship-mentors",
            Map.of(Vars.BUSINESS_PLAN_SCORE, 4L, Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan."));
    }

    /** The committee (and above 3.000 TL the manager, another person) approve this amount; nothing is paid yet. */
    void approve(String trackingCode, long amount) {
        toCommittee(trackingCode);
        complete(trackingCode, "fatma.kaya", "microcredit-committee",
            Map.of(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, amount));
        if (amount > 3000) {
            complete(trackingCode, "hatice.sahin", "managers", Map.of(Vars.MANAGER_DECISION, "APPROVE"));
        }
    }

    /** The committee says no, with a reason the applicant gets by SMS (never on the status page). */
    void reject(String trackingCode, String reason) {
        toCommittee(trackingCode);
        complete(trackingCode, "fatma.kaya", "microcredit-committee",
            Map.of(Vars.COMMITTEE_DECISION, "REJECT", Vars.COMMITTEE_REJECTION_REASON, reason));
    }

    /** Runs the disbursement job: the loan and its installments are written. */
    void disburse(String trackingCode) {
        Job job = managementService.createJobQuery().processInstanceId(instance(trackingCode).getId())
            .activityId(Elements.DISBURSE_LOAN).singleResult();
        if (job != null) {
            managementService.executeJob(job.getId());
        }
    }

    private void complete(String trackingCode, String user, String group, Map<String, Object> variables) {
        String taskId = taskService.createTaskQuery().processInstanceId(instance(trackingCode).getId()).singleResult().getId();
        taskService.claim(taskId, user);
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ProcessInstance instance(String trackingCode) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingCode).singleResult();
    }
}
