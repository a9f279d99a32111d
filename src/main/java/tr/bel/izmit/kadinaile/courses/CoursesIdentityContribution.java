package tr.bel.izmit.kadinaile.courses;

import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.CaseReference;
import tr.bel.izmit.kadinaile.identity.DemoUser;
import tr.bel.izmit.kadinaile.identity.IdentityContribution;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/** İZMEK's groups and who does what in {@code course-enrollment}; managers watch it read-only. */
@Component
@Order(30)
public class CoursesIdentityContribution implements IdentityContribution {

    public static final StaffGroup COURSE_COORDINATORS = new StaffGroup("course-coordinators", "Kurs Koordinatörleri");
    public static final StaffGroup INSTRUCTORS = new StaffGroup("instructors", "Usta Öğreticiler");

    @Override
    public List<StaffGroup> groups() {
        return List.of(COURSE_COORDINATORS, INSTRUCTORS);
    }

    @Override
    public List<ProcessAccessPolicy> processes() {
        return List.of(new ProcessAccessPolicy(CourseProcess.KEY,
            Set.of(COURSE_COORDINATORS),
            Set.of(COURSE_COORDINATORS, INSTRUCTORS),
            Set.of(COURSE_COORDINATORS),
            Set.of(StaffGroup.MANAGERS),
            Set.of(CourseProcess.DECISION_ELIGIBILITY),
            false,
            CaseReference.TRACKING_CODE));
    }

    @Override
    public List<DemoUser> demoUsers() {
        return List.of(
            new DemoUser("burcu.yildiz", "Burcu", "Yıldız", List.of(COURSE_COORDINATORS)),
            new DemoUser("gulsen.dogan", "Gülsen", "Doğan", List.of(INSTRUCTORS)));
    }
}
