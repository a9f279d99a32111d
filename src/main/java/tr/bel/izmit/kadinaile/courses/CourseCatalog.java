package tr.bel.izmit.kadinaile.courses;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.Join;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/** The course catalog: what citizens can apply for, and the coordinators' changes to it. */
@Service
@Transactional
public class CourseCatalog {

    public static final int MAX_PAGE_SIZE = 100;
    static final Pattern COURSE_CODE = Pattern.compile("[A-Z]{3}-[0-9]{4}");
    static final Set<String> DISTRICTS = Set.of("BASISKELE", "CAYIROVA", "DARICA", "DERINCE", "DILOVASI", "GEBZE", "GOLCUK",
        "IZMIT", "KANDIRA", "KARAMURSEL", "KARTEPE", "KORFEZ");
    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private final CourseRepository courses;
    private final CourseCentreRepository centres;
    private final InstructorRepository instructors;
    private final CourseSeats seats;
    private final CourseLocks locks;
    private final Clock clock;

    CourseCatalog(CourseRepository courses, CourseCentreRepository centres, InstructorRepository instructors, CourseSeats seats,
            CourseLocks locks, Clock clock) {
        this.locks = locks;
        this.courses = courses;
        this.centres = centres;
        this.instructors = instructors;
        this.seats = seats;
        this.clock = clock;
    }

    /** Courses open for application (open, not started) with free seats, soonest first; filters are optional. */
    @Transactional(readOnly = true)
    public Page<Course> openWithFreeSeats(String centreCode, String district, String text, int page, int size) {
        return open(true, centreCode, district, text, page, size);
    }

    /**
     * Courses open for application (open, not started), full ones too: an application to a full course puts her on
     * its waiting list ({@link CourseSeats#reserve}). Soonest first; filters are optional.
     */
    @Transactional(readOnly = true)
    public Page<Course> openForApplication(String centreCode, String district, String text, int page, int size) {
        return open(false, centreCode, district, text, page, size);
    }

