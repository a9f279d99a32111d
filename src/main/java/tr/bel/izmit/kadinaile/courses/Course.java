package tr.bel.izmit.kadinaile.courses;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A course of a term at a centre, with its instructor, capacity and weekly schedule. {@code seatsTaken} and
 * {@code waitlistSeq} change only under the row lock of {@link CourseLocks}.
 */
@Entity
@Table(name = "crs_course")
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "centre_id")
    private CourseCentre centre;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "instructor_id")
    private Instructor instructor;

    @Column(nullable = false)
    private String term;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "seats_taken", nullable = false)
    private int seatsTaken;

    @Column(name = "waitlist_seq", nullable = false)
    private int waitlistSeq;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "weekly_hours", nullable = false)
    private int weeklyHours;

    @Column(name = "days_of_week", nullable = false)
    private String daysOfWeek;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    @Column(name = "minimum_age", nullable = false)
    private int minimumAge;

    @Column(name = "interview_required", nullable = false)
    private boolean interviewRequired;

    @Column(name = "open_for_application", nullable = false)
    private boolean openForApplication;

    protected Course() {
    }

    public Course(String code, Details details) {
        this.code = code;
        apply(details);
    }

    /** The values a coordinator sets. */
    public record Details(String title, CourseCentre centre, Instructor instructor, String term, int capacity,
            LocalDate startsOn, LocalDate endsOn, int weeklyHours, Set<DayOfWeek> days, LocalTime startsAt,
            LocalTime endsAt, int minimumAge, boolean interviewRequired, boolean openForApplication) {
    }

    void apply(Details details) {
        this.title = details.title();
        this.centre = details.centre();
        this.instructor = details.instructor();
        this.term = details.term();
        this.capacity = details.capacity();
        this.startsOn = details.startsOn();
        this.endsOn = details.endsOn();
        this.weeklyHours = details.weeklyHours();
        this.daysOfWeek = details.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.minimumAge = details.minimumAge();
        this.interviewRequired = details.interviewRequired();
        this.openForApplication = details.openForApplication();
    }

    void takeSeat() {
        if (seatsTaken >= capacity) {
            throw new IllegalStateException("course " + id + " is full");
        }
        seatsTaken++;
    }

    void releaseSeat() {
        if (seatsTaken <= 0) {
            throw new IllegalStateException("course " + id + " has no seat taken");
        }
        seatsTaken--;
    }

    int nextWaitlistSeq() {
        return ++waitlistSeq;
    }

    public int freeSeats() {
        return capacity - seatsTaken;
    }

    /** Applications are taken while the coordinator keeps the course open and until the day before it starts. */
    public boolean acceptsApplicationsOn(LocalDate today) {
        return openForApplication && today.isBefore(startsOn);
    }

    /** The teaching hours of the whole course: weekly hours times the weeks it runs (a started week counts). */
    public int totalHours() {
        long weeks = (ChronoUnit.DAYS.between(startsOn, endsOn) / 7) + 1;
        return (int) (weeks * weeklyHours);
    }

    public Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(daysOfWeek.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }

    /** Whether both courses run in the same weeks on a common day at overlapping hours. */
    public boolean overlapsInTime(Course other) {
        boolean datesOverlap = !startsOn.isAfter(other.endsOn) && !other.startsOn.isAfter(endsOn);
        boolean commonDay = days().stream().anyMatch(other.days()::contains);
        boolean hoursOverlap = startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        return datesOverlap && commonDay && hoursOverlap;
    }

    /** Whether both courses run during a common period (they are "concurrent"). */
    public boolean runsAlongside(Course other) {
        return !startsOn.isAfter(other.endsOn) && !other.startsOn.isAfter(endsOn);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public CourseCentre getCentre() {
        return centre;
    }

    public Instructor getInstructor() {
        return instructor;
    }

    public String getTerm() {
        return term;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getSeatsTaken() {
        return seatsTaken;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public int getWeeklyHours() {
        return weeklyHours;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    public int getMinimumAge() {
        return minimumAge;
    }

    public boolean isInterviewRequired() {
        return interviewRequired;
    }

    public boolean isOpenForApplication() {
        return openForApplication;
    }
}
