package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ApiError;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.izgim.IzgimGroups;

/**
 * The calendar's staff API (HTTP Basic against the Camunda identity, or the Tasklist user's web app session with the
 * web apps' CSRF token for changes, as Tasklist's "Seanslarım" calls it; groups checked by {@link CalendarStaffRules}
 * first): a professional's sessions (her own; officers and supervisors any professional's), her free slots, recording
 * attendance (the session's own professional or a supervisor; others 403), cancelling a session (the client is told
 * by SMS) and adding a closure. Cases appear by their opaque key only.
 */
@RestController
@RequestMapping("/api/staff/izgim/calendar")
class CalendarStaffController {

    private final SessionActions actions;
    private final SlotBooker booker;
    private final CalendarRules rules;
    private final WorkingHours workingHours;
    private final WaitingList waitingList;
    private final ProfessionalSessions professionalSessions;
    private final Clock clock;

    CalendarStaffController(SessionActions actions, SlotBooker booker, CalendarRules rules, WorkingHours workingHours,
            WaitingList waitingList, ProfessionalSessions professionalSessions, Clock clock) {
        this.actions = actions;
        this.booker = booker;
        this.rules = rules;
        this.workingHours = workingHours;
        this.waitingList = waitingList;
        this.professionalSessions = professionalSessions;
        this.clock = clock;
    }

    record SessionView(long id, String caseKey, CounsellingService service, String professionalId, String room, LocalDateTime start,
            LocalDateTime end, String status) {

        static SessionView of(CalendarSession s) {
            return new SessionView(s.id(), s.caseKey(), s.service(), s.professionalId(), s.roomName(), s.start(), s.end(), s.status());
        }
    }

    record AttendanceRequest(String status) {
    }

    record ClosureRequest(LocalDate date, LocalTime from, String professionalId, String name) {
    }

    @GetMapping("/sessions")
    List<SessionView> sessions(@RequestParam String professional, @RequestParam(required = false) LocalDate from,
            @RequestParam(defaultValue = "7") int days, Authentication caller) {
        mayReadCalendarOf(professional, caller);
        LocalDate first = from == null ? LocalDate.now(clock) : from;
        return actions.ofProfessional(professional, first.atStartOfDay(), first.plusDays(Math.max(1, Math.min(days, 92))).atStartOfDay())
            .stream().map(SessionView::of).toList();
    }

    @GetMapping("/free-slots")
    List<LocalDateTime> freeSlots(@RequestParam String professional, @RequestParam CounsellingService service,
            @RequestParam(defaultValue = "10") int limit, Authentication caller) {
        mayReadCalendarOf(professional, caller);
        return booker.freeSlots(professional, service, booker.earliestStart(), Math.max(1, Math.min(limit, 100)));
    }

    @PostMapping("/sessions/{id}/attendance")
    SessionView attendance(@PathVariable long id, @RequestBody(required = false) AttendanceRequest request, Authentication caller) {
        Attendance attendance = parse(request == null ? null : request.status());
        return SessionView.of(actions.record(id, attendance, caller.getName(), has(caller, IzgimGroups.COUNSELLING_SUPERVISORS)));
    }

    @PostMapping("/sessions/{id}/cancellation")
    SessionView cancel(@PathVariable long id, Authentication caller) {
        CalendarSession session = actions.session(id)
            .orElseThrow(() -> new SessionRefused(SessionRefused.Why.NOT_FOUND, Texts.get("izgim.calendar.refused.not-found")));
        mayReadCalendarOf(session.professionalId(), caller);
        return SessionView.of(actions.cancel(id, SessionActions.BY_STAFF, caller.getName()));
    }

