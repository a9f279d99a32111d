package tr.bel.izmit.kadinaile.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import tr.bel.izmit.kadinaile.common.KocaeliDistrict;
import tr.bel.izmit.kadinaile.courses.CourseCatalog;
import tr.bel.izmit.kadinaile.courses.CourseProcess;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * İZMEK in the simulated year: a catalog created by a coordinator through the staff services (47 centres, 38 of them
 * active, 160 master instructors, courses of the spring and autumn terms and some that start in January), 6,089
 * applications on the portal, pre-interviews, withdrawals before the course starts, and the instructors' attendance
 * records at the end. Its tally keeps a model of every course's seats: a course gives its capacity to the applicants
 * still in the running, in any order (the waitlist moves up on every withdrawal), so the number enrolled, waiting and
 * not placed follows from counts alone, whichever thread submitted first.
 */
final class CourseYear implements SimulatedYear.Part {

    static final int CENTRES = 47;
    static final int ACTIVE_CENTRES = 38;
    static final int INSTRUCTORS = 160;
    private static final String[] TITLES = {"Dikiş Nakış", "Makine Nakışı", "Ahşap Boyama", "Takı Tasarımı",
        "Temel Bilgisayar Kullanımı", "Pasta ve Tatlı Yapımı", "Kuaförlük", "Cilt Bakımı", "Ebru Sanatı", "Çini Sanatı",
        "Seramik", "Dokuma (Kilim)", "Şiş ve Tığ Örgü", "Hasta ve Yaşlı Refakatçisi", "İşaret Dili", "Ön Muhasebe",
        "Grafik Tasarım", "Doğal Sabun Yapımı", "Yöresel Yemekler", "Girişimcilik ve E-Ticaret"};
    private static final List<List<String>> DAYS = List.of(List.of("MONDAY", "WEDNESDAY"), List.of("TUESDAY", "THURSDAY"),
        List.of("MONDAY", "WEDNESDAY", "FRIDAY"), List.of("SATURDAY"));
    private static final String[][] HOURS = {{"09:00", "12:00"}, {"13:00", "16:00"}, {"18:00", "21:00"}};

    /** A course of the catalog, with the simulation's model of its seats. */
    static final class SimCourse {
        final String code;
        final String centreName;
        final int capacity;
        final int weeklyHours;
        final LocalDate startsOn;
        final LocalDate endsOn;
        final boolean interview;
        final int plannedDropOuts;
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger interviewRejected = new AtomicInteger();
        final AtomicInteger withdrawn = new AtomicInteger();
        final AtomicInteger attendanceSeen = new AtomicInteger();
        final AtomicInteger sufficient = new AtomicInteger();
        final AtomicInteger insufficient = new AtomicInteger();
        final AtomicInteger dropOutsAssigned = new AtomicInteger();

        SimCourse(String code, String centreName, int capacity, int weeklyHours, LocalDate startsOn, LocalDate endsOn,
                boolean interview, int plannedDropOuts) {
            this.code = code;
            this.centreName = centreName;
            this.capacity = capacity;
            this.weeklyHours = weeklyHours;
            this.startsOn = startsOn;
            this.endsOn = endsOn;
            this.interview = interview;
            this.plannedDropOuts = plannedDropOuts;
        }

        int active() {
            return submitted.get() - interviewRejected.get() - withdrawn.get();
        }

        /** Seats taken: the capacity goes to the applicants still in the running. */
        int seatsTaken() {
            return Math.min(capacity, active());
        }

        int totalHours() {
            return (int) ((ChronoUnit.DAYS.between(startsOn, endsOn) / 7 + 1) * weeklyHours);
        }
    }

    /** One applicant and what she will do. */
    private record Applicant(SimCourse course, int index, LocalDate submitsOn, SimulatedYear.Tick tick,
            boolean rejectedAtInterview, LocalDate withdrawsOn) {
    }

    private final SimulatedYear year;
    private final List<SimCourse> courses = new ArrayList<>();
    private final Map<String, Applicant> byTrackingCode = new ConcurrentHashMap<>();
    private final Map<String, Applicant> byInstance = new ConcurrentHashMap<>();
    private final Map<String, Long> tally = new LinkedHashMap<>();

