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
        LocalDate today = LocalDate.now(clock);
        Specification<Course> open = (root, query, cb) -> cb.and(
            cb.isTrue(root.get("openForApplication")),
            cb.greaterThan(root.get("startsOn"), today),
            cb.lessThan(root.get("seatsTaken"), root.get("capacity")));
        Specification<Course> spec = open;
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
            errors.add(new FieldError("code", "Kurs kodu ABC-1234 biçiminde olmalıdır."));
        } else if (courses.existsByCode(code)) {
            errors.add(new FieldError("code", "Bu kodla bir kurs zaten var."));
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
            errors.add(new FieldError("title", "Kurs adı zorunludur (en fazla 150 karakter)."));
        }
        CourseCentre centre = r.centreCode() == null ? null : centres.findAll().stream()
            .filter(c -> c.getCode().equalsIgnoreCase(r.centreCode().trim())).findFirst().orElse(null);
        if (centre == null) {
            errors.add(new FieldError("centreCode", "Kurs merkezi bulunamadı."));
        } else if (!centre.isActive()) {
            errors.add(new FieldError("centreCode", "Kurs merkezi etkin değil."));
        }
        Instructor instructor = r.instructorId() == null ? null : instructors.findById(r.instructorId()).orElse(null);
        if (instructor == null) {
            errors.add(new FieldError("instructorId", "Usta öğretici bulunamadı."));
        }
        if (!Terms.isValid(r.term())) {
            errors.add(new FieldError("term", "Dönem YYYY-1 (bahar) ya da YYYY-2 (güz) biçiminde olmalıdır."));
        }
        if (r.capacity() == null || r.capacity() < 1 || r.capacity() > 500) {
            errors.add(new FieldError("capacity", "Kontenjan 1 ile 500 arasında olmalıdır."));
        } else if (r.capacity() < seatsTaken) {
            errors.add(new FieldError("capacity", "Kontenjan kayıtlı kursiyer sayısının (" + seatsTaken + ") altına indirilemez."));
        }
        LocalDate startsOn = date(r.startsOn(), "startsOn", "Başlangıç tarihi", errors);
        LocalDate endsOn = date(r.endsOn(), "endsOn", "Bitiş tarihi", errors);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "Bitiş tarihi başlangıç tarihinden önce olamaz."));
        }
        if (r.weeklyHours() == null || r.weeklyHours() < 1 || r.weeklyHours() > 40) {
            errors.add(new FieldError("weeklyHours", "Haftalık ders saati 1 ile 40 arasında olmalıdır."));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        try {
            if (r.days() == null || r.days().isEmpty()) {
                throw new IllegalArgumentException();
            }
            r.days().forEach(day -> days.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("days", "Ders günleri MONDAY … SUNDAY değerlerinden en az biri olmalıdır."));
        }
        LocalTime startsAt = time(r.startsAt(), "startsAt", "Başlangıç saati", errors);
        LocalTime endsAt = time(r.endsAt(), "endsAt", "Bitiş saati", errors);
        if (startsAt != null && endsAt != null && !startsAt.isBefore(endsAt)) {
            errors.add(new FieldError("endsAt", "Bitiş saati başlangıç saatinden sonra olmalıdır."));
        }
        if (r.minimumAge() == null || r.minimumAge() < 0 || r.minimumAge() > 99) {
            errors.add(new FieldError("minimumAge", "Yaş sınırı 0 ile 99 arasında olmalıdır."));
        }
        if (r.interviewRequired() == null) {
            errors.add(new FieldError("interviewRequired", "Ön görüşme gerekip gerekmediği belirtilmelidir."));
        }
        if (r.openForApplication() == null) {
            errors.add(new FieldError("openForApplication", "Kursun başvuruya açık olup olmadığı belirtilmelidir."));
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
            errors.add(new FieldError("code", "Merkez kodu 2-20 harf, rakam ya da tireden oluşmalıdır."));
        } else if (centres.existsByCode(normalized)) {
            errors.add(new FieldError("code", "Bu kodla bir kurs merkezi zaten var."));
        }
        if (name == null || name.isBlank() || name.length() > 150) {
            errors.add(new FieldError("name", "Merkez adı zorunludur (en fazla 150 karakter)."));
        }
        if (district == null || !DISTRICTS.contains(district.trim().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("district", "İlçe Kocaeli'nin 12 ilçesinden biri olmalıdır (ör. IZMIT)."));
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
            errors.add(new FieldError("fullName", "Ad soyad zorunludur (en fazla 100 karakter)."));
        }
        if (speciality == null || speciality.isBlank() || speciality.length() > 100) {
            errors.add(new FieldError("speciality", "Uzmanlık alanı zorunludur (en fazla 100 karakter)."));
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
            errors.add(new FieldError(field, label + " YYYY-AA-GG biçiminde olmalıdır."));
            return null;
        }
    }

    private static LocalTime time(String value, String field, String label, List<FieldError> errors) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, label + " SS:DD biçiminde olmalıdır."));
            return null;
        }
    }
}
