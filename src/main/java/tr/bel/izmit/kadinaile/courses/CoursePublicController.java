package tr.bel.izmit.kadinaile.courses;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ApiError;
import tr.bel.izmit.kadinaile.portal.StatusTiming;

/**
 * The public side of İZMEK: courses open for application with free seats, and certificate verification.
 * No login; nothing personal beyond a certificate holder's initials.
 */
@RestController
@RequestMapping("/api/public")
class CoursePublicController {

    private final CourseCatalog catalog;
    private final CourseCertificates certificates;
    private final StatusTiming timing;

    CoursePublicController(CourseCatalog catalog, CourseCertificates certificates, StatusTiming timing) {
        this.catalog = catalog;
        this.certificates = certificates;
        this.timing = timing;
    }

    record CourseView(String code, String title, String centre, String centreCode, String district, String instructor,
            String term, LocalDate startsOn, LocalDate endsOn, List<String> days, LocalTime startsAt, LocalTime endsAt,
            int weeklyHours, int minimumAge, boolean interviewRequired, int capacity, int freeSeats) {

        static CourseView of(Course course) {
            return new CourseView(course.getCode(), course.getTitle(), course.getCentre().getName(), course.getCentre().getCode(),
                course.getCentre().getDistrict(), course.getInstructor().getFullName(), course.getTerm(), course.getStartsOn(),
                course.getEndsOn(), course.days().stream().map(Enum::name).toList(), course.getStartsAt(), course.getEndsAt(),
                course.getWeeklyHours(), course.getMinimumAge(), course.isInterviewRequired(), course.getCapacity(),
                course.freeSeats());
        }
    }

    record CoursePage(List<CourseView> courses, int page, int size, long total) {
    }

    /** Courses open for application with free seats, soonest first; filter by centre code, district and text. */
    @GetMapping("/courses")
    CoursePage courses(@RequestParam(required = false) String centre, @RequestParam(required = false) String district,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page<Course> found = catalog.openWithFreeSeats(centre, district, q, page, size);
        return new CoursePage(found.map(CourseView::of).getContent(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    /** A certificate by its number: the holder's initials, the course and the date, nothing else. */
    @GetMapping("/certificates/{number}")
    CourseCertificates.Verification certificate(@PathVariable String number) {
        return timing.atLeast(() -> certificates.verify(number))
            .orElseThrow(() -> new CertificateNotFound());
    }

    static class CertificateNotFound extends NoSuchElementException {
    }

    @ExceptionHandler(CertificateNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ApiError unknownCertificate() {
        return ApiError.of(Texts.get("courses.certificate.unknown"));
    }
}
