package tr.bel.izmit.kadinaile.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo staff: at least one user in every group, all with the demo password. Only with
 * {@code app.demo.enabled=true} (the demo profile). Zeynep Çelik sits on the committee and among the
 * managers, to show that the four-eyes rule stops her from approving her own committee decision.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
public class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    public record DemoUser(String id, String firstName, String lastName, List<StaffGroup> groups) {
    }

    public static final List<DemoUser> USERS = List.of(
        new DemoUser("ayse.yilmaz", "Ayşe", "Yılmaz", List.of(StaffGroup.IZGIM_OFFICERS)),
        new DemoUser("elif.demir", "Elif", "Demir", List.of(StaffGroup.ENTREPRENEURSHIP_MENTORS)),
        new DemoUser("fatma.kaya", "Fatma", "Kaya", List.of(StaffGroup.MICROCREDIT_COMMITTEE)),
        new DemoUser("zeynep.celik", "Zeynep", "Çelik", List.of(StaffGroup.MICROCREDIT_COMMITTEE, StaffGroup.MANAGERS)),
        new DemoUser("hatice.sahin", "Hatice", "Şahin", List.of(StaffGroup.MANAGERS)),
        new DemoUser("emine.arslan", "Emine", "Arslan", List.of(StaffGroup.FINANCE_OFFICERS)),
        new DemoUser("merve.koc", "Merve", "Koç", List.of(StaffGroup.VIOLENCE_LINE_OPERATORS)),
        new DemoUser("selin.aydin", "Selin", "Aydın", List.of(StaffGroup.VIOLENCE_LINE_SOCIAL_WORKERS)),
        new DemoUser("derya.ozturk", "Derya", "Öztürk", List.of(StaffGroup.VIOLENCE_LINE_SUPERVISORS)),
        new DemoUser("burcu.yildiz", "Burcu", "Yıldız", List.of(StaffGroup.COURSE_COORDINATORS)),
        new DemoUser("gulsen.dogan", "Gülsen", "Doğan", List.of(StaffGroup.INSTRUCTORS)),
        new DemoUser("seda.kurt", "Seda", "Kurt", List.of(StaffGroup.MARKET_COORDINATORS)),
        new DemoUser("nur.ozdemir", "Nur", "Özdemir", List.of(StaffGroup.FOOD_SAFETY_OFFICERS)));

    private final IdentityService identityService;
    private final String password;

    DemoUsers(IdentityService identityService, @Value("${app.demo.password}") String password) {
        this.identityService = identityService;
        this.password = password;
    }

    /** Called by {@link IdentitySetup} once the groups exist. */
    void create() {
        int created = 0;
        for (DemoUser demo : USERS) {
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
