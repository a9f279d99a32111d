package tr.bel.izmit.kadinaile.courses;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import tr.bel.izmit.kadinaile.common.validation.TcKimlikNo;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/** Courses and applications for the tests: a centre, an instructor, courses with the rules under test. */
public final class CourseTestData {

    private static final AtomicInteger CODES = new AtomicInteger(1000 + (int) (Math.random() * 5000));
    private static final AtomicInteger PEOPLE = new AtomicInteger((int) (Math.random() * 1_000_000));

    private final CourseCentreRepository centres;
    private final InstructorRepository instructors;
    private final CourseRepository courses;
    private CourseCentre centre;
    private Instructor instructor;

    public CourseTestData(CourseCentreRepository centres, InstructorRepository instructors, CourseRepository courses) {
        this.centres = centres;
        this.instructors = instructors;
        this.courses = courses;
    }

    /** A course of term 2026-2 that starts in 30 days and runs for 8 weeks, Monday and Wednesday 09:00-12:00. */
    public Course course(int capacity) {
        return course(capacity, false, 16, LocalDate.now().plusDays(30), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
            LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-2");
    }

    public Course course(int capacity, boolean interview, int minimumAge, LocalDate startsOn, Set<DayOfWeek> days,
            LocalTime startsAt, LocalTime endsAt, String term) {
        return courses.save(new Course(nextCode(), new Course.Details("Dikiş Nakış", centre(), instructor(), term, capacity,
            startsOn, startsOn.plusWeeks(8).minusDays(1), 6, days, startsAt, endsAt, minimumAge, interview, true)));
    }

    public Course closedCourse() {
        return courses.save(new Course(nextCode(), new Course.Details("Ahşap Boyama", centre(), instructor(), "2026-2", 10,
            LocalDate.now().plusDays(30), LocalDate.now().plusDays(90), 6, EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(13, 0),
            LocalTime.of(16, 0), 16, false, false)));
    }

    public CourseCentre centre() {
        if (centre == null) {
            centre = centres.save(new CourseCentre("T-" + nextCode(), "Test Kurs Merkezi " + CODES.get(), "IZMIT", true));
        }
        return centre;
    }

    public Instructor instructor() {
        if (instructor == null) {
            instructor = instructors.save(new Instructor("Test Öğretici", "Dikiş", true));
        }
        return instructor;
    }

    /** The start form of an applicant born on 1 January 1990, with a fresh valid T.C. Kimlik No. */
    public static Map<String, Object> startForm(String courseCode) {
        return startForm(courseCode, newTcKimlikNo(), "1990-01-01");
    }

    public static Map<String, Object> startForm(String courseCode, String tcKimlikNo, String birthDate) {
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.FULL_NAME, "Ayşe Nur Yılmaz");
        values.put(Vars.TC_KIMLIK_NO, tcKimlikNo);
        values.put(Vars.BIRTH_DATE, birthDate);
        values.put(Vars.PHONE, "05321234567");
        values.put(Vars.DISTRICT, "IZMIT");
        values.put(Vars.COURSE_CODE, courseCode);
        values.put(Vars.KVKK_CONSENT, true);
        return values;
    }

    /** A valid, so far unused T.C. Kimlik No (the check digits computed from nine digits). */
    public static String newTcKimlikNo() {
        String number = IdentityNumbers.tcKimlikNo(String.valueOf(100_000_000 + PEOPLE.incrementAndGet()));
        if (!TcKimlikNo.isValid(number)) {
            throw new IllegalStateException("bad test identity number " + number);
        }
        return number;
    }

    private static String nextCode() {
        return "TST-" + String.format("%04d", CODES.incrementAndGet() % 10000);
    }
}
