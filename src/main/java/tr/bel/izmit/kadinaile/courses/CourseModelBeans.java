package tr.bel.izmit.kadinaile.courses;

import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/**
 * The beans the İZMEK course model reaches by name: its delegates, listeners and the services its
 * expressions call. Only these are reachable from its expressions (see {@code engine.ModelBeans}).
 */
@Component
class CourseModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        return ModelBeanContribution.sameNames("courseIntake", "courseApplications", "courseSeats", "courseSeatReservation", "courseSeatRelease",
            "courseEligibilityGuard", "courseAttendance", "courseCertificateIssuer");
    }
}