    CourseYear(SimulatedYear year) {
        this.year = year;
    }

    @Override
    public List<String> processKeys() {
        return List.of(CourseProcess.KEY);
    }

    @Override
    public void plan() {
        CourseCatalog catalog = year.context.getBean(CourseCatalog.class);
        Random random = year.random("course-catalog", 0);
        List<String> centreCodes = new ArrayList<>();
        List<String> centreNames = new ArrayList<>();
        KocaeliDistrict[] districts = KocaeliDistrict.values();
        year.as(SimulatedYear.Staff.COORDINATOR, () -> {
            for (int i = 0; i < CENTRES; i++) {
                // İzmit has the most centres
                KocaeliDistrict district = i < 18 ? KocaeliDistrict.IZMIT : districts[i % districts.length];
                String name = district.displayName() + " İZMEK Kurs Merkezi " + (i + 1);
                catalog.createCentre(String.format("SIM-%02d", i + 1), name, district.name(), i < ACTIVE_CENTRES);
                if (i < ACTIVE_CENTRES) {
                    centreCodes.add(String.format("SIM-%02d", i + 1));
                    centreNames.add(name);
                }
            }
        });
        List<Long> instructorIds = new ArrayList<>();
        year.as(SimulatedYear.Staff.COORDINATOR, () -> {
            for (int i = 0; i < INSTRUCTORS; i++) {
                instructorIds.add(catalog.createInstructor("Usta Öğretici " + (i + 1), TITLES[i % TITLES.length]).getId());
            }
        });

        // about one seat for 1.3 applications: most applicants end trained, some wait and are not placed
        int applications = year.volumes.courseApplications();
        int courseCount = Math.max(4, (int) Math.round(applications / 20.0));
        int[] demand = new int[courseCount];
        for (int a = 0; a < applications; a++) {
            demand[(int) (Math.abs(random.nextGaussian() * 0.45 + 0.5) * courseCount) % courseCount]++;
        }
        int y = year.year;
        for (int index = 0; index < courseCount; index++) {
            final int c = index;
            int kind = c % 10;
            LocalDate startsOn;
            String term;
            if (kind < 5) {
                startsOn = LocalDate.of(y, 2, 10).plusDays(random.nextInt(80));
                term = y + "-1";
            } else if (kind < 9) {
                startsOn = LocalDate.of(y, 9, 15).plusDays(random.nextInt(70));
                term = y + "-2";
            } else {
                startsOn = LocalDate.of(y + 1, 1, 12).plusDays(random.nextInt(10));
                term = (y + 1) + "-1";
            }
            LocalDate monday = startsOn.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            LocalDate endsOn = monday.plusWeeks(8 + random.nextInt(5)).minusDays(3);
            int capacity = Math.max(2, (int) Math.round(demand[c] * (0.6 + random.nextDouble() * 0.5)));
            boolean interview = kind != 9 && random.nextInt(5) == 0;
            int weeklyHours = 6 + random.nextInt(10);
            List<String> days = DAYS.get(c % DAYS.size());
            String[] hours = HOURS[c % HOURS.length];
            String code = String.format("IZM-%04d", c + 1);
            int centre = c % centreCodes.size();
            year.as(SimulatedYear.Staff.COORDINATOR, () -> catalog.create(new CourseCatalog.CourseRequest(code,
                TITLES[c % TITLES.length], centreCodes.get(centre), instructorIds.get(c % instructorIds.size()), term, capacity,
                monday.toString(), endsOn.toString(), weeklyHours, days, hours[0], hours[1], 18, interview, true)));
            int dropOuts = (int) Math.round(Math.min(capacity, demand[c]) * random.nextDouble() * 0.2);
            SimCourse course = new SimCourse(code, centreNames.get(centre), capacity, weeklyHours, monday, endsOn, interview,
                dropOuts);
            courses.add(course);
            planApplicants(course, demand[c], c);
        }
    }

