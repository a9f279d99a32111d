package tr.bel.izmit.kadinaile.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Decisions;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Elements;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.IzgimGroups;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.izgim.calendar.SessionAttendance;

/**
 * İZGİM's counselling and dietitian services in the simulated year (issue 23): requests on the portal
 * ({@code PortalApplications}, as the public API) or at the desk (an İZGİM officer submits the start form), the
 * officer's intake (assigned to a professional of the service in turn, some referred out), the professional plans a
 * series, the process books it into the calendar ({@code izgim.calendar}: the first free hours, the waiting line when
 * her calendar is full), and the professional's round at the end of each of her working days: she records the
 * day's sessions (attended or no-show) through {@link SessionAttendance} (the calendar's door for attendance, with its
 * rules) and the sessions her clients called off (cancelled); two no-shows in a row she confirms (closing, some with a
 * new series), a finished series she closes with an outcome. The professionals are created here, as many as the
 * year's sessions need, with their working hours; rooms are added when V28's plan (three counselling rooms, one
 * dietitian's room) has fewer than the professionals who work at the same hour.
 *
 * <p>What each session's client does is drawn per case (seeded), and the case's professional works her cases in
 * the order of their requests, one series booked per tick and her calendar's jobs in one lane, so the hours every
 * series gets (and so the waiting times) are the same in every run. The tally keeps every session as it was
 * recorded, and each series' request time (the tick its booking job ran: the calendar's {@code requested_at}), so
 * it knows the report's citizens, sessions, no-shows, no-show rate and median wait per service without reading them.
 */
final class IzgimCounsellingYear implements SimulatedYear.Part {

    /** Chances per session: attended, no-show, cancelled by the client the day before (the rest attended). */
    private static final int NO_SHOW_PERCENT = 6;
    private static final int CANCEL_PERCENT = 6;
    private static final int REFER_OUT_PERCENT = 8;
    private static final int NO_SHOW_PAIR_PERCENT = 5;
    private static final List<String> REFER_OUT_TO = List.of("FAMILY_HEALTH_CENTRE", "HOSPITAL_PSYCHIATRY", "RAM",
        "COMMUNITY_MENTAL_HEALTH", "OTHER");
    /** A full-time professional's hours a week (eight 50-minute sessions a day) and the share of them the year fills. */
    private static final int FULL_WEEK_SLOTS = 40;
    private static final double UTILISATION = 0.7;

    /** A professional the simulation created: her user, group, days and hours. */
    record Professional(String userId, String groupId, String roomKind, List<DayOfWeek> days, LocalTime from, LocalTime to) {

        SimulatedYear.Actor actor() {
            return new SimulatedYear.Actor(userId, List.of(groupId));
        }

        boolean works(LocalDate day) {
            return days.contains(day.getDayOfWeek());
        }

        String lane() {
            return "izgim:" + userId;
        }
    }

    /** One series the professional planned, with what its client will do at each session. */
    static final class SeriesPlan {
        final Case owner;
        final int generation;
        final LocalDateTime requestedAt;
        final int sessions;
        final List<Session> booked = new CopyOnWriteArrayList<>();

        SeriesPlan(Case owner, int generation, LocalDateTime requestedAt, int sessions) {
            this.owner = owner;
            this.generation = generation;
            this.requestedAt = requestedAt;
            this.sessions = sessions;
        }
    }

    /** A booked session: what the client planned and what was recorded (SKIPPED: the process cancelled it). */
    static final class Session {
        final long id;
        final LocalDateTime start;
        final SeriesPlan series;
        final String planned;
        volatile String status = "BOOKED";

        Session(long id, LocalDateTime start, SeriesPlan series, String planned) {
            this.id = id;
            this.start = start;
            this.series = series;
            this.planned = planned;
        }

        /** Orders a calendar by start, then id (ISO times of whole hours sort as text). */
        String key() {
            return start + "#" + String.format("%015d", id);
        }
    }

