package tr.bel.izmit.kadinaile.violenceline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.CaseReference;
import tr.bel.izmit.kadinaile.identity.DemoUser;
import tr.bel.izmit.kadinaile.identity.IdentityContribution;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.identity.TasklistFilter;

/**
 * The violence line's three groups and its confidential process {@code violence-line-referral}: only these groups
 * see its cases (not even the administrators), operators alone start it, from Tasklist. Staff find a case by its
 * case code (never by the victim's name), and the line's groups share a filter of the urgent work.
 */
@Component
@Order(20)
public class ViolenceLineIdentityContribution implements IdentityContribution {

    public static final StaffGroup VIOLENCE_LINE_OPERATORS = new StaffGroup("violence-line-operators",
        "Şiddet Hattı Operatörleri");
    public static final StaffGroup VIOLENCE_LINE_SOCIAL_WORKERS = new StaffGroup("violence-line-social-workers",
        "Şiddet Hattı Sosyal Çalışmacıları");
    public static final StaffGroup VIOLENCE_LINE_SUPERVISORS = new StaffGroup("violence-line-supervisors",
        "Şiddet Hattı Süpervizörleri");
    /** The line's staff: the only groups that see its cases. */
    public static final List<StaffGroup> LINE_STAFF = List.of(VIOLENCE_LINE_OPERATORS, VIOLENCE_LINE_SOCIAL_WORKERS,
        VIOLENCE_LINE_SUPERVISORS);

    public static final String URGENT_FILTER = "Acil şiddet hattı vakaları";
    /** Violence-line tasks from this priority on are urgent (the process gives emergency work 100 and more). */
    public static final int URGENT_PRIORITY = 100;
    /** The case code ({@code caseCode}), by which the line's staff find a case. */
    static final CaseReference CASE_CODE = new CaseReference("caseCode", "Vaka kodu");

    /** One of the line's groups, by its id. */
    public static Optional<StaffGroup> lineGroup(String groupId) {
        return LINE_STAFF.stream().filter(group -> group.id().equals(groupId)).findFirst();
    }

    @Override
    public List<StaffGroup> groups() {
        return LINE_STAFF;
    }

    @Override
    public List<ProcessAccessPolicy> processes() {
        return List.of(new ProcessAccessPolicy(ViolenceLineProcess.KEY,
            Set.of(VIOLENCE_LINE_OPERATORS),
            Set.copyOf(LINE_STAFF),
            Set.of(VIOLENCE_LINE_SOCIAL_WORKERS, VIOLENCE_LINE_SUPERVISORS),
            Set.copyOf(LINE_STAFF),
            Set.of(ViolenceLineProcess.DECISION_RISK_LEVEL),
            true,
            CASE_CODE));
    }

    /** "Acil şiddet hattı vakaları": the line's tasks with priority ≥ {@value #URGENT_PRIORITY}, for the line's groups. */
    @Override
    public List<TasklistFilter> tasklistFilters() {
        return List.of(new TasklistFilter(URGENT_FILTER,
            "Şiddet hattında önceliği " + URGENT_PRIORITY + " ve üzeri olan görevler (kritik vakalar, acil müdahale).",
            TasklistFilter.BETWEEN_QUEUE_AND_OVERDUE, true,
            query -> query.processDefinitionKey(ViolenceLineProcess.KEY).taskMinPriority(URGENT_PRIORITY),
            Set.copyOf(LINE_STAFF), List.of(CASE_CODE)));
    }

    @Override
    public List<DemoUser> demoUsers() {
        return List.of(
            new DemoUser("merve.koc", "Merve", "Koç", List.of(VIOLENCE_LINE_OPERATORS)),
            new DemoUser("selin.aydin", "Selin", "Aydın", List.of(VIOLENCE_LINE_SOCIAL_WORKERS)),
            new DemoUser("derya.ozturk", "Derya", "Öztürk", List.of(VIOLENCE_LINE_SUPERVISORS)));
    }
}
