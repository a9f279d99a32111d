package tr.bel.izmit.kadinaile.courses;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * Demo only: İZMEK in its real shape — 47 course centres in Kocaeli's districts (38 active), 160 master
 * instructors and 304 courses of the current term with Turkish titles — generated deterministically, plus a few
 * fictitious applications at different steps, so that the coordinator and the instructor find work in Tasklist.
 * Created once, when no centre exists yet. Names and numbers are invented (identity numbers only satisfy the
 * checksum).
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class CourseDemoData {

    static final int CENTRES = 47;
    static final int ACTIVE_CENTRES = 38;
    static final int INSTRUCTORS = 160;
    static final int COURSES_PER_ACTIVE_CENTRE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(CourseDemoData.class);

    /** District and neighbourhood of each centre; İzmit has the most. */
    private static final String[][] PLACES = {
        {"IZMIT", "Yahyakaptan"}, {"IZMIT", "Kuruçeşme"}, {"IZMIT", "Gültepe"}, {"IZMIT", "Serdar"}, {"IZMIT", "Yenidoğan"},
        {"IZMIT", "Kozluk"}, {"IZMIT", "Erenler"}, {"IZMIT", "Tavşantepe"}, {"IZMIT", "Kadıköy"}, {"IZMIT", "Alikahya"},
        {"IZMIT", "Bekirdere"}, {"IZMIT", "Cedit"}, {"IZMIT", "Fevziye"}, {"IZMIT", "Hasancıklar"}, {"IZMIT", "Karabaş"},
        {"IZMIT", "Orhan"}, {"IZMIT", "Sekbanlı"}, {"IZMIT", "Yenişehir"}, {"BASISKELE", "Yuvacık"}, {"BASISKELE", "Kullar"},
        {"CAYIROVA", "Akse"}, {"CAYIROVA", "Şekerpınar"}, {"DARICA", "Bayramoğlu"}, {"DARICA", "Osmangazi"},
        {"DERINCE", "Çınarlı"}, {"DERINCE", "Yenikent"}, {"DILOVASI", "Tavşancıl"}, {"GEBZE", "Hacıhalil"},
        {"GEBZE", "Sultan Orhan"}, {"GEBZE", "Beylikbağı"}, {"GOLCUK", "Değirmendere"}, {"GOLCUK", "İhsaniye"},
        {"KANDIRA", "Akçaova"}, {"KANDIRA", "Merkez"}, {"KARAMURSEL", "Kayacık"}, {"KARAMURSEL", "Merkez"},
        {"KARTEPE", "Köseköy"}, {"KARTEPE", "Uzuntarla"}, {"KARTEPE", "Maşukiye"}, {"KORFEZ", "Hereke"}, {"KORFEZ", "Kirazlıyalı"},
        {"KORFEZ", "Yarımca"}, {"IZMIT", "Akmeşe"}, {"IZMIT", "Arslanbey"}, {"DERINCE", "Dumlupınar"}, {"GOLCUK", "Halıdere"},
        {"GEBZE", "Muallimköy"}};

    /** Course title, minimum age, pre-interview, weekly hours. */
    private static final Object[][] TITLES = {
        {"Dikiş Nakış", 16, false, 12}, {"Makine Nakışı", 16, false, 12}, {"Ahşap Boyama", 16, false, 8},
        {"Takı Tasarımı", 16, false, 8}, {"Temel Bilgisayar Kullanımı", 16, false, 10}, {"Pasta ve Tatlı Yapımı", 16, false, 12},
        {"Kuaförlük", 18, true, 15}, {"Cilt Bakımı", 18, true, 12}, {"Ebru Sanatı", 16, false, 6}, {"Çini Sanatı", 16, false, 8},
        {"Hat Sanatı", 16, false, 6}, {"Seramik", 16, false, 8}, {"Tezhip", 16, false, 6}, {"Dokuma (Kilim)", 16, false, 10},
        {"Şiş ve Tığ Örgü", 16, false, 8}, {"Keçe Tasarımı", 16, false, 8}, {"Hasta ve Yaşlı Refakatçisi", 18, true, 15},
        {"Çocuk Gelişimi ve Bakımı", 18, true, 12}, {"İşaret Dili", 16, false, 6}, {"İngilizce (Başlangıç)", 16, false, 6},
        {"Ön Muhasebe", 18, false, 10}, {"Grafik Tasarım", 16, false, 10}, {"Doğal Sabun Yapımı", 16, false, 6},
        {"Kurdele Nakışı", 16, false, 8}, {"Mozaik", 16, false, 6}, {"Yöresel Yemekler", 16, false, 12},
        {"Girişimcilik ve E-Ticaret", 18, false, 8}, {"Giyim Üretim Teknolojisi", 16, false, 15}};

    private static final String[] FIRST_NAMES = {"Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife",
        "Sultan", "Hanife", "Nermin", "Gülsüm", "Sevim", "Filiz", "Derya", "Arzu"};
    private static final String[] SURNAMES = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk",
        "Arslan", "Doğan"};
    private static final List<Set<DayOfWeek>> DAYS = List.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
        EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
        EnumSet.of(DayOfWeek.SATURDAY));
    private static final LocalTime[][] HOURS = {{LocalTime.of(9, 0), LocalTime.of(12, 0)},
        {LocalTime.of(13, 0), LocalTime.of(16, 0)}, {LocalTime.of(18, 0), LocalTime.of(21, 0)}};

    private final CourseCentreRepository centres;
    private final InstructorRepository instructors;
    private final CourseRepository courses;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CourseDemoData(CourseCentreRepository centres, InstructorRepository instructors, CourseRepository courses,
            RuntimeService runtimeService, ManagementService managementService, IdentityService identityService,
            TransactionTemplate transactions, Clock clock) {
        this.centres = centres;
        this.instructors = instructors;
        this.courses = courses;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void createDemoData() {
        if (centres.count() > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> createCatalog());
        createApplications();
        LOG.info("Demo İZMEK catalog created: {} centres, {} instructors, {} courses", centres.count(), instructors.count(),
            courses.count());
    }

    private void createCatalog() {
        List<CourseCentre> created = new ArrayList<>();
        for (int i = 0; i < CENTRES; i++) {
            String[] place = PLACES[i];
            created.add(centres.save(new CourseCentre(String.format("MRK-%02d", i + 1), place[1] + " İZMEK Kurs Merkezi",
                place[0], i < ACTIVE_CENTRES)));
        }
        List<Instructor> teachers = new ArrayList<>();
        for (int i = 0; i < INSTRUCTORS; i++) {
            String name = FIRST_NAMES[i % FIRST_NAMES.length] + " " + SURNAMES[(i / FIRST_NAMES.length) % SURNAMES.length];
            teachers.add(instructors.save(new Instructor(name, (String) TITLES[i % TITLES.length][0], true)));
        }
        LocalDate today = LocalDate.now(clock);
        String term = today.getYear() + (today.getMonthValue() < 7 ? "-1" : "-2");
        int n = 0;
        for (int c = 0; c < ACTIVE_CENTRES; c++) {
            for (int k = 0; k < COURSES_PER_ACTIVE_CENTRE; k++, n++) {
                Object[] title = TITLES[(c * 3 + k) % TITLES.length];
                // a few have started already (applications closed), most start within the next two months
                LocalDate startsOn = n % 10 == 0 ? today.minusDays(7 + n % 20) : today.plusDays(7 + (n * 7) % 56);
                LocalTime[] hours = HOURS[n % HOURS.length];
                courses.save(new Course(String.format("KRS-%04d", n + 1), new Course.Details((String) title[0], created.get(c),
                    teachers.get(n % INSTRUCTORS), term, 12 + (n * 5) % 14, startsOn, startsOn.plusWeeks(10).minusDays(1),
                    (Integer) title[3], DAYS.get(n % DAYS.size()), hours[0], hours[1], (Integer) title[1], (Boolean) title[2],
                    n % 25 != 24)));
            }
        }
    }

    private void createApplications() {
        identityService.clearAuthentication();
        Course open = firstOpen(false);
        Course interview = firstOpen(true);
        // enrolled and waiting for the course to end
        start(open, "Sevgi Akın", 1);
        // waiting for the coordinator's pre-interview (course-coordinators: burcu.yildiz)
        start(interview, "Dilek Karaca", 2);
        // enrolled; the demo moves her course's start and end timers on, so that the instructor (gulsen.dogan) finds
        // the attendance task
        ProcessInstance attending = start(open, "Nurcan Er", 3);
        for (String timer : List.of(Elements.COURSE_STARTS, Elements.COURSE_ENDED)) {
            Job job = managementService.createJobQuery().processInstanceId(attending.getId()).activityId(timer).singleResult();
            if (job != null) {
                managementService.executeJob(job.getId());
            }
        }
    }

    private Course firstOpen(boolean interview) {
        LocalDate today = LocalDate.now(clock);
        return courses.findAll().stream()
            .filter(course -> course.acceptsApplicationsOn(today) && course.isInterviewRequired() == interview && course.freeSeats() > 2)
            .min(java.util.Comparator.comparing(Course::getCode))
            .orElseThrow();
    }

    private ProcessInstance start(Course course, String fullName, int person) {
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.FULL_NAME, fullName);
        values.put(Vars.TC_KIMLIK_NO, tcKimlikNo(700_000_000 + person * 1_357));
        values.put(Vars.BIRTH_DATE, "1985-0" + person + "-15");
        values.put(Vars.PHONE, "05550000000");
        values.put(Vars.DISTRICT, course.getCentre().getDistrict());
        values.put(Vars.COURSE_CODE, course.getCode());
        values.put(Vars.KVKK_CONSENT, true);
        return runtimeService.startProcessInstanceByKey(CourseProcess.KEY, values);
    }

    /** An identity number with valid check digits from nine digits. */
    static String tcKimlikNo(int nineDigits) {
        String nine = String.valueOf(nineDigits);
        int[] d = nine.chars().map(ch -> ch - '0').toArray();
        int tenth = Math.floorMod((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7]), 10);
        int sum = tenth;
        for (int digit : d) {
            sum += digit;
        }
        return nine + tenth + (sum % 10);
    }
}