    /** One request and what the client, the officer and the professional will do. */
    static final class Case {
        final int index;
        final CounsellingService service;
        final boolean portal;
        final boolean referredOut;
        final String referOutTo;
        final boolean noShowPair;
        final boolean newSeriesAfterNoShows;
        final String outcome;
        final int meanSessions;
        final Random random;
        volatile String caseKey;
        volatile Professional professional;
        volatile int generation;
        volatile boolean ended;
        volatile boolean hadNoShowPair;
        volatile SeriesPlan requested;
        final List<SeriesPlan> series = new CopyOnWriteArrayList<>();

        Case(int index, CounsellingService service, int meanSessions, Random random) {
            this.index = index;
            this.service = service;
            this.meanSessions = meanSessions;
            this.random = random;
            this.portal = random.nextInt(100) < 65;
            this.referredOut = random.nextInt(100) < REFER_OUT_PERCENT;
            this.referOutTo = REFER_OUT_TO.get(random.nextInt(REFER_OUT_TO.size()));
            this.noShowPair = random.nextInt(100) < NO_SHOW_PAIR_PERCENT;
            this.newSeriesAfterNoShows = random.nextInt(100) < 30;
            int outcome = random.nextInt(100);
            this.outcome = outcome < 80 ? Decisions.COMPLETED : outcome < 90 ? Decisions.REFERRED_ELSEWHERE : Decisions.STOPPED_BY_CLIENT;
        }
    }

    private final SimulatedYear year;
    private final Map<CounsellingService, List<Professional>> professionals = new EnumMap<>(CounsellingService.class);
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, Case> byInstance = new ConcurrentHashMap<>();
    private final Map<String, Case> byCaseKey = new ConcurrentHashMap<>();
    /** Per professional: the cases whose series she is to plan, in the order of their requests. */
    private final Map<String, ConcurrentSkipListSet<Integer>> toPlan = new ConcurrentHashMap<>();
    /** Per professional: the cases whose requested series she has not seen in her calendar yet. */
    private final Map<String, ConcurrentSkipListSet<Integer>> awaitingBooking = new ConcurrentHashMap<>();
    /** Per professional: her sessions by start (then id: an hour freed may be booked again), as she saw them. */
    private final Map<String, TreeMap<String, Session>> calendars = new ConcurrentHashMap<>();
    /** Per professional: the tick in which she last planned a series (one a tick). */
    private final Map<String, String> plannedIn = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private SessionAttendance attendance;
    private String definitionId;

    IzgimCounsellingYear(SimulatedYear year) {
        this.year = year;
    }

    @Override
    public List<String> processKeys() {
        return List.of(CounsellingProcess.KEY);
    }

