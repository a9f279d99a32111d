package tr.bel.izmit.kadinaile.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import tr.bel.izmit.kadinaile.microcredit.Installment;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditCaseActions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditLoans;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * İZGİM microcredit in the simulated year: applications on the portal (some from outside İzmit, who are not
 * eligible), the officers' document check (missing documents brought later, or the 14-day timer withdraws the
 * application), withdrawals by the applicant, the mentors' business-plan score, the committee (approve, possibly a
 * lower amount, or reject), the manager's four-eyes approval above 3,000 TL, the disbursement job, and the repayment:
 * most pay each installment on its due date, some 35 days late (after the overdue follow-up opened), some stop paying.
 */
final class MicrocreditYear implements SimulatedYear.Part {

    private static final BigDecimal THREE_THOUSAND = BigDecimal.valueOf(3_000);

    private enum Payer { ON_TIME, LATE, STOPS }

    /** One application and what its applicant and the staff will do. */
    private static final class Case {
        final int index;
        final boolean izmit;
        final long requested;
        final int termMonths;
        final boolean documentsMissing;
        final boolean bringsDocuments;
        final boolean withdraws;
        final boolean committeeRejects;
        final long approved;
        final boolean managerRejects;
        final Payer payer;
        volatile boolean documentsChecked;

        Case(int index, Random random) {
            this.index = index;
            this.izmit = random.nextInt(100) >= 8;
            this.requested = 1_500 + 100L * random.nextInt(36);
            this.termMonths = List.of(6, 10, 12).get(random.nextInt(3));
            this.documentsMissing = random.nextInt(100) < 15;
            this.bringsDocuments = random.nextInt(100) < 70;
            this.withdraws = !documentsMissing && random.nextInt(100) < 5;
            this.committeeRejects = random.nextInt(100) < 15;
            this.approved = requested > 2_000 && random.nextInt(5) == 0 ? requested - 500 : requested;
            this.managerRejects = random.nextInt(100) < 10;
            int p = random.nextInt(100);
            this.payer = p < 80 ? Payer.ON_TIME : p < 90 ? Payer.LATE : Payer.STOPS;
        }
    }

    private final SimulatedYear year;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, Case> byTrackingCode = new ConcurrentHashMap<>();
    private final Map<String, Case> byInstance = new ConcurrentHashMap<>();
    private final Map<Case, String> trackingCodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> amounts = new ConcurrentHashMap<>();

    MicrocreditYear(SimulatedYear year) {
        this.year = year;
    }

    @Override
    public List<String> processKeys() {
        return List.of(MicrocreditProcess.KEY);
    }

    @Override
    public void plan() {
        Random days = year.random("microcredit-days", 0);
        for (int i = 0; i < year.volumes.microcreditApplications(); i++) {
            Case c = new Case(i, year.random("microcredit", i));
            cases.add(c);
            // applications until mid-November, so that most reach their first installments within the year
            LocalDate day = year.firstDay().plusDays(1 + days.nextInt(318));
            year.at(day, SimulatedYear.Tick.MORNING, "mc-" + i, "microcredit application", () -> submit(c, day));
        }
    }

    private void submit(Case c, LocalDate day) {
        Map<String, Object> form = new HashMap<>();
        form.put(Vars.FULL_NAME, "Girişimci " + c.index);
        form.put(Vars.TC_KIMLIK_NO, People.tcKimlikNo(2, c.index));
        form.put(Vars.PHONE, People.phone(2, c.index));
        form.put(Vars.EMAIL, "girisimci" + c.index + "@example.org");
        form.put(Vars.DISTRICT, c.izmit ? "IZMIT" : "GEBZE");
        form.put(Vars.NEIGHBOURHOOD, "Kozluk");
        form.put(Vars.IZGIM_MEMBER, "NOT_MEMBER");
        form.put(Vars.SECTOR, List.of("FOOD", "TEXTILE", "HANDICRAFT", "SERVICES").get(c.index % 4));
        form.put(Vars.BUSINESS_SUMMARY, "Evde ürettiğim ürünleri çevrim içi ve pazarda satmak istiyorum.");
        form.put(Vars.REQUESTED_AMOUNT, c.requested);
        form.put(Vars.TERM_MONTHS, Integer.toString(c.termMonths));
        form.put(Vars.IBAN, "TR330006100519786457841326");
        form.put(Vars.KVKK_CONSENT, true);
        String code = year.portal.submit(MicrocreditProcess.KEY, form, null).trackingCode();
        byTrackingCode.put(code, c);
        trackingCodes.put(c, code);
        add("applications", 1);
        add("amountRequested", c.requested);
        if (!c.izmit) {
            add("ineligible", 1);
        } else if (c.withdraws) {
            // she withdraws on the portal while her business plan waits for the mentor
            year.at(day, SimulatedYear.Tick.LATE_MORNING, "mc-" + c.index, "microcredit withdrawal", () -> {
                year.portal.withdraw(code);
                add("withdrawn", 1);
            });
        }
    }

