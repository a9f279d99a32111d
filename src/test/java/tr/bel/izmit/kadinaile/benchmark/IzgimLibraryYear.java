package tr.bel.izmit.kadinaile.benchmark;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * İZGİM's children's library and seminars in the simulated year (issue 23 §2), through their doors, in the
 * application's own filter chain (MockMvc with the security filters, no network): the İZGİM officer at the library
 * desk registers children (the parent's consent, a membership card) and records visits by card and anonymous
 * visitors of a day on the staff API (HTTP Basic); the officer creates the seminars (online with a link, or in a
 * place, with a capacity) on the staff API; citizens register on the portal page {@code /basvuru/seminerler/{id}}
 * (the portal's CSRF cookie and field, each from her own address as the portal's rate limit counts them), past the
 * capacity in line, and some cancel with their code; after the start the officer records who attended.
 *
 * <p>The tally counts what was played: children registered, a child's visit once a day (a second scan of a card on
 * the same day is played too, and must not count), the anonymous visitors, and each seminar's seats from its
 * capacity and the registrations still standing (whatever order they came in), and the attendance recorded.
 */
final class IzgimLibraryYear implements SimulatedYear.Part {

    private static final Pattern REGISTRATION_CODE = Pattern.compile("SM-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final String CSRF_COOKIE = "PORTAL_CSRF";
    private static final String LIBRARY = "/api/staff/izgim/library";
    private static final String SEMINARS = "/api/staff/izgim/seminars";
    private static final String PORTAL_SEMINARS = "/basvuru/seminerler";
    private static final String[] TITLES = {"Sınav Kaygısı ile Mücadele", "Kadının Hukuki Hakları",
        "Ergenlikte İletişim", "Sağlıklı Beslenme", "Dijital Güvenlik ve Çocuk", "Stresle Baş Etme", "Ebeveynlik Atölyesi"};

    /** A seminar as planned and as the tally counts it. */
    private static final class SimSeminar {
        final int index;
        final boolean online;
        final int capacity;
        final LocalDateTime startsAt;
        volatile long id;
        final AtomicLong registered = new AtomicLong();
        final AtomicLong cancelled = new AtomicLong();
        final AtomicLong attended = new AtomicLong();
        final Map<String, Integer> registrants = new ConcurrentHashMap<>();

        SimSeminar(int index, boolean online, int capacity, LocalDateTime startsAt) {
            this.index = index;
            this.online = online;
            this.capacity = capacity;
            this.startsAt = startsAt;
        }

        long seats() {
            return Math.min(capacity, registered.get() - cancelled.get());
        }
    }

    private final SimulatedYear year;
    private final List<SimSeminar> seminars = new ArrayList<>();
    private final Set<String> childVisits = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private MockMvc mvc;
    private ObjectMapper json;
    private String officer;

    IzgimLibraryYear(SimulatedYear year) {
        this.year = year;
    }

    @Override
    public List<String> processKeys() {
        return List.of();
    }

    @Override
    public SimulatedYear.Work work(Task task, String processKey) {
        return null;
    }

    @Override
    public void plan() {
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) year.context)
            .addFilters(year.context.getBean("springSecurityFilterChain", Filter.class)).build();
        json = year.context.getBean(ObjectMapper.class);
        officer = "Basic " + Base64.getEncoder().encodeToString((SimulatedYear.Staff.OFFICER.userId + ":"
            + year.password(SimulatedYear.Staff.OFFICER)).getBytes(StandardCharsets.UTF_8));
        planLibrary();
        planSeminars();
    }

    // ------------------------------------------------------------------------------------------------ the library

    private void planLibrary() {
        SimulatedYear.Volumes.Izgim v = year.volumes.izgim();
        Random random = year.random("izgim-library", 0);
        int children = v.libraryChildren();
        // about half of the visitors are registered children coming with their card, the others counted at the door
        int childVisitsPlanned = Math.min(v.libraryVisitors(), (int) Math.round(v.libraryVisitors() * 0.45));
        int[] visitsOf = new int[children];
        for (int i = 0; i < childVisitsPlanned; i++) {
            visitsOf[i % children]++;
        }
        for (int i = 0; i < children; i++) {
            int child = i;
            LocalDate day = weekday(year.firstDay().plusDays(random.nextInt(330)));
            int visits = visitsOf[i];
            year.at(day, SimulatedYear.Tick.LATE_MORNING, "izgim-library", "izgim library registration",
                () -> register(child, day, visits));
        }
        int anonymous = v.libraryVisitors() - childVisitsPlanned;
        while (anonymous > 0) {
            int visitors = Math.min(anonymous, 1 + random.nextInt(6));
            anonymous -= visitors;
            LocalDate day = weekday(year.firstDay().plusDays(random.nextInt(360)));
            year.at(day, SimulatedYear.Tick.EVENING, "izgim-library", "izgim library anonymous visitors", () -> {
                String body = "{\"visitors\":" + visitors + "}";
                expect(201, staff(post(LIBRARY + "/anonymous-visits"), body), "anonymous visitors");
                add("library anonymous visitors", visitors);
            });
        }
    }

    private void register(int child, LocalDate day, int visits) {
        Random random = year.random("izgim-library-child", child);
        String body = "{\"firstName\":\"Çocuk " + child + "\",\"birthYear\":" + (year.year - 3 - random.nextInt(12))
            + ",\"parentName\":\"Veli " + child + "\",\"parentPhone\":\"" + People.phone(7, child) + "\",\"consent\":true}";
        MockHttpServletResponse response = expect(201, staff(post(LIBRARY + "/children"), body), "child registration");
        String card = read(response).path("cardNumber").asText();
        add("library children registered", 1);
        long room = ChronoUnit.DAYS.between(day, year.lastDay());
        for (int i = 0; i < visits && room > 0; i++) {
            LocalDate visit = day.plusDays(1 + random.nextInt((int) room));
            // now and then a card is scanned twice on a day: one visit
            int scans = random.nextInt(20) == 0 ? 2 : 1;
            year.at(visit, SimulatedYear.Tick.AFTERNOON, "izgim-library", "izgim library visit", () -> {
                for (int scan = 0; scan < scans; scan++) {
                    boolean fresh = childVisits.add(card + " " + visit);
                    expect(fresh ? 201 : 200, staff(post(LIBRARY + "/visits"), "{\"cardNumber\":\"" + card + "\"}"), "child visit");
                    add(fresh ? "library child visits" : "library second scans of a day (not a visit)", 1);
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------ the seminars

    private void planSeminars() {
        SimulatedYear.Volumes.Izgim v = year.volumes.izgim();
        int count = v.seminars();
        int perSeminar = Math.max(2, (int) Math.round(v.seminarParticipants() / (double) count));
        for (int i = 0; i < count; i++) {
            Random random = year.random("izgim-seminar", i);
            LocalDate day = weekday(year.firstDay().plusDays(20 + (long) ((i + 0.5) * 340 / count)));
            // the seats for the participants expected, as most registrants come; every other seminar is asked for more
            int capacity = Math.max(2, (int) Math.round(perSeminar / 0.85));
            SimSeminar seminar = new SimSeminar(i, i % 2 == 0, capacity, day.atTime(14, 0));
            seminars.add(seminar);
            LocalDate opens = day.minusDays(21).isBefore(year.firstDay()) ? year.firstDay() : day.minusDays(21);
            String lane = "izgim-seminar-" + i;
            year.at(opens, SimulatedYear.Tick.MORNING, lane, "izgim seminar created", () -> create(seminar));
            int registrations = capacity + (i % 2 == 0 ? Math.max(1, capacity / 5) : -Math.max(0, capacity / 10));
            long window = Math.max(1, ChronoUnit.DAYS.between(opens, day));
            for (int r = 0; r < registrations; r++) {
                int registrant = i * 10_000 + r;
                LocalDate on = opens.plusDays(random.nextInt((int) window));
                SimulatedYear.Tick tick = SimulatedYear.Tick.values()[1 + random.nextInt(3)];
                boolean cancels = random.nextInt(10) == 0 && on.isBefore(day.minusDays(1));
                year.at(on, tick, lane, "izgim seminar registration", () -> registerFor(seminar, registrant, cancels, day));
            }
            year.at(day, SimulatedYear.Tick.EVENING, lane, "izgim seminar attendance", () -> attendance(seminar));
        }
    }

    private void create(SimSeminar seminar) {
        String where = seminar.online ? "\"onlineLink\":\"https://toplanti.example.org/izgim-" + seminar.index + "\""
            : "\"place\":\"İZGİM Konferans Salonu\"";
        String body = "{\"kind\":\"" + (seminar.index % 3 == 2 ? "WORKSHOP" : "SEMINAR") + "\",\"title\":\""
            + TITLES[seminar.index % TITLES.length] + " " + (seminar.index + 1) + "\",\"partner\":"
            + (seminar.index % 4 == 1 ? "\"Kocaeli Barosu Kadın Hakları Merkezi\"" : "null") + ",\"startsAt\":\""
            + seminar.startsAt + "\",\"endsAt\":\"" + seminar.startsAt.plusHours(2) + "\"," + where + ",\"capacity\":"
            + seminar.capacity + "}";
        MockHttpServletResponse response = expect(201, staff(post(SEMINARS), body), "seminar created");
        seminar.id = read(response).path("id").asLong();
        add("seminars created", 1);
    }

    /** A citizen registers on the portal page (the page's CSRF cookie and field), later some cancel with their code. */
    private void registerFor(SimSeminar seminar, int registrant, boolean cancels, LocalDate day) {
        String address = "10.23." + (registrant / 250 % 250) + "." + (1 + registrant % 250);
        String page = PORTAL_SEMINARS + "/" + seminar.id;
        Cookie csrf = csrfCookie(page, address);
        MockHttpServletResponse response = perform(post(page).with(from(address)).cookie(csrf)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("_csrf", csrf.getValue())
            .param("fullName", "Katılımcı " + registrant).param("phone", People.phone(8, registrant)));
        if (response.getStatus() != 200) {
            throw new IllegalStateException("seminar registration answered " + response.getStatus());
        }
        Matcher code = REGISTRATION_CODE.matcher(body(response));
        if (!code.find()) {
            throw new IllegalStateException("seminar registration: no code on the answer page");
        }
        seminar.registered.incrementAndGet();
        seminar.registrants.put(code.group(), registrant);
        add("seminar registrations", 1);
        if (cancels) {
            String registration = code.group();
            LocalDate on = year.today().plusDays(1 + year.random("izgim-seminar-cancel", registrant)
                .nextInt((int) Math.max(1, ChronoUnit.DAYS.between(year.today(), day) - 1)));
            year.at(on.isBefore(day) ? on : day.minusDays(1), SimulatedYear.Tick.MORNING, "izgim-seminar-" + seminar.index,
                "izgim seminar cancellation", () -> {
                    Cookie token = csrfCookie(PORTAL_SEMINARS, address);
                    MockHttpServletResponse cancelled = perform(post(PORTAL_SEMINARS + "/iptal").with(from(address)).cookie(token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("_csrf", token.getValue())
                        .param("code", registration));
                    if (cancelled.getStatus() != 200) {
                        throw new IllegalStateException("seminar cancellation answered " + cancelled.getStatus());
                    }
                    seminar.cancelled.incrementAndGet();
                    add("seminar cancellations", 1);
                });
        }
    }

    /** After the seminar, the officer records who of those holding a seat came. */
    private void attendance(SimSeminar seminar) {
        JsonNode registrations = read(expect(200, staff(get(SEMINARS + "/" + seminar.id + "/registrations"), null),
            "seminar registrations"));
        for (JsonNode registration : registrations) {
            if (!"CONFIRMED".equals(registration.path("status").asText())) {
                continue;
            }
            Integer registrant = seminar.registrants.get(registration.path("code").asText());
            boolean came = registrant == null || year.random("izgim-seminar-attends", registrant).nextInt(100) < 85;
            if (registrant == null) {
                year.problem("a seminar registration the simulation did not make");
            }
            expect(200, staff(put(SEMINARS + "/" + seminar.id + "/registrations/" + registration.path("id").asLong()
                + "/attendance"), "{\"attended\":" + came + "}"), "seminar attendance");
            if (came) {
                seminar.attended.incrementAndGet();
            }
            add(came ? "seminar participants" : "seminar registrants who did not come", 1);
        }
    }

    // ------------------------------------------------------------------------------------------------ the doors

    private MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request, String body) {
        request.header(HttpHeaders.AUTHORIZATION, officer).with(from("10.22.0.1"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The portal's CSRF cookie, as a browser gets it with the page. */
    private Cookie csrfCookie(String page, String address) {
        MockHttpServletResponse response = perform(get(page).with(from(address)));
        Cookie cookie = response.getCookie(CSRF_COOKIE);
        if (response.getStatus() != 200 || cookie == null) {
            throw new IllegalStateException("portal page " + response.getStatus() + " without its CSRF cookie");
        }
        return cookie;
    }

    private MockHttpServletResponse expect(int status, MockHttpServletRequestBuilder request, String what) {
        MockHttpServletResponse response = perform(request);
        if (response.getStatus() != status) {
            throw new IllegalStateException(what + " answered " + response.getStatus() + " (expected " + status + ")");
        }
        return response;
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(MockHttpServletResponse response) {
        try {
            return json.readTree(body(response));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate weekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------------ the figures

    private void add(String what, long n) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
    }

    private long count(String what) {
        AtomicLong n = counts.get(what);
        return n == null ? 0 : n.get();
    }

    @Override
    public void expect(Map<String, String> figures) {
        long childVisitsCounted = count("library child visits");
        figures.put("izgimLibrary.libraryVisitors", ReportFigures.number(childVisitsCounted + count("library anonymous visitors")));
        figures.put("izgimLibrary.childVisits", ReportFigures.number(childVisitsCounted));
        figures.put("izgimLibrary.registeredChildren", ReportFigures.number(count("library children registered")));
        figures.put("izgimLibrary.registeredChildrenTotal", ReportFigures.number(count("library children registered")));
        List<SimSeminar> held = seminars.stream().filter(s -> s.id != 0 && !s.startsAt.toLocalDate().isAfter(year.lastDay())).toList();
        figures.put("izgimLibrary.seminars", ReportFigures.number(held.size()));
        figures.put("izgimLibrary.onlineSeminars", ReportFigures.number(held.stream().filter(s -> s.online).count()));
        figures.put("izgimLibrary.seminarRegistrations", ReportFigures.number(held.stream().mapToLong(SimSeminar::seats).sum()));
        figures.put("izgimLibrary.seminarParticipants", ReportFigures.number(held.stream().mapToLong(s -> s.attended.get()).sum()));
    }

    @Override
    public Map<String, Long> tally() {
        Map<String, Long> tally = new TreeMap<>();
        counts.forEach((k, v) -> tally.put(k, v.get()));
        tally.put("seminar seats taken (capacity, registrations standing)", seminars.stream().mapToLong(SimSeminar::seats).sum());
        tally.put("seminar capacity", seminars.stream().mapToLong(s -> s.capacity).sum());
        return tally;
    }
}
