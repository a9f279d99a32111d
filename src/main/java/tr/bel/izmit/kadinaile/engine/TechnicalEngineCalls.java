package tr.bel.izmit.kadinaile.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the application itself, without the logged-in user's engine authentication, and puts
 * her authentication back afterwards. For our staff endpoints only, after they have checked the caller themselves
 * (the staff rules of Spring Security, {@code common.web.StaffRules}, and that she may see the instance): the engine refuses a person's message correlation and
 * variable writes ({@link HumanCommandGuard}), while the application's own calls are technical.
 */
@Component
public class TechnicalEngineCalls {

    private final IdentityService identityService;

    public TechnicalEngineCalls(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    public <T> T call(Supplier<T> call) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
