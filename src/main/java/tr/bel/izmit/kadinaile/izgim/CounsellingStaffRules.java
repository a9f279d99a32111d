package tr.bel.izmit.kadinaile.izgim;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Who may call the counselling staff API at all: the centre's professionals and supervisors, and for the client's
 * record the officers too. Which case and which note a caller then sees is decided per case
 * ({@link CounsellingAccess}); managers, administrators and the violence line's staff are refused before any look-up.
 */
@Component
class CounsellingStaffRules implements StaffRules {

    static final String API = "/api/staff/izgim/cases";

    @Override
    public List<String> confidentialPaths() {
        return List.of(API);
    }

    @Override
    public void declare(Declarations rules) {
        String psychologists = IzgimGroups.PSYCHOLOGISTS.id();
        String childPsychologists = IzgimGroups.CHILD_PSYCHOLOGISTS.id();
        String dietitians = IzgimGroups.DIETITIANS.id();
        String supervisors = IzgimGroups.COUNSELLING_SUPERVISORS.id();
        rules
            .allow(HttpMethod.POST, API + "/*/notes", psychologists, childPsychologists, dietitians)
            .allow(HttpMethod.GET, API + "/*/notes", psychologists, childPsychologists, dietitians, supervisors)
            .allow(HttpMethod.GET, API + "/*", psychologists, childPsychologists, dietitians, supervisors,
                StaffGroup.IZGIM_OFFICERS.id());
    }
}
