package tr.bel.izmit.kadinaile.courses;

import static tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution.COURSE_COORDINATORS;
import static tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution.INSTRUCTORS;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.courses.CourseCatalog.CourseRequest;

/**
 * The coordinators' catalog API (course centres, instructors, courses) and course rosters. HTTP Basic against
 * the Camunda identity; group {@code course-coordinators} (rosters also for {@code instructors}).
 */
@RestController
@RequestMapping("/api/staff/courses")
class CourseStaffController {

    private final CourseCatalog catalog;
    private final CourseCentreRepository centres;
    private final InstructorRepository instructors;
    private final CourseApplicationRepository applications;

    CourseStaffController(CourseCatalog catalog, CourseCentreRepository centres, InstructorRepository instructors,
            CourseApplicationRepository applications) {
        this.catalog = catalog;
        this.centres = centres;
        this.instructors = instructors;
        this.applications = applications;
    }

    record StaffCourseView(String code, String title, String centreCode, String centre, Long instructorId, String instructor,
            String term, int capacity, int seatsTaken, LocalDate startsOn, LocalDate endsOn, int weeklyHours, List<String> days,
            String startsAt, String endsAt, int minimumAge, boolean interviewRequired, boolean openForApplication) {

        static StaffCourseView of(Course c) {
            return new StaffCourseView(c.getCode(), c.getTitle(), c.getCentre().getCode(), c.getCentre().getName(),
                c.getInstructor().getId(), c.getInstructor().getFullName(), c.getTerm(), c.getCapacity(), c.getSeatsTaken(),
                c.getStartsOn(), c.getEndsOn(), c.getWeeklyHours(), c.days().stream().map(Enum::name).toList(),
                c.getStartsAt().toString(), c.getEndsAt().toString(), c.getMinimumAge(), c.isInterviewRequired(),
                c.isOpenForApplication());
        }
    }

    record CoursePage(List<StaffCourseView> courses, int page, int size, long total) {
    }

    record CentreRequest(String code, String name, String district, Boolean active) {
    }

    record CentreView(String code, String name, String district, boolean active) {
        static CentreView of(CourseCentre centre) {
            return new CentreView(centre.getCode(), centre.getName(), centre.getDistrict(), centre.isActive());
        }
    }

    record InstructorRequest(String fullName, String speciality) {
    }

    record InstructorView(Long id, String fullName, String speciality, boolean active) {
        static InstructorView of(Instructor instructor) {
            return new InstructorView(instructor.getId(), instructor.getFullName(), instructor.getSpeciality(), instructor.isActive());
        }
    }

    record Trainee(String trackingCode, String fullName, String phone, String status, Integer waitlistPosition) {
    }

    record Roster(String code, String title, int capacity, int seatsTaken, List<Trainee> enrolled, List<Trainee> waitlist) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    CoursePage courses(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<Course> found = catalog.all(page, size);
        return new CoursePage(found.map(StaffCourseView::of).getContent(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @GetMapping("/{code:[A-Za-z]{3}-[0-9]{4}}")
    @Transactional(readOnly = true)
    StaffCourseView course(@PathVariable String code) {
        return StaffCourseView.of(catalog.byCode(code));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffCourseView create(@RequestBody(required = false) CourseRequest request) {
        return StaffCourseView.of(catalog.create(required(request)));
    }

    /** Changes a course; a higher capacity gives the new seats to the first in line at once. */
    @PutMapping("/{code:[A-Za-z]{3}-[0-9]{4}}")
    StaffCourseView update(@PathVariable String code, @RequestBody(required = false) CourseRequest request) {
        return StaffCourseView.of(catalog.update(code, required(request)));
    }

    /** Who holds a seat and who waits, in order: for the coordinators and the instructors (attendance). */
    @GetMapping("/{code:[A-Za-z]{3}-[0-9]{4}}/roster")
    @Transactional(readOnly = true)
    Roster roster(@PathVariable String code) {
        Course course = catalog.byCode(code);
        List<Trainee> enrolled = applications.findByCourseIdAndStatusOrderByFullName(course.getId(), EnrollmentStatus.ENROLLED).stream()
            .map(a -> new Trainee(a.getTrackingCode(), a.getFullName(), a.getPhone(), a.getStatus().name(), null)).toList();
        List<CourseApplication> line = applications.waitlistOf(course.getId());
        List<Trainee> waitlist = java.util.stream.IntStream.range(0, line.size())
            .mapToObj(i -> new Trainee(line.get(i).getTrackingCode(), line.get(i).getFullName(), line.get(i).getPhone(),
                line.get(i).getStatus().name(), i + 1))
            .toList();
        return new Roster(course.getCode(), course.getTitle(), course.getCapacity(), course.getSeatsTaken(), enrolled, waitlist);
    }

    @GetMapping("/centres")
    @Transactional(readOnly = true)
    List<CentreView> centres() {
        return centres.findAllByOrderByName().stream().map(CentreView::of).toList();
    }

    @PostMapping("/centres")
    @ResponseStatus(HttpStatus.CREATED)
    CentreView createCentre(@RequestBody(required = false) CentreRequest request) {
        CentreRequest r = required(request);
        return CentreView.of(catalog.createCentre(r.code(), r.name(), r.district(), r.active()));
    }

    @GetMapping("/instructors")
    @Transactional(readOnly = true)
    List<InstructorView> instructors() {
        return instructors.findAllByOrderByFullName().stream().map(InstructorView::of).toList();
    }

    @PostMapping("/instructors")
    @ResponseStatus(HttpStatus.CREATED)
    InstructorView createInstructor(@RequestBody(required = false) InstructorRequest request) {
        InstructorRequest r = required(request);
        return InstructorView.of(catalog.createInstructor(r.fullName(), r.speciality()));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ValidationFailedException.of("body", Texts.get("courses.staff.validation.body.required"));
        }
        return body;
    }
}
