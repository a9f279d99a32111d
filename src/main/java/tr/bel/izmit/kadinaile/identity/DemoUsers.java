package tr.bel.izmit.kadinaile.identity;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo staff: at least one user in every group, all with the demo password, as the capabilities declare them
 * ({@link IdentityContribution#demoUsers()}) plus the shared groups' ones. Only with {@code app.demo.enabled=true}
 * (the demo profile).
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
public class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    /** Demo staff of the shared groups; the capabilities declare theirs ({@link IdentityContribution#demoUsers()}). */
    static final List<DemoUser> SHARED_USERS = List.of(
        new DemoUser("hatice.sahin", "Hatice", "Şahin", List.of(StaffGroup.MANAGERS)));

    private final IdentityService identityService;
    private final String password;
    private final List<DemoUser> users;

    DemoUsers(IdentityService identityService, StaffDirectory directory, @Value("${app.demo.password}") String password) {
        this.identityService = identityService;
        this.password = password;
        this.users = Stream.concat(directory.demoUsers().stream(), SHARED_USERS.stream()).toList();
    }

    /** Every demo user: the capabilities' ones, then the shared groups' ones. */
    public List<DemoUser> users() {
        return users;
    }

    /** Called by {@link IdentitySetup} once the groups exist. */
    void create() {
        int created = 0;
        for (DemoUser demo : users) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@izmit.bel.tr");
                user.setPassword(password);
                identityService.saveUser(user);
                created++;
            }
            for (StaffGroup group : demo.groups()) {
                if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group.id()).count() == 0) {
                    identityService.createMembership(demo.id(), group.id());
                }
            }
        }
        LOG.info("Demo staff users ready ({} created)", created);
    }
}