    @Override
    public void plan() {
        attendance = year.context.getBean(SessionAttendance.class);
        definitionId = year.repositoryService.createProcessDefinitionQuery().processDefinitionKey(CounsellingProcess.KEY)
            .latestVersion().singleResult().getId();
        SimulatedYear.Volumes.Izgim v = year.volumes.izgim();
        Map<CounsellingService, int[]> volumes = new EnumMap<>(CounsellingService.class);
        volumes.put(CounsellingService.DIETITIAN, new int[] {v.dietitianCitizens(), v.dietitianSessions()});
        volumes.put(CounsellingService.ADULT_PSYCHOLOGY, new int[] {v.adultCitizens(), v.adultSessions()});
        volumes.put(CounsellingService.CHILD_PSYCHOLOGY, new int[] {v.childCitizens(), v.childSessions()});
        volumes.put(CounsellingService.FAMILY_PSYCHOLOGY, new int[] {v.familyCitizens(), v.familySessions()});
        createProfessionals(volumes);

        Random days = year.random("izgim-request-days", 0);
        int index = 0;
        for (Map.Entry<CounsellingService, int[]> entry : volumes.entrySet()) {
            CounsellingService service = entry.getKey();
            int citizens = entry.getValue()[0];
            // sessions held per citizen, over the share of booked sessions held: the series' mean length
            int mean = Math.max(1, (int) Math.round(entry.getValue()[1] / (double) citizens / 0.88));
            // some requests are referred out and some clients never come: a tenth more requests than citizens
            int requests = (int) Math.round(citizens / 0.9);
            for (int i = 0; i < requests; i++, index++) {
                Case c = new Case(index, service, mean, year.random("izgim-case", index));
                cases.add(c);
                LocalDate day = year.firstDay().plusDays(days.nextInt(365));
                SimulatedYear.Tick tick = SimulatedYear.Tick.values()[days.nextInt(3)];
                year.at(day, tick, "izgim-request-" + c.index, "izgim counselling request", () -> request(c));
            }
        }
        // every professional's round at the end of each of her working days
        for (List<Professional> ofService : professionals.values()) {
            for (Professional p : ofService) {
                if (calendars.containsKey(p.userId())) {
                    continue;
                }
                calendars.put(p.userId(), new TreeMap<>());
                toPlan.put(p.userId(), new ConcurrentSkipListSet<>());
                awaitingBooking.put(p.userId(), new ConcurrentSkipListSet<>());
                for (LocalDate day = year.firstDay(); !day.isAfter(year.lastDay()); day = day.plusDays(1)) {
                    if (p.works(day)) {
                        LocalDate today = day;
                        year.at(day, SimulatedYear.Tick.EVENING, p.lane(), "izgim professional's round", () -> round(p, today));
                    }
                }
            }
        }
    }

