package tr.bel.izmit.kadinaile.producers.stands;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stand tables, in plain SQL: places are counted per location and day in {@code st_location_day}, whose
 * row is locked while places are handed out; the counter can only be raised by a conditional update below the
 * capacity (and a check constraint backs it), and a producer holds at most one place a day (unique constraint).
 */
@Repository
public class StandBookings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StandBookings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<StandLocation> locations() {
        return jdbc.query("select code, name, kind, capacity, display_order, active from st_location order by display_order",
            (rs, row) -> location(rs));
    }

    public Optional<StandLocation> location(String code) {
        return jdbc.query("select code, name, kind, capacity, display_order, active from st_location where code = ?",
            (rs, row) -> location(rs), code).stream().findFirst();
    }

    public List<LocalDate> eventDays(String locationCode) {
        return jdbc.queryForList("select event_date from st_event_day where location_code = ? order by event_date", Date.class,
            locationCode).stream().map(Date::toLocalDate).toList();
    }

    /**
     * Makes the row of places for the location and day exist. Requests for the same location queue up on the
     * location's row (locked until their transaction ends), so two requests never both create the day's row.
     */
    public void ensureDay(String locationCode, LocalDate day, int capacity) {
        jdbc.queryForObject("select code from st_location where code = ? for update", String.class, locationCode);
        Integer present = jdbc.queryForObject("select count(*) from st_location_day where location_code = ? and stand_date = ?",
            Integer.class, locationCode, Date.valueOf(day));
        if (present == null || present == 0) {
            jdbc.update("insert into st_location_day (location_code, stand_date, capacity, booked) values (?, ?, ?, 0)",
                locationCode, Date.valueOf(day), capacity);
        }
    }

    public long insertRequest(String trackingCode, String processInstanceId, long producerId, String locationCode, LocalDate day,
            String note) {
        jdbc.update("insert into st_request (tracking_code, process_instance_id, producer_id, location_code, stand_date, note, status, "
                + "requested_at) values (?, ?, ?, ?, ?, ?, 'WAITING', ?)", trackingCode, processInstanceId, producerId, locationCode,
            Date.valueOf(day), note, Timestamp.from(Instant.now(clock)));
        return jdbc.queryForObject("select id from st_request where tracking_code = ?", Long.class, trackingCode);
    }

    public boolean trackingCodeExists(String trackingCode) {
        Integer n = jdbc.queryForObject("select count(*) from st_request where tracking_code = ?", Integer.class, trackingCode);
        return n != null && n > 0;
    }

    public boolean hasActiveRequest(long producerId, LocalDate day) {
        Integer n = jdbc.queryForObject("select count(*) from st_request where producer_id = ? and stand_date = ? "
            + "and status in ('WAITING', 'HELD', 'CONFIRMED')", Integer.class, producerId, Date.valueOf(day));
        return n != null && n > 0;
    }

    public StandRequest request(long requestId) {
        return jdbc.queryForObject("select * from st_request where id = ?", (rs, row) -> request(rs), requestId);
    }

    public Optional<StandRequest> requestByCode(String trackingCode) {
        return jdbc.query("select * from st_request where tracking_code = ?", (rs, row) -> request(rs), trackingCode).stream().findFirst();
    }

    /** Locks the day's row of places until the end of the transaction; returns its free places. */
    int lockDay(String locationCode, LocalDate day) {
        return jdbc.queryForObject("select capacity - booked from st_location_day where location_code = ? and stand_date = ? for update",
            Integer.class, locationCode, Date.valueOf(day));
    }

    /** The waiting requests of a location and day, with what the rotation needs. */
    List<StandRotation.Candidate> waiting(String locationCode, LocalDate day) {
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate nextMonth = monthStart.plusMonths(1);
        return jdbc.query("select r.id, r.producer_id, r.requested_at, p.neighbourhood, "
                + "(select count(*) from st_booking b where b.producer_id = r.producer_id and b.stand_date >= ? and b.stand_date < ?) as days "
                + "from st_request r join pr_producer p on p.id = r.producer_id "
                + "where r.location_code = ? and r.stand_date = ? and r.status = 'WAITING'",
            (rs, row) -> new StandRotation.Candidate(rs.getLong("id"), rs.getLong("producer_id"),
                StandRotation.village(rs.getString("neighbourhood")).orElse(null), rs.getLong("days"),
                rs.getTimestamp("requested_at").toInstant()),
            Date.valueOf(monthStart), Date.valueOf(nextMonth), locationCode, Date.valueOf(day));
    }

    /** Stand-days of the producer in the month of {@code day}. */
    public long standDaysInMonth(long producerId, LocalDate day) {
        LocalDate monthStart = day.withDayOfMonth(1);
        return jdbc.queryForObject("select count(*) from st_booking where producer_id = ? and stand_date >= ? and stand_date < ?",
            Long.class, producerId, Date.valueOf(monthStart), Date.valueOf(monthStart.plusMonths(1)));
    }

    /**
     * Takes one place for the request: raises the day's counter only while it is below the capacity, books the
     * place (one per producer and day) and marks the request held.
     *
     * @return false when the day is full or the producer already holds a place that day
     */
    boolean book(StandRotation.Candidate candidate, String locationCode, LocalDate day) {
        Integer sameDay = jdbc.queryForObject("select count(*) from st_booking where producer_id = ? and stand_date = ?",
            Integer.class, candidate.producerId(), Date.valueOf(day));
        if (sameDay != null && sameDay > 0) {
            return false;
        }
        int raised = jdbc.update("update st_location_day set booked = booked + 1 where location_code = ? and stand_date = ? "
            + "and booked < capacity", locationCode, Date.valueOf(day));
        if (raised == 0) {
            return false;
        }
        jdbc.update("insert into st_booking (request_id, producer_id, location_code, stand_date, booked_at) values (?, ?, ?, ?, ?)",
            candidate.requestId(), candidate.producerId(), locationCode, Date.valueOf(day), Timestamp.from(Instant.now(clock)));
        int held = jdbc.update("update st_request set status = 'HELD' where id = ? and status = 'WAITING'", candidate.requestId());
        if (held != 1) {
            throw new IllegalStateException("stand request " + candidate.requestId() + " was no longer waiting");
        }
        return true;
    }

    /** Frees the request's place, if it holds one, and gives the request its final status. */
    void release(long requestId, StandRequest.Status status, String reason) {
        StandRequest request = request(requestId);
        int deleted = jdbc.update("delete from st_booking where request_id = ?", requestId);
        if (deleted > 0) {
            jdbc.update("update st_location_day set booked = booked - 1 where location_code = ? and stand_date = ?",
                request.locationCode(), Date.valueOf(request.standDate()));
        }
        setStatus(requestId, status, reason);
    }

    void setStatus(long requestId, StandRequest.Status status, String reason) {
        jdbc.update("update st_request set status = ?, decline_reason = coalesce(?, decline_reason), decided_at = ? where id = ?",
            status.name(), reason, Timestamp.from(Instant.now(clock)), requestId);
    }

    /** How many places the location's day has and how many are booked. */
    public int[] placesOf(String locationCode, LocalDate day) {
        List<int[]> rows = jdbc.query("select capacity, booked from st_location_day where location_code = ? and stand_date = ?",
            (rs, row) -> new int[] {rs.getInt("capacity"), rs.getInt("booked")}, locationCode, Date.valueOf(day));
        return rows.isEmpty() ? new int[] {0, 0} : rows.get(0);
    }

    private static StandLocation location(ResultSet rs) throws SQLException {
        return new StandLocation(rs.getString("code"), rs.getString("name"), StandLocation.Kind.valueOf(rs.getString("kind")),
            rs.getInt("capacity"), rs.getInt("display_order"), rs.getBoolean("active"));
    }

    private static StandRequest request(ResultSet rs) throws SQLException {
        return new StandRequest(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("process_instance_id"),
            rs.getLong("producer_id"), rs.getString("location_code"), rs.getDate("stand_date").toLocalDate(), rs.getString("note"),
            StandRequest.Status.valueOf(rs.getString("status")), rs.getString("decline_reason"),
            rs.getTimestamp("requested_at").toInstant());
    }

    static List<Long> ids(List<StandRotation.Candidate> candidates) {
        List<Long> ids = new ArrayList<>();
        candidates.forEach(c -> ids.add(c.requestId()));
        return ids;
    }
}