    private Case caseOf(String processInstanceId) {
        return byInstance.computeIfAbsent(processInstanceId, pid -> {
            ProcessInstance instance = year.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
            Case c = instance == null ? null : byTrackingCode.get(instance.getBusinessKey());
            if (c == null) {
                throw new IllegalStateException("a microcredit application the simulation did not submit");
            }
            return c;
        });
    }

    @Override
    public SimulatedYear.Work work(Task task, String processKey) {
        Case c = caseOf(task.getProcessInstanceId());
        if (!year.createdBefore(task, year.today(), year.tick())) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case Elements.CHECK_DOCUMENTS -> {
                if (c.withdraws && year.tick() == SimulatedYear.Tick.MORNING) {
                    return null;
                }
                boolean missing = c.documentsMissing && !c.documentsChecked;
                values.put(Vars.DOCUMENTS_DECISION, missing ? "INCOMPLETE" : "COMPLETE");
                if (missing) {
                    values.put(Vars.MISSING_DOCUMENTS, "İkametgâh belgesi ve vergi levhası eksik.");
                }
                return new SimulatedYear.Work(SimulatedYear.Staff.OFFICER, values, () -> {
                    c.documentsChecked = true;
                    if (missing && c.bringsDocuments) {
                        String code = trackingCodes.get(c);
                        year.at(year.today().plusDays(6), SimulatedYear.Tick.MORNING, "mc-" + c.index, "documents submitted",
                            () -> year.as(SimulatedYear.Staff.OFFICER, () -> year.context.getBean(MicrocreditCaseActions.class)
                                .documentsSubmitted(code)));
                    } else if (missing) {
                        add("withdrawn", 1); // the 14-day timer will withdraw it
                    }
                });
            }
            case Elements.ASSESS_BUSINESS_PLAN -> {
                if (c.withdraws) {
                    return null;
                }
                values.put(Vars.BUSINESS_PLAN_SCORE, (long) (2 + c.index % 4));
                values.put(Vars.BUSINESS_PLAN_COMMENT, "Pazar araştırması yapılmış, maliyetler gerçekçi.");
                return new SimulatedYear.Work(SimulatedYear.Staff.MENTOR, values, null);
            }
            case Elements.COMMITTEE_DECISION -> {
                values.put(Vars.COMMITTEE_DECISION, c.committeeRejects ? "REJECT" : "APPROVE");
                if (c.committeeRejects) {
                    values.put(Vars.COMMITTEE_REJECTION_REASON, "İş planı bu tutar için yeterli değil.");
                } else {
                    values.put(Vars.APPROVED_AMOUNT, c.approved);
                }
                return new SimulatedYear.Work(SimulatedYear.Staff.COMMITTEE, values, () -> {
                    if (c.committeeRejects) {
                        add("rejected", 1);
                    } else if (BigDecimal.valueOf(c.approved).compareTo(THREE_THOUSAND) <= 0) {
                        // no manager: the amount the committee approved decides, not the one requested
                        approved(c);
                    }
                });
            }
            case Elements.MANAGER_APPROVAL -> {
                values.put(Vars.MANAGER_DECISION, c.managerRejects ? "REJECT" : "APPROVE");
                if (c.managerRejects) {
                    values.put(Vars.MANAGER_REJECTION_REASON, "Bu dönemin kredi bütçesi yetersiz.");
                }
                return new SimulatedYear.Work(SimulatedYear.Staff.MANAGER, values, () -> {
                    if (c.managerRejects) {
                        add("rejected", 1);
                    } else {
                        approved(c);
                    }
                });
            }
            case Elements.OVERDUE_FOLLOW_UP -> {
                values.put(Vars.FOLLOW_UP_OUTCOME, c.payer == Payer.LATE ? "PROMISED_TO_PAY" : "UNREACHABLE");
                values.put(Vars.FOLLOW_UP_NOTE, "Telefonla arandı.");
                return new SimulatedYear.Work(SimulatedYear.Staff.OFFICER, values, () -> add("overdue follow-ups", 1));
            }
            default -> {
                year.problem("microcredit task not expected: " + task.getTaskDefinitionKey());
                return null;
            }
        }
    }

    /** Approved: the disbursement job runs at this tick; the next morning the repayments are planned. */
    private void approved(Case c) {
        add("approved", 1);
        add("amountApproved", c.approved);
        LocalDate today = year.today();
        year.at(today.plusDays(1), SimulatedYear.Tick.MORNING, "mc-" + c.index, "repayment plan", () -> planRepayment(c));
    }

    private void planRepayment(Case c) {
        String code = trackingCodes.get(c);
        Long loanId = year.jdbc.queryForObject("select l.id from mc_loan l join mc_application a on a.id = l.application_id "
            + "where a.tracking_code = ?", Long.class, code);
        MicrocreditLoans loans = year.context.getBean(MicrocreditLoans.class);
        BigDecimal principal = loans.getLoan(loanId).getPrincipal();
        if (principal.compareTo(BigDecimal.valueOf(c.approved)) != 0) {
            year.problem("microcredit: loan principal differs from the approved amount");
        }
        add("disbursed", 1);
        add("amountDisbursed", c.approved);
        List<Installment> installments = loans.installmentsOf(loanId);
        boolean repaidInYear = true;
        for (Installment installment : installments) {
            LocalDate due = installment.getDueDate();
            LocalDate paidOn = switch (c.payer) {
                case ON_TIME -> due;
                case LATE -> due.plusDays(35);
                case STOPS -> installment.getSequence() <= 2 ? due : null;
            };
            if (paidOn == null || paidOn.isAfter(year.lastDay())) {
                repaidInYear = false;
                if (!due.isAfter(year.lastDay())) {
                    add("overdueInstallments", 1);
                    add("overdueAmount", installment.getAmount());
                }
                continue;
            }
            int sequence = installment.getSequence();
            BigDecimal amount = installment.getAmount();
            year.at(paidOn, SimulatedYear.Tick.LATE_MORNING, "mc-" + c.index, "installment payment", () -> {
                year.as(SimulatedYear.Staff.FINANCE, () -> year.context.getBean(MicrocreditCaseActions.class)
                    .recordPayment(loanId, sequence, amount, SimulatedYear.Staff.FINANCE.userId));
                add("installments paid", 1);
                add("repaidAmount", amount);
            });
        }
        if (repaidInYear) {
            add("loans repaid", 1);
        }
    }

    private void add(String figure, long n) {
        counts.computeIfAbsent(figure, k -> new AtomicLong()).addAndGet(n);
    }

    private void add(String figure, BigDecimal amount) {
        amounts.merge(figure, amount, BigDecimal::add);
    }

    private long count(String figure) {
        AtomicLong n = counts.get(figure);
        return n == null ? 0 : n.get();
    }

    private String amount(String figure) {
        BigDecimal money = amounts.get(figure);
        AtomicLong whole = counts.get(figure);
        BigDecimal total = (money == null ? BigDecimal.ZERO : money).add(BigDecimal.valueOf(whole == null ? 0 : whole.get()));
        return ReportFigures.number(total);
    }

    @Override
    public void expect(Map<String, String> figures) {
        figures.put("microcredit.applications", ReportFigures.number(count("applications")));
        figures.put("microcredit.approved", ReportFigures.number(count("approved")));
        figures.put("microcredit.rejected", ReportFigures.number(count("rejected")));
        figures.put("microcredit.withdrawn", ReportFigures.number(count("withdrawn")));
        figures.put("microcredit.ineligible", ReportFigures.number(count("ineligible")));
        figures.put("microcredit.amountRequested", amount("amountRequested"));
        figures.put("microcredit.amountApproved", amount("amountApproved"));
        figures.put("microcredit.amountDisbursed", amount("amountDisbursed"));
        figures.put("microcredit.activeLoans", ReportFigures.number(count("disbursed") - count("loans repaid")));
        figures.put("microcredit.overdueInstallments", ReportFigures.number(count("overdueInstallments")));
        figures.put("microcredit.repaidAmount", amount("repaidAmount"));
        figures.put("microcredit.overdueAmount", amount("overdueAmount"));
    }

    @Override
    public Map<String, Long> tally() {
        Map<String, Long> tally = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tally.put(e.getKey(), e.getValue().get()));
        return tally;
    }
}
