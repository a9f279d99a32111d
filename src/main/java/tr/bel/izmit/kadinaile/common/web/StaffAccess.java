package tr.bel.izmit.kadinaile.common.web;

import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Group checks for our staff API. The engine's authentication filter has already authenticated the caller
 * (HTTP Basic against the Camunda identity) and set her on the engine for this request.
 */
@Component
public class StaffAccess {

    private final IdentityService identityService;

    StaffAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** @return the caller's user id, when she belongs to one of the groups */
    public String requireAnyGroup(StaffGroup... groups) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new StaffAccessDeniedException("Bu işlem için oturum açmalısınız.");
        }
        boolean member = authentication.getGroupIds() != null && Arrays.stream(groups)
            .anyMatch(group -> authentication.getGroupIds().contains(group.id()));
        if (!member) {
            throw new StaffAccessDeniedException("Bu işlem için yetkiniz yok.");
        }
        return authentication.getUserId();
    }

    public static class StaffAccessDeniedException extends RuntimeException {
        public StaffAccessDeniedException(String message) {
            super(message);
        }
    }
}