    /**
     * As many professionals per group as the year's sessions need at {@value #UTILISATION} of a full week (a small
     * year: one, on as many days a week as needed), every third of several part-time (Monday to Thursday, 10:00-16:00);
     * their hours in {@code izg_working_hours} as the calendar reads them.
     */
    private void createProfessionals(Map<CounsellingService, int[]> volumes) {
        Map<String, Double> weeklySlots = new LinkedHashMap<>();
        for (Map.Entry<CounsellingService, int[]> entry : volumes.entrySet()) {
            String group = groupOf(entry.getKey());
            // booked sessions: those held, plus the no-shows and cancellations; 50 working weeks
            weeklySlots.merge(group, entry.getValue()[1] / 0.88 / 50, Double::sum);
        }
        Map<String, List<Professional>> byGroup = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : weeklySlots.entrySet()) {
            String group = entry.getKey();
            double slots = entry.getValue();
            int count = (int) Math.ceil(slots / (UTILISATION * FULL_WEEK_SLOTS));
            List<Professional> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<DayOfWeek> days;
                LocalTime from = LocalTime.of(9, 0);
                LocalTime to = LocalTime.of(17, 0);
                if (count == 1) {
                    int needed = Math.min(5, Math.max(1, (int) Math.ceil(slots / (UTILISATION * 8))));
                    days = List.of(DayOfWeek.values()).subList(0, needed);
                } else if (i % 3 == 2) {
                    days = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
                    from = LocalTime.of(10, 0);
                    to = LocalTime.of(16, 0);
                } else {
                    days = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
                }
                String userId = "sim." + group.replace("-", "") + "." + (i + 1);
                Professional p = new Professional(userId, group, IzgimGroups.DIETITIANS.id().equals(group) ? "DIETITIAN" : "COUNSELLING",
                    days, from, to);
                createUser(p, i);
                created.add(p);
            }
            byGroup.put(group, created);
        }
        for (CounsellingService service : CounsellingService.values()) {
            professionals.put(service, byGroup.getOrDefault(groupOf(service), List.of()));
        }
        addRooms("COUNSELLING", byGroup.getOrDefault(IzgimGroups.PSYCHOLOGISTS.id(), List.of()).size()
            + byGroup.getOrDefault(IzgimGroups.CHILD_PSYCHOLOGISTS.id(), List.of()).size());
        addRooms("DIETITIAN", byGroup.getOrDefault(IzgimGroups.DIETITIANS.id(), List.of()).size());
    }

    private void createUser(Professional p, int i) {
        if (year.identityService.createUserQuery().userId(p.userId()).count() == 0) {
            User user = year.identityService.newUser(p.userId());
            user.setFirstName("Simülasyon");
            user.setLastName(p.groupId() + " " + (i + 1));
            user.setPassword("sim-" + Long.toHexString(year.random("izgim-password", i + p.groupId().hashCode()).nextLong()) + "-Aa1");
            year.identityService.saveUser(user);
            year.identityService.createMembership(p.userId(), p.groupId());
        }
        for (DayOfWeek day : p.days()) {
            year.jdbc.update("insert into izg_working_hours (professional_id, day_of_week, starts_at, ends_at) values (?, ?, ?, ?)",
                p.userId(), day.getValue(), Time.valueOf(p.from()), Time.valueOf(p.to()));
        }
        count("professionals." + p.groupId());
    }

    /** A room for each professional who may work at the same hour, when V28's rooms are fewer (no door: as a migration would). */
    private void addRooms(String kind, int needed) {
        Integer existing = year.jdbc.queryForObject("select count(*) from izg_room where kind = ? and active = true", Integer.class, kind);
        for (int i = existing == null ? 0 : existing; i < needed; i++) {
            year.jdbc.update("insert into izg_room (code, name, kind, display_order) values (?, ?, ?, ?)",
                "SIM_" + kind + "_" + (i + 1), "Simülasyon odası " + kind + " " + (i + 1), kind, 100 + i);
            count("rooms added." + kind);
        }
    }

    private static String groupOf(CounsellingService service) {
        return switch (service) {
            case CHILD_PSYCHOLOGY -> IzgimGroups.CHILD_PSYCHOLOGISTS.id();
            case DIETITIAN -> IzgimGroups.DIETITIANS.id();
            case ADULT_PSYCHOLOGY, FAMILY_PSYCHOLOGY -> IzgimGroups.PSYCHOLOGISTS.id();
        };
    }

    // ------------------------------------------------------------------------------------------------ the request

    private void request(Case c) {
        Map<String, Object> form = new HashMap<>();
        form.put(Vars.SERVICE, c.service.name());
        form.put(Vars.FULL_NAME, "Danışan " + c.index);
        form.put(Vars.PHONE, People.phone(5, c.index));
        form.put(Vars.REASON, "Simülasyon talebi.");
        form.put(Vars.KVKK_CONSENT, true);
        if (c.service == CounsellingService.CHILD_PSYCHOLOGY) {
            form.put(Vars.CHILD_AGE, 4 + c.random.nextInt(13));
            form.put(Vars.GUARDIAN_CONSENT, true);
        }
        String caseKey;
        if (c.portal) {
            form.put(Vars.PREFERRED_TIMES, List.of("ANY"));
            caseKey = year.portal.submit(CounsellingProcess.KEY, form, null).trackingCode();
            count("requests on the portal");
        } else {
            // at the desk: the officer submits the start form in Tasklist (a checklist as Tasklist sends it)
            form.put(Vars.PREFERRED_TIMES, SpinValues.jsonValue("[\"WEEKDAY_MORNING\"]").create());
            ProcessInstance instance = year.as(SimulatedYear.Staff.OFFICER, () -> year.formService.submitStartForm(definitionId, form));
            caseKey = instance.getBusinessKey();
            count("requests at the desk");
        }
        c.caseKey = caseKey;
        byCaseKey.put(caseKey, c);
        count("requests." + c.service.name());
    }

    private Case caseOf(String processInstanceId) {
        return byInstance.computeIfAbsent(processInstanceId, pid -> {
            ProcessInstance instance = year.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
            Case c = instance == null ? null : byCaseKey.get(instance.getBusinessKey());
            if (c == null) {
                throw new IllegalStateException("a counselling case the simulation did not request");
            }
            return c;
        });
    }

    @Override
    public String jobPartition(Job job) {
        Case c = job.getProcessInstanceId() == null ? null : byInstance.get(job.getProcessInstanceId());
        Professional p = c == null ? null : c.professional;
        // the jobs that book into (or free) a professional's calendar run in her lane, in order
        return p == null ? null : p.lane();
    }

    // ------------------------------------------------------------------------------------------------ the tasks

    @Override
    public SimulatedYear.Work work(Task task, String processKey) {
        Case c = caseOf(task.getProcessInstanceId());
        LocalDate today = year.today();
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case Elements.INTAKE -> {
                // the officers look at the requests of the day before
                if (!year.createdOn(task).isBefore(today)) {
                    return null;
                }
                if (c.referredOut) {
                    values.put(Vars.INTAKE_DECISION, Decisions.REFER_OUT);
                    values.put(Vars.REFER_OUT_TO, c.referOutTo);
                    return new SimulatedYear.Work(SimulatedYear.Staff.OFFICER, values, () -> count("referred out." + c.service.name()));
                }
                List<Professional> ofService = professionals.get(c.service);
                Professional p = ofService.get(c.index % ofService.size());
                values.put(Vars.INTAKE_DECISION, Decisions.ASSIGN);
                values.put(Vars.PROFESSIONAL_ID, p.userId());
                return new SimulatedYear.Work(SimulatedYear.Staff.OFFICER, values, () -> {
                    c.professional = p;
                    toPlan.get(p.userId()).add(c.index);
                    count("assigned." + c.service.name());
                });
            }
            case Elements.PLAN_SERIES -> {
                Professional p = c.professional;
                if (!mayWork(p) || toPlan.get(p.userId()).isEmpty() || toPlan.get(p.userId()).first() != c.index
                        || tickName().equals(plannedIn.get(p.userId()))) {
                    return null;
                }
                plannedIn.put(p.userId(), tickName());
                int sessions = 1 + c.random.nextInt(2 * c.meanSessions - 1);
                values.put(Vars.SESSION_COUNT, (long) sessions);
                LocalDateTime requestedAt = today.atTime(year.tick().time);
                return new SimulatedYear.Work(null, values, () -> {
                    SeriesPlan plan = new SeriesPlan(c, ++c.generation, requestedAt, sessions);
                    c.series.add(plan);
                    c.requested = plan;
                    toPlan.get(p.userId()).remove(c.index);
                    awaitingBooking.get(p.userId()).add(c.index);
                    count("series planned");
                }, null, p.actor());
            }
            case Elements.CONFIRM_NO_SHOWS -> {
                Professional p = c.professional;
                if (!mayWork(p)) {
                    return null;
                }
                boolean again = c.newSeriesAfterNoShows && c.series.size() == 1;
                values.put(Vars.NO_SHOW_DECISION, again ? Decisions.NEW_SERIES : Decisions.CLOSE);
                return new SimulatedYear.Work(null, values, () -> {
                    if (again) {
                        // the rest of the series is cancelled by the process; a new one is planned
                        c.generation++;
                        toPlan.get(p.userId()).add(c.index);
                        count("two no-shows: new series");
                    } else {
                        c.ended = true;
                        count("two no-shows: closed");
                    }
                }, null, p.actor());
            }
            case Elements.CLOSE_CASE -> {
                Professional p = c.professional;
                if (!mayWork(p)) {
                    return null;
                }
                String outcome = c.ended ? Decisions.STOPPED_BY_CLIENT : c.outcome;
                values.put(Vars.CLOSURE_OUTCOME, outcome);
                return new SimulatedYear.Work(null, values, () -> {
                    c.ended = true;
                    count("closed." + outcome);
                }, null, p.actor());
            }
            default -> {
                year.problem("counselling task not expected: " + task.getTaskDefinitionKey());
                return null;
            }
        }
    }

    /** The professional works on her cases on her working days, before her evening round. */
    private boolean mayWork(Professional p) {
        return p != null && p.works(year.today()) && year.tick() != SimulatedYear.Tick.EVENING;
    }

    private String tickName() {
        return year.today() + " " + year.tick();
    }

    // ------------------------------------------------------------------------------------------------ the round

    /**
     * The professional's round at the end of her day: she looks at her calendar for the series booked since (her new
     * cases' and those the waiting line booked), records the sessions held up to now in their order (attended or
     * no-show, as the client did), and the sessions her clients called off for the next days.
     */
    private void round(Professional p, LocalDate today) {
        for (Integer index : awaitingBooking.get(p.userId())) {
            look(p, cases.get(index));
        }
        TreeMap<String, Session> calendar = calendars.get(p.userId());
        LocalDateTime endOfDay = today.plusDays(1).atStartOfDay();
        for (Session session : new ArrayList<>(calendar.headMap(endOfDay.toString()).values())) {
            calendar.remove(session.key());
            Case c = session.series.owner;
            if (c.ended || session.series.generation != c.generation) {
                // the case was closed, or a new series planned: the process cancelled this session
                session.status = "SKIPPED";
                continue;
            }
            if (!"BOOKED".equals(session.status)) {
                continue; // called off before
            }
            String status = "CANCELLED".equals(session.planned) ? "ATTENDED" : session.planned;
            year.attempt("izgim attendance", () -> year.as(p.actor(), () -> {
                attendance.record(c.caseKey, session.id, status, p.userId(), false);
                session.status = status;
                count("sessions recorded." + status);
                return null;
            }));
        }
        // the clients who called to cancel one of the next days' sessions
        for (Session session : new ArrayList<>(calendar.subMap(endOfDay.toString(), endOfDay.plusDays(3).toString()).values())) {
            Case c = session.series.owner;
            if ("CANCELLED".equals(session.planned) && "BOOKED".equals(session.status) && !c.ended
                    && session.series.generation == c.generation) {
                year.attempt("izgim cancellation", () -> year.as(p.actor(), () -> {
                    attendance.record(c.caseKey, session.id, "CANCELLED", p.userId(), false);
                    session.status = "CANCELLED";
                    count("sessions recorded.CANCELLED");
                    return null;
                }));
            }
        }
    }

    /** The professional sees the case's series in her calendar once it is booked (by the process or the waiting line). */
    private void look(Professional p, Case c) {
        SeriesPlan plan = c.requested;
        if (plan == null) {
            return;
        }
        List<SessionAttendance.SessionRecord> records = attendance.sessionsOf(c.caseKey);
        Set<Long> known = new java.util.HashSet<>();
        c.series.forEach(s -> s.booked.forEach(b -> known.add(b.id)));
        List<SessionAttendance.SessionRecord> fresh = records.stream()
            .filter(r -> "BOOKED".equals(r.status()) && !known.contains(r.id())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        if (fresh.size() != plan.sessions) {
            year.problem("izgim series booked with " + fresh.size() + " sessions, planned " + plan.sessions);
        }
        // what the client does at each session: the first she attends; no two no-shows next to each other, except the
        // planned pair (the second and third session) that the professional confirms
        boolean pair = c.noShowPair && !c.hadNoShowPair && fresh.size() >= 3;
        String previous = null;
        for (int i = 0; i < fresh.size(); i++) {
            String planned;
            if (pair && (i == 1 || i == 2)) {
                planned = "NO_SHOW";
            } else if (i == 0) {
                planned = "ATTENDED";
            } else {
                int draw = c.random.nextInt(100);
                planned = draw < NO_SHOW_PERCENT ? "NO_SHOW" : draw < NO_SHOW_PERCENT + CANCEL_PERCENT ? "CANCELLED" : "ATTENDED";
                if ("NO_SHOW".equals(planned) && ("NO_SHOW".equals(previous) || pair && i == 3)) {
                    planned = "ATTENDED";
                }
            }
            if (!"CANCELLED".equals(planned)) {
                previous = planned;
            }
            Session session = new Session(fresh.get(i).id(), fresh.get(i).start(), plan, planned);
            plan.booked.add(session);
            calendars.get(p.userId()).put(session.key(), session);
        }
        if (pair) {
            c.hadNoShowPair = true;
        }
        c.requested = null;
        awaitingBooking.get(p.userId()).remove(c.index);
        count("series booked");
    }

    // ------------------------------------------------------------------------------------------------ the figures

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void expect(Map<String, String> figures) {
        // the professionals look at their calendars once more: series the waiting line booked after their last round
        professionals.values().stream().flatMap(List::stream).distinct()
            .forEach(p -> awaitingBooking.get(p.userId()).forEach(index -> look(p, cases.get(index))));
        LocalDateTime from = year.firstDay().atStartOfDay();
        LocalDateTime to = year.lastDay().plusDays(1).atStartOfDay();
        long citizensTotal = 0;
        long sessionsTotal = 0;
        for (CounsellingService service : CounsellingService.values()) {
            Set<Integer> citizens = new java.util.HashSet<>();
            long attended = 0;
            long noShows = 0;
            List<Double> waits = new ArrayList<>();
            for (Case c : cases) {
                if (c.service != service) {
                    continue;
                }
                for (SeriesPlan plan : c.series) {
                    Session first = null;
                    for (Session s : plan.booked) {
                        boolean inYear = !s.start.isBefore(from) && s.start.isBefore(to);
                        if (inYear && "ATTENDED".equals(s.status)) {
                            attended++;
                            citizens.add(c.index);
                        } else if (inYear && "NO_SHOW".equals(s.status)) {
                            noShows++;
                        }
                        if (!"CANCELLED".equals(s.status) && !"SKIPPED".equals(s.status) && (first == null || s.start.isBefore(first.start))) {
                            first = s;
                        }
                    }
                    if (first != null && !first.start.isBefore(from) && first.start.isBefore(to)) {
                        waits.add(Duration.between(plan.requestedAt, first.start).toMinutes() / (24.0 * 60));
                    }
                }
            }
            String prefix = "izgimCounselling.services." + service.name() + ".";
            figures.put(prefix + "citizens", ReportFigures.bucket(citizens.size()));
            figures.put(prefix + "sessions", ReportFigures.bucket(attended));
            figures.put(prefix + "noShows", ReportFigures.bucket(noShows));
            long recorded = attended + noShows;
            if (recorded >= 5) {
                figures.put(prefix + "noShowRatePercent", ReportFigures.number(BigDecimal.valueOf(noShows * 100L)
                    .divide(BigDecimal.valueOf(recorded), 1, RoundingMode.HALF_UP)));
            }
            if (waits.size() >= 5) {
                figures.put(prefix + "medianWaitingDays", ReportFigures.number(median(waits)));
            }
            citizensTotal += citizens.size();
            sessionsTotal += attended;
            tallyPut("attended sessions in the year." + service.name(), attended);
            tallyPut("no-shows in the year." + service.name(), noShows);
            tallyPut("citizens with a session attended." + service.name(), citizens.size());
            tallyPut("series with a first session in the year." + service.name(), waits.size());
            if (!waits.isEmpty()) {
                tallyPut("mean wait to the first session, tenths of days." + service.name(),
                    Math.round(waits.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10));
            }
        }
        figures.put("izgimCounselling.citizens", ReportFigures.bucket(citizensTotal));
        figures.put("izgimCounselling.sessions", ReportFigures.bucket(sessionsTotal));
        long waiting = cases.stream().filter(c -> c.requested != null).count();
        figures.put("izgimCounselling.waitingNow", ReportFigures.bucket(waiting));
        tallyPut("series waiting at the end of the year", waiting);
    }

    private final Map<String, Long> computed = new ConcurrentHashMap<>();

    private void tallyPut(String what, long n) {
        computed.put(what, n);
    }

    /** The median as the report section computes it: the middle value (or the mean of the two), one decimal, half up. */
    private static BigDecimal median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
    }

    @Override
    public Map<String, Long> tally() {
        Map<String, Long> tally = new TreeMap<>();
        counts.forEach((k, v) -> tally.put(k, v.get()));
        tally.putAll(computed);
        return new LinkedHashMap<>(tally);
    }
}
