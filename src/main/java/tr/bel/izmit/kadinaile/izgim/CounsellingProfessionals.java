package tr.bel.izmit.kadinaile.izgim;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/** The professionals who give a service: the users of its group, read as the application (not as the officer). */
@Component
class CounsellingProfessionals {

    private final IdentityService identityService;
    private final TechnicalEngineCalls technical;

    CounsellingProfessionals(IdentityService identityService, TechnicalEngineCalls technical) {
        this.identityService = identityService;
        this.technical = technical;
    }

    List<User> of(CounsellingService service) {
        String group = CounsellingAccess.groupOf(service).id();
        return technical.call(() -> identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list());
    }

    boolean gives(String userId, CounsellingService service) {
        return userId != null && of(service).stream().anyMatch(user -> user.getId().equals(userId));
    }

    /** The options of the intake form's professional select ({@code valuesKey}): her name as label, her id as value. */
    List<Map<String, String>> options(CounsellingService service) {
        return of(service).stream()
            .map(user -> Map.of("label", (user.getFirstName() + " " + user.getLastName()).strip(), "value", user.getId()))
            .toList();
    }
}
