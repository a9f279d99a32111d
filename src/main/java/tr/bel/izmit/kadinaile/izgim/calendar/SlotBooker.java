package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Puts sessions into free slots. The check "is this hour free" is only a guess made from what this transaction can
 * see; the insert is the decision: the unique constraints of {@code izg_session} (V28) refuse a second session of
 * the professional or of the room at the same hour, whichever node writes it first. Each insert runs behind a
 * savepoint ({@link Savepoints}: inside the caller's transaction; a transaction of its own without one), so a refused
 * insert is rolled back alone and the next slot or room is tried; on PostgreSQL an insert that collides with another node's
 * uncommitted one waits for it and is refused when it commits.
 */
@Component
class SlotBooker {

    static final String ROOM_COUNSELLING = "COUNSELLING";
    static final String ROOM_DIETITIAN = "DIETITIAN";

    private final JdbcTemplate jdbc;
    private final CalendarRules rules;
    private final Savepoints savepoints;
    private final Clock clock;
    private final int horizonDays;
    private final Duration notice;

    SlotBooker(JdbcTemplate jdbc, CalendarRules rules, Savepoints savepoints, Clock clock,
            @Value("${app.izgim.calendar.horizon-days:28}") int horizonDays,
            @Value("${app.izgim.calendar.notice:PT24H}") Duration notice) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.savepoints = savepoints;
        this.clock = clock;
        this.horizonDays = horizonDays;
        this.notice = notice;
    }

    static String roomKind(CounsellingService service) {
        return service == CounsellingService.DIETITIAN ? ROOM_DIETITIAN : ROOM_COUNSELLING;
    }

    /** The earliest start a booking may have now: the notice ahead, on the hour. */
    LocalDateTime earliestStart() {
        LocalDateTime earliest = LocalDateTime.now(clock).plus(notice);
        LocalDateTime hour = earliest.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(earliest) ? hour : hour.plusHours(1);
    }

    int horizonDays() {
        return horizonDays;
    }

    /**
     * Books every session of the series, weekly: the first in the first free slot from {@code from} (not before the
     * notice), each next one in the first free slot from a week after the one before, each within the horizon. All or
     * nothing: when one cannot be placed, the sessions placed before are rolled back (a savepoint) and the result is
     * empty.
     */
    Optional<List<BookedSession>> bookSeries(Series series, LocalDate from) {
        List<BookedSession> booked = new ArrayList<>();
        try {
            savepoints.run(() -> {
                LocalDateTime notBefore = later(from.atStartOfDay(), earliestStart());
                for (int i = 0; i < series.sessions(); i++) {
                    Optional<BookedSession> session = bookFirstFree(series, notBefore, notBefore.toLocalDate().plusDays(horizonDays));
                    if (session.isEmpty()) {
                        throw new SeriesDoesNotFit();
                    }
                    booked.add(session.get());
                    notBefore = session.get().start().plusWeeks(1);
                }
                return booked;
            });
        } catch (SeriesDoesNotFit full) {
            return Optional.empty();
        }
        return Optional.of(booked);
    }

    /** Books one session of the series in the first free slot from {@code notBefore} to {@code lastDay}. */
    Optional<BookedSession> bookFirstFree(Series series, LocalDateTime notBefore, LocalDate lastDay) {
        Set<LocalDateTime> held = heldByProfessional(series.professionalId(), notBefore.toLocalDate(), lastDay);
        for (LocalDateTime slot : rules.slots(series.professionalId(), notBefore.toLocalDate(), lastDay)) {
            if (slot.isBefore(notBefore) || held.contains(slot)) {
                continue;
            }
            Optional<BookedSession> session = bookAt(series, slot);
            if (session.isPresent()) {
                return session;
            }
        }
        return Optional.empty();
    }

    /** Books one session of the series at {@code slot} in a free room; empty when the professional or every room is taken. */
    Optional<BookedSession> bookAt(Series series, LocalDateTime slot) {
        for (String room : freeRooms(series.professionalId(), roomKind(series.service()), slot)) {
            try {
                return Optional.of(savepoints.run(() -> insert(series, room, slot)));
            } catch (DuplicateKeyException taken) {
                // another booking got there first: the professional (then no room helps) or this room (try the next)
                if (professionalHolds(series.professionalId(), slot)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The professional's free slots with a free room, from {@code notBefore} on, within the horizon, at most {@code limit}. */
    List<LocalDateTime> freeSlots(String professionalId, CounsellingService service, LocalDateTime notBefore, int limit) {
        LocalDate lastDay = notBefore.toLocalDate().plusDays(horizonDays);
        Set<LocalDateTime> held = heldByProfessional(professionalId, notBefore.toLocalDate(), lastDay);
        List<LocalDateTime> free = new ArrayList<>();
        for (LocalDateTime slot : rules.slots(professionalId, notBefore.toLocalDate(), lastDay)) {
            if (free.size() == limit) {
                break;
            }
            if (!slot.isBefore(notBefore) && !held.contains(slot) && !freeRooms(professionalId, roomKind(service), slot).isEmpty()) {
                free.add(slot);
            }
        }
        return free;
    }

    private BookedSession insert(Series series, String room, LocalDateTime slot) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into izg_session (series_id, case_key, tracking_code, service, "
                + "professional_id, room_code, slot_start, status, professional_hold, room_hold, booked_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, series.id());
            insert.setString(2, series.caseKey());
            insert.setString(3, series.trackingCode());
            insert.setString(4, series.service().name());
            insert.setString(5, series.professionalId());
            insert.setString(6, room);
            insert.setTimestamp(7, Timestamp.valueOf(slot));
            insert.setString(8, series.professionalId());
            insert.setString(9, room);
            insert.setTimestamp(10, Timestamp.valueOf(LocalDateTime.now(clock)));
            return insert;
        }, key);
        return new BookedSession(key.getKey().longValue(), slot, slot.plus(WorkingDay.SESSION), room);
    }

    /** The free rooms of the kind at the slot: the professional's own rooms when she has some (V31), else all of the kind. */
    private List<String> freeRooms(String professionalId, String kind, LocalDateTime slot) {
        return jdbc.queryForList("select code from izg_room r where kind = ? and active = true "
                + "and (not exists (select 1 from izg_professional_room p where p.professional_id = ?) "
                + "or exists (select 1 from izg_professional_room p where p.professional_id = ? and p.room_code = r.code)) "
                + "and not exists (select 1 from izg_session s where s.room_hold = r.code and s.slot_start = ?) order by display_order, code",
            String.class, kind, professionalId, professionalId, Timestamp.valueOf(slot));
    }

    private boolean professionalHolds(String professionalId, LocalDateTime slot) {
        Integer rows = jdbc.queryForObject("select count(*) from izg_session where professional_hold = ? and slot_start = ?",
            Integer.class, professionalId, Timestamp.valueOf(slot));
        return rows != null && rows > 0;
    }

    private Set<LocalDateTime> heldByProfessional(String professionalId, LocalDate first, LocalDate last) {
        return new HashSet<>(jdbc.query("select slot_start from izg_session where professional_hold = ? and slot_start >= ? "
                + "and slot_start < ?", (rs, row) -> rs.getTimestamp(1).toLocalDateTime(),
            professionalId, Timestamp.valueOf(first.atStartOfDay()), Timestamp.valueOf(last.plusDays(1).atStartOfDay())));
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    /** Rolls the series' savepoint back when one of its sessions finds no slot. */
    private static final class SeriesDoesNotFit extends RuntimeException {

        SeriesDoesNotFit() {
            super(null, null, false, false);
        }
    }
}