    private Page<Course> open(boolean withFreeSeats, String centreCode, String district, String text, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Specification<Course> open = (root, query, cb) -> cb.and(
            cb.isTrue(root.get("openForApplication")),
            cb.greaterThan(root.get("startsOn"), today));
        Specification<Course> spec = withFreeSeats
            ? open.and((root, query, cb) -> cb.lessThan(root.get("seatsTaken"), root.get("capacity")))
            : open;
        if (centreCode != null && !centreCode.isBlank()) {
            String code = centreCode.trim().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.join("centre").get("code"), code));
        }
        if (district != null && !district.isBlank()) {
            String wanted = district.trim().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.join("centre").get("district"), wanted));
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.trim().toLowerCase(TURKISH).replace("\\", "").replace("%", "").replace("_", "") + "%";
            spec = spec.and((root, query, cb) -> {
                Join<Course, CourseCentre> centre = root.join("centre");
                return cb.or(cb.like(cb.lower(root.get("title")), like), cb.like(cb.lower(centre.get("name")), like));
            });
        }
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return courses.findAll(spec, PageRequest.of(Math.max(0, page), boundedSize,
            Sort.by("startsOn").ascending().and(Sort.by("code").ascending())));
    }

    @Transactional(readOnly = true)
    public Page<Course> all(int page, int size) {
        return courses.findAll(PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, MAX_PAGE_SIZE)), Sort.by("code")));
    }

    @Transactional(readOnly = true)
    public Course byCode(String code) {
        return courses.findByCode(code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
            .orElseThrow(() -> new NoSuchElementException("course " + code));
    }

    /** What a coordinator sends to create or change a course. */
    public record CourseRequest(String code, String title, String centreCode, Long instructorId, String term, Integer capacity,
            String startsOn, String endsOn, Integer weeklyHours, List<String> days, String startsAt, String endsAt,
            Integer minimumAge, Boolean interviewRequired, Boolean openForApplication) {
    }

    public Course create(CourseRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String code = request.code() == null ? "" : request.code().trim().toUpperCase(Locale.ROOT);
        if (!COURSE_CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", Texts.get("courses.catalog.code.format")));
        } else if (courses.existsByCode(code)) {
            errors.add(new FieldError("code", Texts.get("courses.catalog.code.taken")));
        }
        Course.Details details = details(request, errors, 0);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return courses.save(new Course(code, details));
    }

    /** Changes a course; new seats (a higher capacity) go at once to the first in line. */
    public Course update(String code, CourseRequest request) {
        Course course = locks.lock(byCode(code).getId());
        List<FieldError> errors = new ArrayList<>();
        Course.Details details = details(request, errors, course.getSeatsTaken());
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        course.apply(details);
        courses.flush();
        seats.fillFreeSeats(course.getId());
        return course;
    }

    private Course.Details details(CourseRequest r, List<FieldError> errors, int seatsTaken) {
        String title = r.title() == null ? "" : r.title().trim();
        if (title.isEmpty() || title.length() > 150) {
            errors.add(new FieldError("title", Texts.get("courses.catalog.title.required")));
        }
        CourseCentre centre = r.centreCode() == null ? null : centres.findAll().stream()
            .filter(c -> c.getCode().equalsIgnoreCase(r.centreCode().trim())).findFirst().orElse(null);
        if (centre == null) {
            errors.add(new FieldError("centreCode", Texts.get("courses.catalog.centre.unknown")));
        } else if (!centre.isActive()) {
            errors.add(new FieldError("centreCode", Texts.get("courses.catalog.centre.inactive")));
        }
        Instructor instructor = r.instructorId() == null ? null : instructors.findById(r.instructorId()).orElse(null);
        if (instructor == null) {
            errors.add(new FieldError("instructorId", Texts.get("courses.catalog.instructor.unknown")));
        }
        if (!Terms.isValid(r.term())) {
            errors.add(new FieldError("term", Texts.get("courses.catalog.term.format")));
        }
        if (r.capacity() == null || r.capacity() < 1 || r.capacity() > 500) {
            errors.add(new FieldError("capacity", Texts.get("courses.catalog.capacity.range")));
        } else if (r.capacity() < seatsTaken) {
            errors.add(new FieldError("capacity", Texts.get("courses.catalog.capacity.below-seats-taken", String.valueOf(seatsTaken))));
        }
        LocalDate startsOn = date(r.startsOn(), "startsOn", Texts.get("courses.catalog.starts-on"), errors);
        LocalDate endsOn = date(r.endsOn(), "endsOn", Texts.get("courses.catalog.ends-on"), errors);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", Texts.get("courses.catalog.ends-on.before-start")));
        }
        if (r.weeklyHours() == null || r.weeklyHours() < 1 || r.weeklyHours() > 40) {
            errors.add(new FieldError("weeklyHours", Texts.get("courses.catalog.weekly-hours.range")));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        try {
            if (r.days() == null || r.days().isEmpty()) {
                throw new IllegalArgumentException();
            }
            r.days().forEach(day -> days.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("days", Texts.get("courses.catalog.days.required")));
        }
        LocalTime startsAt = time(r.startsAt(), "startsAt", Texts.get("courses.catalog.starts-at"), errors);
        LocalTime endsAt = time(r.endsAt(), "endsAt", Texts.get("courses.catalog.ends-at"), errors);
        if (startsAt != null && endsAt != null && !startsAt.isBefore(endsAt)) {
            errors.add(new FieldError("endsAt", Texts.get("courses.catalog.ends-at.before-start")));
        }
        if (r.minimumAge() == null || r.minimumAge() < 0 || r.minimumAge() > 99) {
            errors.add(new FieldError("minimumAge", Texts.get("courses.catalog.minimum-age.range")));
        }
        if (r.interviewRequired() == null) {
            errors.add(new FieldError("interviewRequired", Texts.get("courses.catalog.interview.required")));
        }
        if (r.openForApplication() == null) {
            errors.add(new FieldError("openForApplication", Texts.get("courses.catalog.open.required")));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Course.Details(title, centre, instructor, r.term(), r.capacity(), startsOn, endsOn, r.weeklyHours(), days,
            startsAt, endsAt, r.minimumAge(), r.interviewRequired(), r.openForApplication());
    }

    /** A new course centre. */
    public CourseCentre createCentre(String code, String name, String district, Boolean active) {
        List<FieldError> errors = new ArrayList<>();
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z0-9-]{2,20}")) {
            errors.add(new FieldError("code", Texts.get("courses.catalog.centre-code.format")));
        } else if (centres.existsByCode(normalized)) {
            errors.add(new FieldError("code", Texts.get("courses.catalog.centre-code.taken")));
        }
        if (name == null || name.isBlank() || name.length() > 150) {
            errors.add(new FieldError("name", Texts.get("courses.catalog.centre-name.required")));
        }
        if (district == null || !DISTRICTS.contains(district.trim().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("district", Texts.get("courses.catalog.district.invalid")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return centres.save(new CourseCentre(normalized, name.trim(), district.trim().toUpperCase(Locale.ROOT), active == null || active));
    }

    /** A new master instructor. */
    public Instructor createInstructor(String fullName, String speciality) {
        List<FieldError> errors = new ArrayList<>();
        if (fullName == null || fullName.isBlank() || fullName.length() > 100) {
            errors.add(new FieldError("fullName", Texts.get("courses.catalog.instructor-name.required")));
        }
        if (speciality == null || speciality.isBlank() || speciality.length() > 100) {
            errors.add(new FieldError("speciality", Texts.get("courses.catalog.speciality.required")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return instructors.save(new Instructor(fullName.trim(), speciality.trim(), true));
    }

    private static LocalDate date(String value, String field, String label, List<FieldError> errors) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Texts.get("courses.catalog.date.format", label)));
            return null;
        }
    }

    private static LocalTime time(String value, String field, String label, List<FieldError> errors) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Texts.get("courses.catalog.time.format", label)));
            return null;
        }
    }
}
