package tr.bel.izmit.kadinaile.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import tr.bel.izmit.kadinaile.violenceline.ReferralType;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * The violence line in the simulated year: calls recorded by the operator with the intake form (as Tasklist submits
 * it), in eight kinds that cover every risk level and every referral type; the emergency response of critical calls,
 * the referrals made and answered (some late enough for the SLA timer to call the supervisor), the safety plan and its
 * approval (some reworked), the follow-up calls of the risk level (some unreachable once, some asked not to be
 * called) and the closure approved by the supervisor (some reopened once). The risk level and the referrals of each
 * kind follow from the decision table and the woman's consent, so the tally knows them without reading the case.
 */
final class ViolenceLineYear implements SimulatedYear.Part {

    /** A kind of call: its risk factors and consent, and the risk level and referrals the decision gives. */
    private record Kind(String riskLevel, List<String> violenceTypes, List<String> riskFactors, List<String> consented,
            List<ReferralType> referrals, int weight) {
    }

    private static final List<Kind> KINDS = List.of(
        new Kind("CRITICAL", List.of("PHYSICAL"), List.of(Vars.IMMEDIATE_DANGER), List.of("SHELTER", "LEGAL_AID"),
            List.of(ReferralType.POLICE, ReferralType.SHELTER, ReferralType.LEGAL_AID), 8),
        new Kind("HIGH", List.of("PSYCHOLOGICAL"), List.of(Vars.WEAPON_OR_THREAT), List.of("POLICE", "SONIM"),
            List.of(ReferralType.POLICE, ReferralType.SONIM), 10),
        new Kind("HIGH", List.of("PHYSICAL"), List.of(Vars.EARLIER_INCIDENTS), List.of("SONIM", "PSYCHOLOGICAL", "LEGAL_AID"),
            List.of(ReferralType.SONIM, ReferralType.PSYCHOLOGICAL, ReferralType.LEGAL_AID), 12),
        new Kind("HIGH", List.of("PSYCHOLOGICAL", "ECONOMIC"), List.of(Vars.CHILDREN_AT_RISK), List.of("SHELTER", "SOCIAL_ASSISTANCE"),
            List.of(ReferralType.SHELTER, ReferralType.SOCIAL_ASSISTANCE), 8),
        new Kind("MEDIUM", List.of("PHYSICAL"), List.of(), List.of("SONIM", "PSYCHOLOGICAL"),
            List.of(ReferralType.SONIM, ReferralType.PSYCHOLOGICAL), 22),
        new Kind("MEDIUM", List.of("PSYCHOLOGICAL"), List.of(Vars.PROTECTION_ORDER), List.of("LEGAL_AID"),
            List.of(ReferralType.LEGAL_AID), 13),
        new Kind("LOW", List.of("PSYCHOLOGICAL"), List.of(), List.of("PSYCHOLOGICAL", "SOCIAL_ASSISTANCE"),
            List.of(ReferralType.PSYCHOLOGICAL, ReferralType.SOCIAL_ASSISTANCE), 17),
        new Kind("LOW", List.of("ECONOMIC"), List.of(), List.of("SOCIAL_ASSISTANCE"), List.of(ReferralType.SOCIAL_ASSISTANCE), 10));

    private static final List<String> RISK_FACTORS = List.of(Vars.IMMEDIATE_DANGER, Vars.WEAPON_OR_THREAT, Vars.CHILDREN_AT_RISK,
        Vars.PREGNANT, Vars.EARLIER_INCIDENTS, Vars.PROTECTION_ORDER);
    private static final List<String> CLOSURE_OUTCOMES = List.of("SAFE_AND_SUPPORTED", "REFERRED_ELSEWHERE", "MOVED_AWAY",
        "DECLINED_SUPPORT");

    /** One call and what the woman and the staff will do. */
    private static final class Call {
        final int index;
        final Kind kind;
        final boolean doNotCall;
        final boolean referralsLate;
        final boolean rejectsFirstAnswer;
        final boolean planReworked;
        final boolean unreachableOnce;
        final boolean closureReopened;
        final String closureOutcome;
        final AtomicInteger answers = new AtomicInteger();
        volatile boolean reworked;
        volatile boolean wasUnreachable;
        volatile boolean reopened;

