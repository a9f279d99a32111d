package tr.bel.izmit.kadinaile.microcredit;

import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.CaseReference;
import tr.bel.izmit.kadinaile.identity.DemoUser;
import tr.bel.izmit.kadinaile.identity.IdentityContribution;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Microcredit's groups and who does what in {@code microcredit-application}: İZGİM's officers start applications
 * and check documents, mentors assess business plans, the committee decides, managers approve above 3,000 TL and
 * watch, finance officers record payments. Its groups' Tasklist filters come first.
 */
@Component
@Order(10)
public class MicrocreditIdentityContribution implements IdentityContribution {

    public static final StaffGroup ENTREPRENEURSHIP_MENTORS = new StaffGroup("entrepreneurship-mentors",
        "Girişimcilik Mentorları");
    public static final StaffGroup MICROCREDIT_COMMITTEE = new StaffGroup("microcredit-committee", "Mikrokredi Komitesi");
    public static final StaffGroup FINANCE_OFFICERS = new StaffGroup("finance-officers", "Mali Hizmetler Memurları");

    @Override
    public List<StaffGroup> groups() {
        return List.of(StaffGroup.IZGIM_OFFICERS, ENTREPRENEURSHIP_MENTORS, MICROCREDIT_COMMITTEE, FINANCE_OFFICERS,
            StaffGroup.MANAGERS);
    }

    @Override
    public List<ProcessAccessPolicy> processes() {
        return List.of(new ProcessAccessPolicy(MicrocreditProcess.KEY,
            Set.of(StaffGroup.IZGIM_OFFICERS),
            Set.of(StaffGroup.IZGIM_OFFICERS, ENTREPRENEURSHIP_MENTORS, MICROCREDIT_COMMITTEE, StaffGroup.MANAGERS,
                FINANCE_OFFICERS),
            Set.of(StaffGroup.IZGIM_OFFICERS, FINANCE_OFFICERS),
            Set.of(StaffGroup.MANAGERS),
            Set.of(MicrocreditProcess.DECISION_ELIGIBILITY),
            false,
            CaseReference.TRACKING_CODE));
    }

    /** Zeynep Çelik sits on the committee and among the managers, to show that the four-eyes rule stops her from
     * approving her own committee decision. */
    @Override
    public List<DemoUser> demoUsers() {
        return List.of(
            new DemoUser("ayse.yilmaz", "Ayşe", "Yılmaz", List.of(StaffGroup.IZGIM_OFFICERS)),
            new DemoUser("elif.demir", "Elif", "Demir", List.of(ENTREPRENEURSHIP_MENTORS)),
            new DemoUser("fatma.kaya", "Fatma", "Kaya", List.of(MICROCREDIT_COMMITTEE)),
            new DemoUser("zeynep.celik", "Zeynep", "Çelik", List.of(MICROCREDIT_COMMITTEE, StaffGroup.MANAGERS)),
            new DemoUser("emine.arslan", "Emine", "Arslan", List.of(FINANCE_OFFICERS)));
    }
}
