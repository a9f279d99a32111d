package tr.bel.izmit.kadinaile.support;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff users that tests create in the Camunda identity (and remove themselves). */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates user {@code id} with the password and a member of every group given. */
    public static String create(IdentityService identityService, String id, String password, String... groupIds) {
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Kullanıcı");
        user.setEmail(id + "@example.org");
        user.setPassword(password);
        identityService.saveUser(user);
        for (String groupId : groupIds) {
            identityService.createMembership(id, groupId);
        }
        return id;
    }

    /** Removes user {@code id} and the authorizations that name her (the engine leaves those behind). */
    public static void remove(IdentityService identityService, AuthorizationService authorizationService, String id) {
        authorizationService.createAuthorizationQuery().userIdIn(id).list()
            .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        identityService.deleteUser(id);
    }
}