        Call(int index, Kind kind, Random random) {
            this.index = index;
            this.kind = kind;
            this.doNotCall = random.nextInt(100) < 10;
            this.referralsLate = random.nextInt(100) < 10;
            this.rejectsFirstAnswer = random.nextInt(100) < 15;
            this.planReworked = random.nextInt(100) < 10;
            this.unreachableOnce = random.nextInt(100) < 10;
            this.closureReopened = random.nextInt(100) < 5;
            this.closureOutcome = CLOSURE_OUTCOMES.get(random.nextInt(CLOSURE_OUTCOMES.size()));
        }
    }

    private final SimulatedYear year;
    private final Map<String, Call> byInstance = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private String definitionId;

    ViolenceLineYear(SimulatedYear year) {
        this.year = year;
    }

    @Override
    public List<String> processKeys() {
        return List.of(ViolenceLineProcess.KEY);
    }

    @Override
    public void plan() {
        definitionId = year.repositoryService.createProcessDefinitionQuery().processDefinitionKey(ViolenceLineProcess.KEY)
            .latestVersion().singleResult().getId();
        Random days = year.random("violence-days", 0);
        int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
        for (int i = 0; i < year.volumes.violenceCalls(); i++) {
            Random random = year.random("violence", i);
            int pick = random.nextInt(totalWeight);
            Kind kind = null;
            for (Kind k : KINDS) {
                if (pick < k.weight()) {
                    kind = k;
                    break;
                }
                pick -= k.weight();
            }
            Call call = new Call(i, kind, random);
            LocalDate day = year.firstDay().plusDays(days.nextInt(365));
            year.at(day, SimulatedYear.Tick.values()[days.nextInt(4)], "vl-" + i, "violence-line call", () -> record(call));
        }
    }

    /** The operator records the call in Tasklist: the intake form is the process's start form. */
    private void record(Call call) {
        Map<String, Object> intake = new HashMap<>();
        intake.put(Vars.CALLER_ANONYMOUS, false);
        intake.put(Vars.VICTIM_NAME, "Arayan " + call.index);
        intake.put(Vars.DO_NOT_CALL, call.doNotCall);
        if (!call.doNotCall) {
            intake.put(Vars.SAFE_PHONE, People.phone(4, call.index));
            intake.put(Vars.SAFE_CALL_TIMES, "Hafta içi 10:00-12:00");
        }
        intake.put(Vars.DISTRICT, "IZMIT");
        intake.put(Vars.NEIGHBOURHOOD, "Merkez");
        intake.put(Vars.VIOLENCE_TYPES, checklist(call.kind.violenceTypes()));
        RISK_FACTORS.forEach(factor -> intake.put(factor, call.kind.riskFactors().contains(factor)));
        intake.put(Vars.PERPETRATOR_RELATION, "SPOUSE");
        intake.put(Vars.CONSENTED_REFERRALS, checklist(call.kind.consented()));
        intake.put(Vars.INCIDENT_NOTES, "Simülasyon çağrısı.");
        ProcessInstance instance = year.as(SimulatedYear.Staff.OPERATOR,
            () -> year.formService.submitStartForm(definitionId, intake));
        byInstance.put(instance.getId(), call);
        add("cases." + call.kind.riskLevel());
        for (ReferralType type : call.kind.referrals()) {
            add("referrals." + type.name());
            add("referralsByRisk." + call.kind.riskLevel());
        }
        add("calls");
    }

