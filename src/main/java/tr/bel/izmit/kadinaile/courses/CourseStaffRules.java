package tr.bel.izmit.kadinaile.courses;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;

/** Who may call the courses' staff API: the coordinators; a course's roster also its instructors. */
@Component
class CourseStaffRules implements StaffRules {

    @Override
    public void declare(Declarations rules) {
        String coordinators = CoursesIdentityContribution.COURSE_COORDINATORS.id();
        rules.allow(HttpMethod.GET, "/api/staff/courses/*/roster", coordinators, CoursesIdentityContribution.INSTRUCTORS.id())
            .allow("/api/staff/courses/**", coordinators);
    }
}
