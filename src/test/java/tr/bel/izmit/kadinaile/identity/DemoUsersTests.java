package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo staff, now declared by the capabilities ({@link IdentityContribution#demoUsers()}): the same users in the
 * same groups as the README lists, each with her own "Bana atananlar" filter. Same context as {@code MetricsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
class DemoUsersTests {

    private static final Map<String, List<String>> DEMO_STAFF = demoStaff();

    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    DemoUsers demoUsers;

    private static Map<String, List<String>> demoStaff() {
        Map<String, List<String>> staff = new LinkedHashMap<>();
        staff.put("ayse.yilmaz", List.of("izgim-officers"));
        staff.put("elif.demir", List.of("entrepreneurship-mentors"));
        staff.put("fatma.kaya", List.of("microcredit-committee"));
        staff.put("zeynep.celik", List.of("microcredit-committee", "managers"));
        staff.put("hatice.sahin", List.of("managers"));
        staff.put("emine.arslan", List.of("finance-officers"));
        staff.put("merve.koc", List.of("violence-line-operators"));
        staff.put("selin.aydin", List.of("violence-line-social-workers"));
        staff.put("derya.ozturk", List.of("violence-line-supervisors"));
        staff.put("burcu.yildiz", List.of("course-coordinators"));
        staff.put("gulsen.dogan", List.of("instructors"));
        staff.put("seda.kurt", List.of("market-coordinators"));
        staff.put("nur.ozdemir", List.of("food-safety-officers"));
        // İZGİM counselling (issue 23): one demo user per professional group
        staff.put("zeynep.aksoy", List.of("psychologists"));
        staff.put("derya.kurt", List.of("child-psychologists"));
        staff.put("selin.ates", List.of("dietitians"));
        staff.put("nermin.oz", List.of("counselling-supervisors"));
        return staff;
    }

    @Test
    void shouldDeclareTheSameDemoStaffAsBefore() {
        assertThat(demoUsers.users()).extracting(DemoUser::id).containsExactlyInAnyOrderElementsOf(DEMO_STAFF.keySet());
    }

    @Test
    void shouldCreateEveryDemoUserInHerGroupsWithHerOwnFilter() {
        DEMO_STAFF.forEach((id, groups) -> {
            User user = identityService.createUserQuery().userId(id).singleResult();
            assertThat(user).as(id).isNotNull();
            assertThat(user.getEmail()).isEqualTo(id + "@izmit.bel.tr");
            assertThat(identityService.checkPassword(id, "demo")).as("password of %s", id).isTrue();
            assertThat(identityService.createGroupQuery().groupMember(id).list()).extracting(Group::getId).as(id)
                .containsExactlyInAnyOrderElementsOf(groups);
            assertThat(filterService.createTaskFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).filterOwner(id).count())
                .as("filter of %s", id).isOne();
        });
        assertThat(identityService.createUserQuery().userId("zeynep.celik").singleResult().getFirstName()).isEqualTo("Zeynep");
        assertThat(identityService.createUserQuery().userId("zeynep.celik").singleResult().getLastName()).isEqualTo("Çelik");
    }
}