    @Override
    public SimulatedYear.Work work(Task task, String processKey) {
        Call call = byInstance.get(task.getProcessInstanceId());
        if (call == null) {
            year.problem("a violence-line case the simulation did not record");
            return null;
        }
        if (!year.createdBefore(task, year.today(), year.tick())) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        SimulatedYear.Staff social = SimulatedYear.Staff.SOCIAL_WORKER;
        SimulatedYear.Staff supervisor = SimulatedYear.Staff.SUPERVISOR;
        switch (task.getTaskDefinitionKey()) {
            case "Task_EmergencyResponse" -> {
                values.put("emergencyActions", checklist(List.of("POLICE_155", "SHELTER_PLACEMENT")));
                return new SimulatedYear.Work(SimulatedYear.Staff.OPERATOR, values, () -> add("emergency responses"));
            }
            case "Task_EmergencyEscalation" -> {
                values.put("supervisorAction", "CONFIRMED_HANDLED");
                return new SimulatedYear.Work(supervisor, values, null);
            }
            case "Task_MakeReferral" -> {
                if (call.referralsLate && age(task).compareTo(Duration.ofDays(8)) < 0) {
                    return null;
                }
                values.put("referralMade", true);
                return new SimulatedYear.Work(social, values, null);
            }
            case "Task_RecordReferralAnswer" -> {
                boolean rejected = call.rejectsFirstAnswer && call.answers.getAndIncrement() == 0;
                values.put(Vars.REFERRAL_ANSWER, rejected ? "REJECTED" : "ACCEPTED");
                if (rejected) {
                    values.put(Vars.REFERRAL_REJECTION_REASON, "NO_CAPACITY");
                }
                return new SimulatedYear.Work(social, values, () -> add(rejected ? "referrals rejected" : "referrals accepted"));
            }
            case "Task_ReferralSlaEscalation" -> {
                values.put("slaAction", "CONTACTED_INSTITUTION");
                return new SimulatedYear.Work(supervisor, values, () -> add("referral SLA escalations handled"));
            }
            case "Task_SafetyPlan" -> {
                values.put("safetyPlanItems", checklist(List.of("SAFE_PLACE", "CODE_WORD", "TRUSTED_PERSON")));
                values.put("safetyPlanText", "Güvenli yer ve şifre kelime kararlaştırıldı.");
                return new SimulatedYear.Work(social, values, null);
            }
            case "Task_ApproveSafetyPlan" -> {
                boolean rework = call.planReworked && !call.reworked;
                values.put(Vars.SAFETY_PLAN_DECISION, rework ? "REWORK" : "APPROVE");
                return new SimulatedYear.Work(supervisor, values, () -> call.reworked |= rework);
            }
            case "Task_FollowUpCall" -> {
                boolean unreachable = call.unreachableOnce && !call.wasUnreachable;
                values.put(Vars.FOLLOW_UP_OUTCOME, unreachable ? "UNREACHABLE" : "SAFE");
                return new SimulatedYear.Work(social, values, () -> {
                    call.wasUnreachable |= unreachable;
                    add("follow-up calls");
                });
            }
            case "Task_CloseCase" -> {
                values.put(Vars.CLOSURE_OUTCOME, call.closureOutcome);
                return new SimulatedYear.Work(social, values, null);
            }
            case "Task_ApproveClosure" -> {
                boolean reopen = call.closureReopened && !call.reopened;
                values.put(Vars.CLOSURE_DECISION, reopen ? "REOPEN" : "APPROVE");
                return new SimulatedYear.Work(supervisor, values, () -> {
                    if (reopen) {
                        call.reopened = true;
                        add("closures reopened");
                    } else {
                        add("closed." + call.closureOutcome);
                        add("closed");
                    }
                });
            }
            default -> {
                year.problem("violence-line task not expected: " + task.getTaskDefinitionKey());
                return null;
            }
        }
    }

    private Duration age(Task task) {
        return Duration.between(task.getCreateTime().toInstant(),
            org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
    }

    private static JsonValue checklist(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values.get(i)).append('"');
        }
        return SpinValues.jsonValue(json.append(']').toString()).create();
    }

    private void add(String figure) {
        counts.computeIfAbsent(figure, k -> new AtomicLong()).incrementAndGet();
    }

    private long count(String figure) {
        AtomicLong n = counts.get(figure);
        return n == null ? 0 : n.get();
    }

    @Override
    public void expect(Map<String, String> figures) {
        for (String risk : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
            figures.put("violenceLine.casesByRiskLevel." + risk, ReportFigures.bucket(count("cases." + risk)));
            figures.put("violenceLine.referralsByRiskLevel." + risk, ReportFigures.bucket(count("referralsByRisk." + risk)));
        }
        for (ReferralType type : ReferralType.values()) {
            figures.put("violenceLine.referralsByType." + type.name(), ReportFigures.bucket(count("referrals." + type.name())));
        }
        for (String outcome : CLOSURE_OUTCOMES) {
            if (count("closed." + outcome) > 0) {
                figures.put("violenceLine.closedCasesByOutcome." + outcome, ReportFigures.bucket(count("closed." + outcome)));
            }
        }
        figures.put("violenceLine.casesClosed", ReportFigures.bucket(count("closed")));
    }

    @Override
    public Map<String, Long> tally() {
        Map<String, Long> tally = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tally.put(e.getKey(), e.getValue().get()));
        return tally;
    }
}