    private void planApplicants(SimCourse course, int applicants, int courseIndex) {
        Random random = year.random("course-applicants", courseIndex);
        LocalDate opens = later(course.startsOn.minusDays(45), year.firstDay().plusDays(1));
        LocalDate closes = earlier(course.startsOn.minusDays(4), year.lastDay().minusDays(1));
        long window = Math.max(1, ChronoUnit.DAYS.between(opens, closes));
        List<Applicant> planned = new ArrayList<>();
        for (int i = 0; i < applicants; i++) {
            LocalDate day = opens.plusDays(random.nextInt((int) window));
            boolean rejected = course.interview && random.nextInt(100) < 15;
            LocalDate withdrawsOn = null;
            LocalDate lastChance = course.startsOn.minusDays(1);
            if (!rejected && random.nextInt(100) < 8 && day.plusDays(2).isBefore(lastChance)) {
                withdrawsOn = day.plusDays(2 + random.nextInt((int) ChronoUnit.DAYS.between(day.plusDays(2), lastChance)));
            }
            SimulatedYear.Tick tick = SimulatedYear.Tick.values()[random.nextInt(3)];
            planned.add(new Applicant(course, courseIndex * 10_000 + i, day, tick, rejected, withdrawsOn));
        }
        for (Applicant applicant : planned) {
            year.at(applicant.submitsOn(), applicant.tick(), course.code, "course application",
                () -> submit(applicant, random(applicant)));
        }
    }

    private Random random(Applicant applicant) {
        return year.random("course-applicant", applicant.index());
    }

