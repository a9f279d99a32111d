package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A professional's working hours and rooms through the staff API as people call it (HTTP Basic): a counselling
 * supervisor sets them, the professional and the desk read them, nobody else does either (the administrator gets
 * nothing); wrong input is a 400 whose Turkish message names the field, never a 5xx, and changes nothing; a change
 * counts for new bookings, and the sessions booked before it that no longer fit are listed for rebooking, not dropped.
 * The closures endpoint refuses a professional who is none of the centre's. Same context as {@link CalendarDoorsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class WorkingHoursDoorsTests {

    private static final String API = "/api/staff/izgim/calendar";
    private static final String PSYCHOLOGIST = CalendarTestConfiguration.PSYCHOLOGIST;
    private static final String HOURS = API + "/working-hours/" + PSYCHOLOGIST;
    private static final Map<String, Object> TUESDAY_AFTERNOONS = Map.of("hours",
        List.of(Map.of("day", "TUESDAY", "from", "13:00", "to", "17:00"), Map.of("day", "THURSDAY", "from", "10:00", "to", "16:00")),
        "rooms", List.of("DANISMA_2"));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SessionCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Value("${camunda.bpm.admin-user.id:admin}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @BeforeEach
    void setUp() {
        CalendarTestConfiguration.reset(jdbc, identityService);
        jdbc.update("delete from izg_professional_room");
        CalendarTestConfiguration.now(SessionCalendarTests.NOW);
    }

    @AfterEach
    void tearDown() {
        jdbc.update("delete from izg_professional_room");
        ClockUtil.reset();
    }

    @Test
    void shouldLetASupervisorSetHoursAndRoomsForNewBookingsAndListTheSessionsBookedOutsideThem() {
        List<BookedSession> before = calendar.bookSeries("case-wh", "DN-WHRS-0001", CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 3,
            LocalDate.of(2027, 3, 2));
        assertThat(before).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 2, 9, 0),
            LocalDateTime.of(2027, 3, 12, 9, 0), LocalDateTime.of(2027, 3, 19, 9, 0));

        ResponseEntity<JsonNode> own = call(PSYCHOLOGIST, HttpMethod.GET, HOURS, null);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        JsonNode schedule = own.getBody().path("schedule");
        assertThat(schedule.path("centreDefault").asBoolean()).isTrue();
        assertThat(days(schedule)).containsExactly("MONDAY 09:00:00-17:00:00", "TUESDAY 09:00:00-17:00:00",
            "WEDNESDAY 09:00:00-17:00:00", "THURSDAY 09:00:00-17:00:00", "FRIDAY 09:00:00-17:00:00");
        assertThat(schedule.path("ownRooms").asBoolean()).isFalse();
        assertThat(codes(schedule.path("rooms"))).containsExactly("DANISMA_1", "DANISMA_2", "AILE");
        assertThat(own.getBody().path("toRebook")).isEmpty();

        ResponseEntity<JsonNode> changed = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, HOURS, TUESDAY_AFTERNOONS);
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(days(changed.getBody().path("schedule"))).containsExactly("TUESDAY 13:00:00-17:00:00", "THURSDAY 10:00:00-16:00:00");
        assertThat(changed.getBody().path("schedule").path("centreDefault").asBoolean()).isFalse();
        assertThat(codes(changed.getBody().path("schedule").path("rooms"))).containsExactly("DANISMA_2");
        // booked before: Tuesday 09:00 and two Fridays, all outside the new hours (and in Danışma Odası 1), listed, not dropped
        assertThat(ids(changed.getBody().path("toRebook"))).containsExactly(before.get(0).id(), before.get(1).id(), before.get(2).id());
        assertThat(jdbc.queryForObject("select count(*) from izg_session where case_key = 'case-wh' and status = 'BOOKED'",
            Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select changed_by from izg_working_hours where professional_id = ? and day_of_week = 2",
            String.class, PSYCHOLOGIST)).isEqualTo(CalendarTestConfiguration.SUPERVISOR);

        // a new booking keeps to the new hours and her room
        BookedSession next = calendar.bookSeries("case-wh2", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1,
            LocalDate.of(2027, 3, 2)).get(0);
        assertThat(next.start()).isEqualTo(LocalDateTime.of(2027, 3, 2, 13, 0));
        assertThat(next.room()).isEqualTo("DANISMA_2");
        ResponseEntity<JsonNode> free = call(PSYCHOLOGIST, HttpMethod.GET,
            API + "/free-slots?professional=" + PSYCHOLOGIST + "&service=ADULT_PSYCHOLOGY&limit=5", null);
        assertThat(free.getBody().toString()).contains("2027-03-02T14:00:00", "2027-03-04T10:00:00").doesNotContain("T09:00");

        // the desk reads the list to rebook; once a session is cancelled it leaves the list
        ResponseEntity<JsonNode> desk = call(CalendarTestConfiguration.OFFICER, HttpMethod.GET,
            API + "/sessions-to-rebook?professional=" + PSYCHOLOGIST, null);
        assertThat(desk.getStatusCode().value()).isEqualTo(200);
        assertThat(ids(desk.getBody())).containsExactly(before.get(0).id(), before.get(1).id(), before.get(2).id());
        assertThat(call(CalendarTestConfiguration.OFFICER, HttpMethod.POST, API + "/sessions/" + before.get(0).id() + "/cancellation",
            null).getStatusCode().value()).isEqualTo(200);
        assertThat(ids(call(PSYCHOLOGIST, HttpMethod.GET, API + "/sessions-to-rebook?professional=" + PSYCHOLOGIST, null).getBody()))
            .containsExactly(before.get(1).id(), before.get(2).id());

        // rooms left out: unchanged; an empty list: any room of her service again
        Map<String, Object> hoursOnly = Map.of("hours", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "12:00")));
        assertThat(codes(call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, HOURS, hoursOnly).getBody()
            .path("schedule").path("rooms"))).containsExactly("DANISMA_2");
        Map<String, Object> anyRoom = Map.of("hours", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "12:00")),
            "rooms", List.of());
        JsonNode any = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, HOURS, anyRoom).getBody().path("schedule");
        assertThat(any.path("ownRooms").asBoolean()).isFalse();
        assertThat(codes(any.path("rooms"))).containsExactly("DANISMA_1", "DANISMA_2", "AILE");
    }

    @Test
    void shouldBookTheWaitingLineWhenTheSupervisorGivesMoreHours() {
        // one slot a week (Tuesdays 09:00; 9 March is the Bayram): 2, 16, 23 and 30 March
        assertThat(call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, HOURS,
            Map.of("hours", List.of(Map.of("day", "TUESDAY", "from", "09:00", "to", "10:00")))).getStatusCode().value()).isEqualTo(200);
        calendar.bookSeries("case-full", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 4, LocalDate.of(2027, 3, 2));
        try {
            calendar.bookSeries("case-waits", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1, LocalDate.of(2027, 3, 2));
            throw new AssertionError("the calendar should be full");
        } catch (CalendarFullException full) {
            assertThat(full.getMessage()).contains("bekleme listesine");
        }

        ResponseEntity<JsonNode> more = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, HOURS,
            Map.of("hours", List.of(Map.of("day", "TUESDAY", "from", "09:00", "to", "12:00"))));

        assertThat(more.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from izg_series where case_key = 'case-waits'", String.class)).isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("select slot_start from izg_session where case_key = 'case-waits'", Timestamp.class)
            .toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 2, 10, 0));
    }

    @Test
    void shouldRefuseWrongHoursWithATurkishMessageNamingTheFieldAndChangeNothing() {
        assertRefused(hours(day("MONDAY", "12:00", "09:00")), "hours[0].to", "bitiş saati (to) başlangıç saatinden");
        assertRefused(hours(day("MONDAY", "12:00", "12:00")), "hours[0].to", "Pazartesi");
        assertRefused(hours(day("MONDAY", "09:30", "12:00")), "hours[0].from", "tam saat");
        assertRefused(hours(day("MONDAY", "9", "12:00")), "hours[0].from", "SS:00");
        assertRefused(hours(day("MONDAY", "09:00", null)), "hours[0].to", "tam saat");
        assertRefused(hours(day("MONDAY", "07:00", "12:00")), "hours[0].from", "08:00–18:00");
        assertRefused(hours(day("FRIDAY", "14:00", "19:00")), "hours[0].to", "merkezin açık olduğu saatler");
        assertRefused(hours(day("SATURDAY", "09:00", "12:00")), "hours[0].day", "Cumartesi: merkez bu gün kapalıdır");
        assertRefused(hours(day("PAZARTESI", "09:00", "12:00")), "hours[0].day", "MONDAY");
        assertRefused(hours(day("MONDAY", "09:00", "12:00"), day("monday", "13:00", "15:00")), "hours[1].day", "her gün bir kez");
        assertRefused(Map.of("hours", List.of()), "hours", "en az bir gün");
        assertRefused(Map.of(), "hours", "en az bir gün");
        assertRefused(Map.of("hours", List.of(day("MONDAY", "09:00", "12:00")), "rooms", List.of("DIYET")), "rooms[0]", "«DIYET»");
        assertRefused(Map.of("hours", List.of(day("MONDAY", "09:00", "12:00")), "rooms", List.of("DANISMA_1", "ODA_9")), "rooms[1]",
            "bulunamadı");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> garbage = rest.withBasicAuth(CalendarTestConfiguration.SUPERVISOR, CalendarTestConfiguration.PASSWORD)
            .exchange(HOURS, HttpMethod.PUT, new HttpEntity<>("{\"hours\": [", headers), JsonNode.class);
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> nobody = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, API + "/working-hours/hatice.sahin",
            hours(day("MONDAY", "09:00", "12:00")));
        assertThat(nobody.getStatusCode().value()).as("a manager has no calendar").isEqualTo(404);
        assertThat(nobody.getBody().path("message").asText()).contains("uzman");

        assertThat(jdbc.queryForObject("select count(*) from izg_working_hours", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from izg_professional_room", Integer.class)).isZero();
        assertThat(call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.GET, HOURS, null).getBody().path("schedule")
            .path("centreDefault").asBoolean()).isTrue();
    }

    @Test
    void shouldLetOnlyTheSupervisorsChangeHoursAndOnlyTheCalendarsReadersReadThem() {
        Map<String, Object> valid = hours(day("MONDAY", "09:00", "12:00"));
        String other = API + "/working-hours/" + CalendarTestConfiguration.OTHER_PSYCHOLOGIST;
        String dietitian = API + "/working-hours/" + CalendarTestConfiguration.DIETITIAN;

        assertThat(status(null, HttpMethod.PUT, HOURS, valid)).isEqualTo(401);
        assertThat(status(null, HttpMethod.GET, HOURS, null)).isEqualTo(401);
        assertThat(status(PSYCHOLOGIST, HttpMethod.PUT, other, valid)).as("a psychologist, another's hours").isEqualTo(403);
        assertThat(status(PSYCHOLOGIST, HttpMethod.PUT, HOURS, valid)).as("a psychologist, her own hours").isEqualTo(403);
        assertThat(status(PSYCHOLOGIST, HttpMethod.GET, other, null)).as("a psychologist reads another's").isEqualTo(403);
        assertThat(status(PSYCHOLOGIST, HttpMethod.GET, HOURS, null)).as("her own").isEqualTo(200);
        assertThat(status(CalendarTestConfiguration.DIETITIAN, HttpMethod.PUT, HOURS, valid)).isEqualTo(403);
        assertThat(status(CalendarTestConfiguration.OFFICER, HttpMethod.PUT, HOURS, valid)).as("the desk reads, does not set")
            .isEqualTo(403);
        assertThat(status(CalendarTestConfiguration.OFFICER, HttpMethod.GET, HOURS, null)).isEqualTo(200);
        assertThat(status("ayse.yilmaz", HttpMethod.GET, dietitian, null)).as("an officer of the desk").isEqualTo(200);
        assertThat(status("hatice.sahin", HttpMethod.GET, HOURS, null)).as("a manager").isEqualTo(403);
        assertThat(status("hatice.sahin", HttpMethod.PUT, HOURS, valid)).isEqualTo(403);
        assertThat(status("fatma.kaya", HttpMethod.GET, HOURS, null)).as("staff of another service").isEqualTo(403);
        assertThat(status(adminId, HttpMethod.GET, HOURS, null)).as("the administrator").isEqualTo(403);
        assertThat(status(adminId, HttpMethod.PUT, HOURS, valid)).as("the administrator").isEqualTo(403);
        assertThat(status(adminId, HttpMethod.GET, API + "/sessions-to-rebook?professional=" + PSYCHOLOGIST, null)).isEqualTo(403);
        assertThat(status(adminId, HttpMethod.GET, API + "/rooms", null)).isEqualTo(403);
        assertThat(status(PSYCHOLOGIST, HttpMethod.GET, API + "/sessions-to-rebook?professional="
            + CalendarTestConfiguration.OTHER_PSYCHOLOGIST, null)).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from izg_working_hours", Integer.class)).as("nobody changed anything").isZero();

        assertThat(status("nermin.oz", HttpMethod.PUT, dietitian, hours(day("WEDNESDAY", "10:00", "14:00"))))
            .as("the demo supervisor").isEqualTo(200);
        assertThat(status(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, other, valid)).isEqualTo(200);
        assertThat(codes(call("ayse.yilmaz", HttpMethod.GET, API + "/rooms", null).getBody()))
            .containsExactly("DANISMA_1", "DANISMA_2", "AILE", "DIYET");
    }

    @Test
    void shouldRefuseAClosureOfSomeoneWhoIsNoProfessionalListTheSessionsOnANewClosureAndLiftIt() {
        BookedSession booked = calendar.bookSeries("case-closed", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1,
            LocalDate.of(2027, 3, 2)).get(0);
        assertThat(booked.start()).isEqualTo(LocalDateTime.of(2027, 3, 2, 9, 0));

        ResponseEntity<JsonNode> typo = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.POST, API + "/closures",
            Map.of("date", "2027-03-02", "name", "İzin", "professionalId", "test.psikologg"));
        assertThat(typo.getStatusCode().value()).isEqualTo(400);
        assertThat(typo.getBody().path("errors").get(0).path("field").asText()).isEqualTo("professionalId");
        assertThat(typo.getBody().path("errors").get(0).path("message").asText()).contains("Uzman (professionalId) bulunamadı");
        assertThat(jdbc.queryForObject("select count(*) from izg_closure where kind = 'CLOSURE'", Integer.class)).isZero();

        assertThat(call(CalendarTestConfiguration.OFFICER, HttpMethod.POST, API + "/closures",
            Map.of("date", "2027-03-02", "name", "İzin", "professionalId", PSYCHOLOGIST)).getStatusCode().value()).isEqualTo(201);
        assertThat(ids(call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.GET, API + "/sessions-to-rebook?professional="
            + PSYCHOLOGIST, null).getBody())).as("booked before the closure: to rebook").containsExactly(booked.id());
        assertThat(jdbc.queryForObject("select status from izg_session where id = ?", String.class, booked.id())).isEqualTo("BOOKED");

        // the closures are listed (the Bayram too) and the one staff added can be lifted; an official holiday cannot
        ResponseEntity<JsonNode> closures = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.GET,
            API + "/closures?from=2027-03-01&days=14", null);
        assertThat(closures.getStatusCode().value()).isEqualTo(200);
        long added = -1;
        long bayram = -1;
        for (JsonNode closure : closures.getBody()) {
            if ("CLOSURE".equals(closure.path("kind").asText())) {
                assertThat(closure.path("professionalId").asText()).isEqualTo(PSYCHOLOGIST);
                assertThat(closure.path("date").asText()).isEqualTo("2027-03-02");
                added = closure.path("id").asLong();
            } else if ("2027-03-09".equals(closure.path("date").asText())) {
                bayram = closure.path("id").asLong();
            }
        }
        assertThat(added).isPositive();
        assertThat(bayram).isPositive();
        assertThat(status(adminId, HttpMethod.GET, API + "/closures", null)).isEqualTo(403);
        assertThat(status(PSYCHOLOGIST, HttpMethod.DELETE, API + "/closures/" + added, null)).as("not hers to lift").isEqualTo(403);
        assertThat(status(CalendarTestConfiguration.SUPERVISOR, HttpMethod.DELETE, API + "/closures/" + bayram, null)).isEqualTo(409);
        assertThat(status(CalendarTestConfiguration.SUPERVISOR, HttpMethod.DELETE, API + "/closures/999999", null)).isEqualTo(404);
        assertThat(status(CalendarTestConfiguration.SUPERVISOR, HttpMethod.DELETE, API + "/closures/" + added, null)).isEqualTo(204);
        assertThat(call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.GET, API + "/sessions-to-rebook?professional=" + PSYCHOLOGIST,
            null).getBody()).as("her day is open again").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from izg_closure where kind = 'OFFICIAL' and closed_on = ?", Integer.class,
            java.sql.Date.valueOf(LocalDate.of(2027, 3, 9)))).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void assertRefused(Map<String, Object> body, String field, String words) {
        ResponseEntity<JsonNode> refused = call(CalendarTestConfiguration.SUPERVISOR, HttpMethod.PUT, HOURS, body);
        assertThat(refused.getStatusCode().value()).as(body + ": " + refused.getBody()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        String message = null;
        for (JsonNode error : refused.getBody().path("errors")) {
            fields.add(error.path("field").asText());
            if (field.equals(error.path("field").asText())) {
                message = error.path("message").asText();
            }
        }
        assertThat(fields).as(body.toString()).contains(field);
        assertThat(message).as(body.toString()).contains(words);
    }

    @SafeVarargs
    private static Map<String, Object> hours(Map<String, Object>... days) {
        return Map.of("hours", List.of(days));
    }

    private static Map<String, Object> day(String day, String from, String to) {
        Map<String, Object> entry = new java.util.HashMap<>();
        entry.put("day", day);
        entry.put("from", from);
        entry.put("to", to);
        return entry;
    }

    private static List<String> days(JsonNode schedule) {
        List<String> days = new ArrayList<>();
        schedule.path("hours").forEach(day -> days.add(day.path("day").asText() + " " + day.path("from").asText() + "-"
            + day.path("to").asText()));
        return days;
    }

    private static List<String> codes(JsonNode rooms) {
        List<String> codes = new ArrayList<>();
        rooms.forEach(room -> codes.add(room.path("code").asText()));
        return codes;
    }

    private static List<Long> ids(JsonNode sessions) {
        List<Long> ids = new ArrayList<>();
        sessions.forEach(session -> ids.add(session.path("id").asLong()));
        return ids;
    }

    private int status(String user, HttpMethod method, String path, Object body) {
        return call(user, method, path, body).getStatusCode().value();
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate caller = user == null ? rest : rest.withBasicAuth(user, password(user));
        return caller.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private String password(String user) {
        if (user.equals(adminId)) {
            return adminPassword;
        }
        return user.startsWith("test.") ? CalendarTestConfiguration.PASSWORD : "demo";
    }
}
