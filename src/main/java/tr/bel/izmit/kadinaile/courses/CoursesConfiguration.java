package tr.bel.izmit.kadinaile.courses;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

@Configuration(proxyBeanMethods = false)
class CoursesConfiguration {

    @Bean
    ProcessAccessPolicy courseEnrollmentAccess() {
        return new ProcessAccessPolicy(CourseProcess.KEY,
            EnumSet.of(StaffGroup.COURSE_COORDINATORS),
            EnumSet.of(StaffGroup.COURSE_COORDINATORS, StaffGroup.INSTRUCTORS),
            EnumSet.of(StaffGroup.COURSE_COORDINATORS),
            EnumSet.of(StaffGroup.MANAGERS),
            Set.of(CourseProcess.DECISION_ELIGIBILITY),
            false);
    }

    @Bean
    SensitiveVariables courseSensitiveVariables() {
        return new SensitiveVariables(CourseProcess.Vars.PERSONAL_DATA);
    }
}