    @PostMapping("/closures")
    ResponseEntity<Void> closure(@RequestBody(required = false) ClosureRequest request, Authentication caller) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.date() == null) {
            errors.add(new FieldError("date", Texts.get("izgim.calendar.validation.date")));
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldError("name", Texts.get("izgim.calendar.validation.closure-name")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        rules.addClosure(request.date(), request.from(), blankToNull(request.professionalId()), request.name().strip(), caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @ExceptionHandler(SessionRefused.class)
    ResponseEntity<ApiError> refused(SessionRefused refused) {
        HttpStatus status = switch (refused.why()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_YOURS -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(ApiError.of(refused.getMessage()));
    }

    private static Attendance parse(String status) {
        try {
            return Attendance.valueOf(status == null ? "" : status.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("status", Texts.get("izgim.calendar.validation.attendance"));
        }
    }

    /** A professional reads and changes her own calendar; officers and supervisors anyone's. */
    private static void mayReadCalendarOf(String professional, Authentication caller) {
        if (!professional.equals(caller.getName()) && !has(caller, IzgimGroups.COUNSELLING_SUPERVISORS)
                && !has(caller, StaffGroup.IZGIM_OFFICERS)) {
            throw new SessionRefused(SessionRefused.Why.NOT_YOURS, Texts.get("izgim.calendar.refused.not-yours"));
        }
    }

    private static boolean has(Authentication caller, StaffGroup group) {
        return caller.getAuthorities().stream().anyMatch(authority -> group.id().equals(authority.getAuthority()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ------------------------------------------------------------------ working hours and rooms (izgim-calendar-ops)

    /** A professional's hours and rooms with the sessions booked before a change that no longer fit them. */
    record WorkingHoursView(WorkingHours.Schedule schedule, List<SessionView> toRebook) {
    }

    /** The centre's rooms (their codes are what {@code PUT working-hours} names). */
    @GetMapping("/rooms")
    List<WorkingHours.Room> rooms() {
        return workingHours.rooms();
    }

    /** Her weekly hours and rooms: the professional herself; supervisors and İZGİM officers anyone's. */
    @GetMapping("/working-hours/{professional}")
    WorkingHoursView workingHours(@PathVariable String professional, Authentication caller) {
        mayReadCalendarOf(professional, caller);
        return new WorkingHoursView(workingHours.of(professional),
            workingHours.toRebook(professional).stream().map(SessionView::of).toList());
    }

    /**
     * Sets her weekly hours (and rooms, when given): the counselling supervisors only (the staff rules, and again here).
     * For new bookings; the sessions booked before that no longer fit are listed for rebooking, not moved.
     */
    @PutMapping("/working-hours/{professional}")
    WorkingHoursView setWorkingHours(@PathVariable String professional, @RequestBody(required = false) WorkingHours.Request request,
            Authentication caller) {
        if (!has(caller, IzgimGroups.COUNSELLING_SUPERVISORS)) {
            throw new SessionRefused(SessionRefused.Why.NOT_YOURS, Texts.get("izgim.calendar.refused.supervisors-only"));
        }
        WorkingHours.Change change = workingHours.set(professional, request, caller.getName());
        return new WorkingHoursView(change.schedule(), change.toRebook().stream().map(SessionView::of).toList());
    }

    /** Her sessions still booked that no longer fit her hours, a closure or her rooms, earliest first: to be rebooked. */
    @GetMapping("/sessions-to-rebook")
    List<SessionView> sessionsToRebook(@RequestParam String professional, Authentication caller) {
        mayReadCalendarOf(professional, caller);
        return workingHours.toRebook(professional).stream().map(SessionView::of).toList();
    }

    /** The closures (official holidays and those staff added) from {@code from}, {@code days} days (at most 366). */
    @GetMapping("/closures")
    List<CalendarRules.Closure> closures(@RequestParam(required = false) LocalDate from, @RequestParam(defaultValue = "92") int days) {
        LocalDate first = from == null ? LocalDate.now(clock) : from;
        return rules.closures(first, first.plusDays(Math.max(1, Math.min(days, 366)) - 1L));
    }

    /**
     * Lifts a closure staff added (supervisors and İZGİM officers, as adding one); the freed hours are offered to the
     * waiting lines. An official holiday: 409.
     */
    @DeleteMapping("/closures/{id}")
    ResponseEntity<Void> liftClosure(@PathVariable long id) {
        if (!rules.liftClosure(id)) {
            throw new SessionRefused(SessionRefused.Why.NOT_FOUND, Texts.get("izgim.calendar.refused.no-closure"));
        }
        waitingList.offerAll();
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------------------------------------------------------
    // "Seanslarım" in Tasklist (scripts/izgim-sessions.js): the caller's own sessions of a period, with what she may do

    /** The longest period "Seanslarım" shows at once, in days. */
    static final int MY_SESSIONS_MAX_DAYS = 31;
    /** The default period: today and the next days. */
    static final int MY_SESSIONS_DEFAULT_DAYS = 14;
    /** How far back booked sessions without a record are still shown for recording. */
    static final int MY_SESSIONS_AWAITING_DAYS = 30;

    /**
     * One session as "Seanslarım" shows it: when, where, the tracking code and the service, never a name; whether it
     * has begun (so attendance may be recorded) and what the caller may do with it.
     */
    record MySession(long id, String trackingCode, CounsellingService service, String serviceLabel, String professionalId,
            String room, LocalDateTime start, LocalDateTime end, String status, String statusLabel, boolean begun,
            boolean mayRecord, boolean mayCancel) {
    }

    /**
     * The caller's sessions from {@code from} to {@code to} (both days included) and, before {@code from}, her booked
     * sessions of the last {@value #MY_SESSIONS_AWAITING_DAYS} days (from today) that still wait for a record. {@code today} and
     * {@code now} are the server's (the engine's clock), so the page needs no clock of its own.
     */
    record MySessions(LocalDate today, LocalDateTime now, LocalDate from, LocalDate to, boolean supervisor,
            List<MySession> awaitingRecord, List<MySession> sessions) {
    }

    /**
     * {@code GET my-sessions?from=&to=}: the caller's own sessions (a supervisor: every professional's, or one's with
     * {@code professional=}); {@code from} defaults to today, {@code to} to {@value #MY_SESSIONS_DEFAULT_DAYS} days later.
     * A wrong date, a period ending before it starts or longer than {@value #MY_SESSIONS_MAX_DAYS} days: 400 naming the
     * field.
     */
    @GetMapping("/my-sessions")
    MySessions mySessions(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String professional, Authentication caller) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = date(from, "from", today, errors);
        LocalDate last = date(to, "to", first == null ? today.plusDays(MY_SESSIONS_DEFAULT_DAYS)
            : first.plusDays(MY_SESSIONS_DEFAULT_DAYS), errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", Texts.get("izgim.calendar.my-sessions.order")));
        } else if (first != null && last != null && last.isAfter(first.plusDays(MY_SESSIONS_MAX_DAYS - 1L))) {
            errors.add(new FieldError("to", Texts.get("izgim.calendar.my-sessions.range", MY_SESSIONS_MAX_DAYS)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        boolean supervisor = has(caller, IzgimGroups.COUNSELLING_SUPERVISORS);
        String whose = supervisor ? blankToNull(professional) : caller.getName();
        if (!supervisor && professional != null && !professional.isBlank() && !professional.strip().equals(caller.getName())) {
            throw new SessionRefused(SessionRefused.Why.NOT_YOURS, Texts.get("izgim.calendar.refused.not-yours"));
        }
        List<MySession> awaiting = professionalSessions
            .awaitingRecord(whose, today.minusDays(MY_SESSIONS_AWAITING_DAYS).atStartOfDay(), min(first.atStartOfDay(), now))
            .stream().map(session -> mine(session, caller, supervisor, now)).toList();
        List<MySession> sessions = professionalSessions.between(whose, first.atStartOfDay(), last.plusDays(1).atStartOfDay())
            .stream().map(session -> mine(session, caller, supervisor, now)).toList();
        return new MySessions(today, now, first, last, supervisor, awaiting, sessions);
    }

    private static MySession mine(CalendarSession session, Authentication caller, boolean supervisor, LocalDateTime now) {
        boolean booked = CalendarSession.BOOKED.equals(session.status());
        boolean hers = supervisor || session.professionalId().equals(caller.getName());
        boolean begun = !session.start().isAfter(now);
        return new MySession(session.id(), session.trackingCode(), session.service(),
            Texts.get("izgim.calendar.service." + session.service().name()), session.professionalId(), session.roomName(),
            session.start(), session.end(), session.status(), Texts.get("izgim.calendar.status." + session.status()), begun,
            booked && hers && begun, booked && hers);
    }

    private static LocalDate date(String value, String field, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Texts.get("izgim.calendar.my-sessions." + field)));
            return null;
        }
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
