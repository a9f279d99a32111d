package tr.bel.izmit.kadinaile.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the authenticated user of the request, or else the task's assignee. */
@Component
public class StaffUsers {

    private final IdentityService identityService;

    public StaffUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String actingUser(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
