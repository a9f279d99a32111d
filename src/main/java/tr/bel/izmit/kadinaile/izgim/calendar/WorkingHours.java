package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.izgim.calendar.SessionRefused.Why;

/**
 * A professional's weekly working hours and rooms as the counselling supervisors set them (staff API): a weekday
 * without hours is a day off, hours start and end on the hour within the centre's opening hours
 * ({@code app.izgim.calendar.centre-opens}, {@code centre-closes}, {@code centre-days}); without rooms of her own she
 * works in any room of her service. A change counts for the bookings made after it: sessions booked before it stay
 * where they are and are listed for rebooking ({@link #toRebook}) when they no longer fit her hours, a closure or her
 * rooms, never dropped silently. The waiting line is offered the new hours at once.
 */
@Component
class WorkingHours {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingHours.class);
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** One weekday's hours. */
    record Day(DayOfWeek day, LocalTime from, LocalTime to) {
    }

    /** A room of the centre. */
    record Room(String code, String name, String kind) {
    }

    /**
     * A professional's hours and rooms; {@code centreDefault} when she has no hours of her own (the centre's weekdays
     * 09:00-17:00), {@code ownRooms} false when she works in any room of her service ({@code rooms} lists them then).
     */
    record Schedule(String professionalId, boolean centreDefault, List<Day> hours, boolean ownRooms, List<Room> rooms) {
    }

    /** What a supervisor sends: each day as text ({@code MONDAY}, {@code 09:00}), so that a bad value names its field. */
    record Request(List<DayRequest> hours, List<String> rooms) {
    }

    record DayRequest(String day, String from, String to) {
    }

    /** A change made: the new schedule and the sessions booked before it that no longer fit. */
    record Change(Schedule schedule, List<CalendarSession> toRebook) {
    }

    private final JdbcTemplate jdbc;
    private final CalendarRules rules;
    private final WaitingList waitingList;
    private final CentreProfessionals professionals;
    private final Clock clock;
    private final LocalTime centreOpens;
    private final LocalTime centreCloses;
    private final Set<DayOfWeek> centreDays;

    WorkingHours(JdbcTemplate jdbc, CalendarRules rules, WaitingList waitingList, CentreProfessionals professionals, Clock clock,
            @Value("${app.izgim.calendar.centre-opens:08:00}") String centreOpens,
            @Value("${app.izgim.calendar.centre-closes:18:00}") String centreCloses,
            @Value("${app.izgim.calendar.centre-days:MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}") String centreDays) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.waitingList = waitingList;
        this.professionals = professionals;
        this.clock = clock;
        this.centreOpens = LocalTime.parse(centreOpens.strip());
        this.centreCloses = LocalTime.parse(centreCloses.strip());
        this.centreDays = EnumSet.noneOf(DayOfWeek.class);
        for (String day : centreDays.split(",")) {
            this.centreDays.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
        }
        if (!this.centreCloses.isAfter(this.centreOpens) || this.centreOpens.getMinute() != 0 || this.centreCloses.getMinute() != 0) {
            throw new IllegalArgumentException("app.izgim.calendar.centre-opens/-closes: whole hours, closing after opening");
        }
    }

    /** The centre's active rooms. */
    @Transactional(readOnly = true)
    List<Room> rooms() {
        return jdbc.query("select code, name, kind from izg_room where active = true order by display_order, code",
            (rs, row) -> new Room(rs.getString("code"), rs.getString("name"), rs.getString("kind")));
    }

    /** The professional's hours and rooms; refused (not found) for someone who is no professional of the centre. */
    @Transactional(readOnly = true)
    Schedule of(String professionalId) {
        Set<String> kinds = roomKindsOf(professionalId);
        List<Day> own = jdbc.query("select day_of_week, starts_at, ends_at from izg_working_hours where professional_id = ? "
                + "and ends_at > starts_at order by day_of_week", (rs, row) -> new Day(DayOfWeek.of(rs.getInt("day_of_week")),
                    rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime()), professionalId);
        Integer rows = jdbc.queryForObject("select count(*) from izg_working_hours where professional_id = ?", Integer.class,
            professionalId);
        boolean centreDefault = rows == null || rows == 0;
        List<Day> hours = centreDefault
            ? WEEKDAYS.stream().map(day -> new Day(day, CalendarRules.DEFAULT_START, CalendarRules.DEFAULT_END)).toList()
            : own;
        List<Room> ownRooms = jdbc.query("select r.code, r.name, r.kind from izg_professional_room p join izg_room r "
                + "on r.code = p.room_code where p.professional_id = ? order by r.display_order, r.code",
            (rs, row) -> new Room(rs.getString("code"), rs.getString("name"), rs.getString("kind")), professionalId);
        List<Room> rooms = ownRooms.isEmpty() ? rooms().stream().filter(room -> kinds.contains(room.kind())).toList() : ownRooms;
        return new Schedule(professionalId, centreDefault, hours, !ownRooms.isEmpty(), rooms);
    }

    /**
     * Sets the professional's weekly hours (the days not named are days off) and, when {@code rooms} is given, her
     * rooms (an empty list: any room of her service). Validated whole, every error naming its field; nothing changes
     * when one is wrong.
     */
    @Transactional
    Change set(String professionalId, Request request, String changedBy) {
        Set<String> kinds = roomKindsOf(professionalId);
        List<FieldError> errors = new ArrayList<>();
        List<Day> days = days(request == null ? null : request.hours(), errors);
        List<String> rooms = request == null || request.rooms() == null ? null : rooms(request.rooms(), kinds, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        try {
            // two supervisors changing the same professional at once: the second waits for the first's rows, then
            // replaces them, or (when she had none) collides on their key and is told to try again (409)
            jdbc.update("delete from izg_working_hours where professional_id = ?", professionalId);
            for (Day day : days) {
                jdbc.update("insert into izg_working_hours (professional_id, day_of_week, starts_at, ends_at, changed_by, changed_at) "
                    + "values (?, ?, ?, ?, ?, ?)", professionalId, day.day().getValue(), Time.valueOf(day.from()), Time.valueOf(day.to()),
                    changedBy, now);
            }
            if (rooms != null) {
                jdbc.update("delete from izg_professional_room where professional_id = ?", professionalId);
                for (String room : rooms) {
                    jdbc.update("insert into izg_professional_room (professional_id, room_code, changed_by, changed_at) "
                        + "values (?, ?, ?, ?)", professionalId, room, changedBy, now);
                }
            }
        } catch (DuplicateKeyException changedAtTheSameTime) {
            throw new OptimisticLockingFailureException("working hours changed by someone else at the same time", changedAtTheSameTime);
        }
        List<CalendarSession> toRebook = toRebook(professionalId);
        LOG.info("Working hours of a professional changed: {} booked sessions outside them", toRebook.size());
        // more hours may let her waiting line in
        waitingList.offer(professionalId, -1);
        return new Change(of(professionalId), toRebook);
    }

    /**
     * Her sessions still booked from now on that no longer fit: outside her working hours, on a closure (or a holiday)
     * added after they were booked, or in a room that is no longer hers. Earliest first. They are not moved: staff
     * cancel them (the client gets an SMS and is called) or the client moves them on the portal.
     */
    @Transactional(readOnly = true)
    List<CalendarSession> toRebook(String professionalId) {
        List<CalendarSession> booked = jdbc.query(SessionActions.SELECT + "where s.professional_id = ? and s.status = 'BOOKED' "
            + "and s.slot_start >= ? order by s.slot_start, s.id", SessionActions.SESSION, professionalId,
            Timestamp.valueOf(LocalDateTime.now(clock)));
        if (booked.isEmpty()) {
            return List.of();
        }
        Set<LocalDateTime> slots = new HashSet<>(rules.slots(professionalId, booked.get(0).start().toLocalDate(),
            booked.get(booked.size() - 1).start().toLocalDate()));
        Set<String> ownRooms = new HashSet<>(jdbc.queryForList("select room_code from izg_professional_room where professional_id = ?",
            String.class, professionalId));
        return booked.stream()
            .filter(session -> !slots.contains(session.start()) || !ownRooms.isEmpty() && !ownRooms.contains(session.roomCode()))
            .toList();
    }

    /** The kinds of room her groups work in; refused (not found) when she is in no professional group. */
    private Set<String> roomKindsOf(String professionalId) {
        Set<String> kinds = professionals.roomKindsOf(professionalId);
        if (kinds.isEmpty()) {
            throw new SessionRefused(Why.NOT_FOUND, Texts.get("izgim.calendar.refused.no-professional"));
        }
        return kinds;
    }

    private List<Day> days(List<DayRequest> hours, List<FieldError> errors) {
        if (hours == null || hours.isEmpty()) {
            errors.add(new FieldError("hours", Texts.get("izgim.calendar.validation.hours-required")));
            return List.of();
        }
        List<Day> days = new ArrayList<>();
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < hours.size(); i++) {
            String field = "hours[" + i + "]";
            DayRequest entry = hours.get(i) == null ? new DayRequest(null, null, null) : hours.get(i);
            DayOfWeek day = dayOf(entry.day());
            if (day == null || !seen.add(day)) {
                errors.add(new FieldError(field + ".day", Texts.get("izgim.calendar.validation.hours-day")));
                continue;
            }
            String dayName = day.getDisplayName(TextStyle.FULL, TurkishFormats.TURKISH);
            if (!centreDays.contains(day)) {
                errors.add(new FieldError(field + ".day", Texts.get("izgim.calendar.validation.hours-centre-closed", dayName,
                    centreDaysText())));
                continue;
            }
            LocalTime from = hour(entry.from(), field + ".from", dayName, errors);
            LocalTime to = hour(entry.to(), field + ".to", dayName, errors);
            if (from == null || to == null) {
                continue;
            }
            if (!to.isAfter(from)) {
                errors.add(new FieldError(field + ".to", Texts.get("izgim.calendar.validation.hours-order", dayName)));
            } else if (from.isBefore(centreOpens) || to.isAfter(centreCloses)) {
                errors.add(new FieldError(from.isBefore(centreOpens) ? field + ".from" : field + ".to",
                    Texts.get("izgim.calendar.validation.hours-opening", dayName, CalendarNotices.TIME.format(centreOpens),
                        CalendarNotices.TIME.format(centreCloses))));
            } else {
                days.add(new Day(day, from, to));
            }
        }
        days.sort((a, b) -> a.day().compareTo(b.day()));
        return days;
    }

    private static LocalTime hour(String value, String field, String dayName, List<FieldError> errors) {
        LocalTime time = null;
        if (value != null) {
            try {
                time = LocalTime.parse(value.strip());
            } catch (DateTimeParseException e) {
                time = null;
            }
        }
        if (time == null || time.getMinute() != 0 || time.getSecond() != 0 || time.getNano() != 0) {
            errors.add(new FieldError(field, Texts.get("izgim.calendar.validation.hours-time", dayName)));
            return null;
        }
        return time;
    }

    private List<String> rooms(List<String> requested, Set<String> kinds, List<FieldError> errors) {
        Map<String, Room> active = rooms().stream().collect(Collectors.toMap(Room::code, room -> room));
        Set<String> rooms = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i) == null ? "" : requested.get(i).strip().toUpperCase(Locale.ROOT);
            Room room = active.get(code);
            if (room == null || !kinds.contains(room.kind())) {
                errors.add(new FieldError("rooms[" + i + "]", Texts.get("izgim.calendar.validation.room",
                    requested.get(i) == null ? "" : requested.get(i).strip())));
            } else {
                rooms.add(code);
            }
        }
        return List.copyOf(rooms);
    }

    private static DayOfWeek dayOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String centreDaysText() {
        return centreDays.stream().map(day -> day.getDisplayName(TextStyle.FULL, TurkishFormats.TURKISH))
            .collect(Collectors.joining(", "));
    }
}