    private void submit(Applicant applicant, Random random) {
        Map<String, Object> form = new HashMap<>();
        form.put(Vars.COURSE_CODE, applicant.course().code);
        form.put(Vars.FULL_NAME, "Kursiyer " + applicant.index());
        form.put(Vars.TC_KIMLIK_NO, People.tcKimlikNo(1, applicant.index()));
        form.put(Vars.BIRTH_DATE, LocalDate.of(1965 + random.nextInt(36), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
        form.put(Vars.PHONE, People.phone(1, applicant.index()));
        form.put(Vars.DISTRICT, KocaeliDistrict.values()[random.nextInt(KocaeliDistrict.values().length)].name());
        form.put(Vars.KVKK_CONSENT, true);
        String code = year.portal.submit(CourseProcess.KEY, form, null).trackingCode();
        applicant.course().submitted.incrementAndGet();
        byTrackingCode.put(code, applicant);
        if (applicant.withdrawsOn() != null) {
            year.at(applicant.withdrawsOn(), SimulatedYear.Tick.AFTERNOON, applicant.course().code, "course withdrawal", () -> {
                year.portal.withdraw(code);
                applicant.course().withdrawn.incrementAndGet();
            });
        }
    }

    private Applicant applicantOf(String processInstanceId) {
        return byInstance.computeIfAbsent(processInstanceId, pid -> {
            ProcessInstance instance = year.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
            Applicant applicant = instance == null ? null : byTrackingCode.get(instance.getBusinessKey());
            if (applicant == null) {
                throw new IllegalStateException("a course application the simulation did not submit");
            }
            return applicant;
        });
    }

    @Override
    public SimulatedYear.Work work(Task task, String processKey) {
        Applicant applicant = applicantOf(task.getProcessInstanceId());
        if (!year.createdBefore(task, year.today(), year.tick())) {
            return null;
        }
        SimCourse course = applicant.course();
        switch (task.getTaskDefinitionKey()) {
            case Elements.PRE_INTERVIEW -> {
                Map<String, Object> values = new HashMap<>();
                values.put(Vars.INTERVIEW_DECISION, applicant.rejectedAtInterview() ? "REJECT" : "ACCEPT");
                values.put(Vars.INTERVIEW_NOTE, applicant.rejectedAtInterview() ? "Kursun ön koşullarını karşılamıyor." : "Uygun.");
                return new SimulatedYear.Work(SimulatedYear.Staff.COORDINATOR, values, () -> {
                    if (applicant.rejectedAtInterview()) {
                        course.interviewRejected.incrementAndGet();
                    }
                });
            }
            case Elements.RECORD_ATTENDANCE -> {
                course.attendanceSeen.incrementAndGet();
                boolean dropsOut = course.dropOutsAssigned.getAndIncrement() < course.plannedDropOuts;
                // none missed, or half of the hours (more than the fifth that still earns the certificate)
                Map<String, Object> values = new HashMap<>();
                values.put(Vars.ABSENT_HOURS, dropsOut ? (long) (course.totalHours() / 2) : 0L);
                return new SimulatedYear.Work(SimulatedYear.Staff.INSTRUCTOR, values,
                    () -> (dropsOut ? course.insufficient : course.sufficient).incrementAndGet(), course.code);
            }
            default -> {
                year.problem("course task not expected: " + task.getTaskDefinitionKey());
                return null;
            }
        }
    }

    @Override
    public void expect(Map<String, String> figures) {
        long applications = 0;
        long enrolled = 0;
        long waitlisted = 0;
        long completed = 0;
        Map<String, long[]> fill = new LinkedHashMap<>();
        for (SimCourse course : courses) {
            applications += course.submitted.get();
            boolean started = !course.startsOn.isAfter(year.lastDay());
            int seats = course.seatsTaken();
            if (started) {
                enrolled += seats - course.sufficient.get() - course.insufficient.get();
            } else {
                enrolled += seats;
                waitlisted += course.active() - seats;
            }
            completed += course.sufficient.get();
            if (!course.startsOn.isAfter(year.lastDay()) && !course.endsOn.isBefore(year.firstDay())) {
                long[] centre = fill.computeIfAbsent(course.centreName, k -> new long[2]);
                centre[0] += seats;
                centre[1] += course.capacity;
            }
        }
        figures.put("courses.applications", ReportFigures.number(applications));
        figures.put("courses.enrolled", ReportFigures.number(enrolled));
        figures.put("courses.waitlisted", ReportFigures.number(waitlisted));
        figures.put("courses.completed", ReportFigures.number(completed));
        figures.put("courses.certificates", ReportFigures.number(completed));
        figures.put("courses.activeCentres", ReportFigures.number(ACTIVE_CENTRES));
        figures.put("courses.instructors", ReportFigures.number(INSTRUCTORS));
        figures.put("courses.waitlistLength", ReportFigures.number(waitlisted));
        fill.forEach((centre, seats) -> figures.put("courses.fillRateByCentre." + centre, ReportFigures.number(
            BigDecimal.valueOf(seats[0] * 100).divide(BigDecimal.valueOf(seats[1]), 1, RoundingMode.HALF_UP))));
    }

    /** Checks the model against what the process did: every trainee of a finished course got an attendance task. */
    List<String> seatModelMismatches() {
        List<String> mismatches = new ArrayList<>();
        for (SimCourse course : courses) {
            if (course.endsOn.isBefore(year.lastDay().minusDays(1)) && course.attendanceSeen.get() != course.seatsTaken()) {
                mismatches.add(course.code + ": " + course.attendanceSeen.get() + " attendance tasks, model " + course.seatsTaken());
            }
        }
        return mismatches;
    }

    @Override
    public Map<String, Long> tally() {
        tally.clear();
        tally.put("courses in the catalog", (long) courses.size());
        tally.put("seats", courses.stream().mapToLong(c -> c.capacity).sum());
        tally.put("applications submitted", courses.stream().mapToLong(c -> c.submitted.get()).sum());
        tally.put("rejected at the pre-interview", courses.stream().mapToLong(c -> c.interviewRejected.get()).sum());
        tally.put("withdrawn by the applicant", courses.stream().mapToLong(c -> c.withdrawn.get()).sum());
        tally.put("not placed (course started, no seat)", courses.stream()
            .filter(c -> !c.startsOn.isAfter(year.lastDay())).mapToLong(c -> c.active() - c.seatsTaken()).sum());
        tally.put("attendance recorded, certificate", courses.stream().mapToLong(c -> c.sufficient.get()).sum());
        tally.put("attendance recorded, dropped out", courses.stream().mapToLong(c -> c.insufficient.get()).sum());
        return tally;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
