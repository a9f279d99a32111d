package tr.bel.izmit.kadinaile.izgim;

import java.util.ArrayList;
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
 * İZGİM's professional groups and the confidential process {@code izgim-counselling} (health data, KVKK Art. 6, as
 * sensitive as the violence line's): only the groups named here see its instances, tasks and history — not the
 * managers, not the administrators. The officers start it at the desk (the portal starts it as the application) and do
 * the intake; the professionals plan, confirm and close; the supervisors watch. Staff find a case by its tracking code.
 */
@Component
@Order(60)
public class IzgimIdentityContribution implements IdentityContribution {

    private static final Set<StaffGroup> PROFESSIONALS = Set.of(IzgimGroups.PSYCHOLOGISTS, IzgimGroups.CHILD_PSYCHOLOGISTS,
        IzgimGroups.DIETITIANS);

    @Override
    public List<StaffGroup> groups() {
        List<StaffGroup> groups = new ArrayList<>(List.of(StaffGroup.IZGIM_OFFICERS));
        groups.addAll(IzgimGroups.ALL);
        return groups;
    }

    @Override
    public List<ProcessAccessPolicy> processes() {
        Set<StaffGroup> participants = new java.util.LinkedHashSet<>(List.of(StaffGroup.IZGIM_OFFICERS));
        participants.addAll(PROFESSIONALS);
        // the professional's own tasks name the supervisors as candidates: they take a case over when she is away
        participants.add(IzgimGroups.COUNSELLING_SUPERVISORS);
        return List.of(new ProcessAccessPolicy(CounsellingProcess.KEY,
            Set.of(StaffGroup.IZGIM_OFFICERS),
            participants,
            Set.of(IzgimGroups.COUNSELLING_SUPERVISORS),
            Set.of(IzgimGroups.COUNSELLING_SUPERVISORS),
            Set.of(),
            true,
            CaseReference.TRACKING_CODE));
    }

    @Override
    public List<DemoUser> demoUsers() {
        return List.of(
            new DemoUser("zeynep.aksoy", "Zeynep", "Aksoy", List.of(IzgimGroups.PSYCHOLOGISTS)),
            new DemoUser("derya.kurt", "Derya", "Kurt", List.of(IzgimGroups.CHILD_PSYCHOLOGISTS)),
            new DemoUser("selin.ates", "Selin", "Ateş", List.of(IzgimGroups.DIETITIANS)),
            new DemoUser("nermin.oz", "Nermin", "Öz", List.of(IzgimGroups.COUNSELLING_SUPERVISORS)));
    }
}
