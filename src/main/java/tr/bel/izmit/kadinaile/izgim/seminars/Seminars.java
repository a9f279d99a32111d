package tr.bel.izmit.kadinaile.izgim.seminars;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.validation.MobilePhone;

/**
 * İZGİM's seminars and workshops: a seminar has a date, a place or an online link and a capacity; citizens register
 * on the portal, first come first served: past the capacity they wait in line, and a cancellation gives the seat to
 * the first in line and tells her ({@link SeminarNotices}). The staff record who attended. A registration is a small
 * record, not a case: no process, no task waits for anyone.
 * <p>
 * Seats are counted under a lock on the seminar's row ({@code select ... for update}), so two registrations for the
 * last seat at the same moment, on one node or two, give one seat and one place in line.
 */
@Service
@Transactional
class Seminars {

    static final String CODE_PREFIX = "SM";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    enum Kind { SEMINAR, WORKSHOP }

    enum Status { CONFIRMED, WAITING, CANCELLED }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SeminarNotices notices;

    Seminars(JdbcTemplate jdbc, Clock clock, SeminarNotices notices) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notices = notices;
    }

    /** A new seminar as the staff enter it; times are Turkish local times. */
    record NewSeminar(String kind, String title, String partner, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            String onlineLink, Integer capacity) {
    }

    /** A seminar with its seats now; {@code onlineLink} is for the staff only (the portal never shows it). */
    record Seminar(long id, Kind kind, String title, String partner, Instant startsAt, Instant endsAt, String place,
            String onlineLink, int capacity, int confirmed, int waiting) {

        boolean online() {
            return onlineLink != null;
        }

        int freeSeats() {
            return Math.max(capacity - confirmed, 0);
        }
    }

    /** Who registers: her name and at least one way to reach her (the link of an online seminar goes there). */
    record Registrant(String fullName, String phone, String email) {
    }

    /** A registration's outcome: her code (to cancel), a seat or her place in line (1 = next). */
    record Registered(String code, Status status, int placeInLine, Seminar seminar) {
    }

    /** A registration as the staff see it. */
    record Registration(long id, String code, String fullName, String phone, String email, Status status, Instant registeredAt,
            Boolean attended) {
    }

    long create(NewSeminar seminar, String staffUser) {
        List<FieldError> errors = new ArrayList<>();
        Kind kind = null;
        try {
            kind = seminar.kind() == null ? Kind.SEMINAR : Kind.valueOf(seminar.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", Texts.get("izgim.seminars.validation.kind")));
        }
        String title = trimmed(seminar.title());
        if (title == null || title.length() > 200) {
            errors.add(new FieldError("title", Texts.get("izgim.seminars.validation.title")));
        }
        if (seminar.startsAt() == null) {
            errors.add(new FieldError("startsAt", Texts.get("izgim.seminars.validation.starts-at")));
        }
        if (seminar.endsAt() == null || seminar.startsAt() != null && !seminar.endsAt().isAfter(seminar.startsAt())) {
            errors.add(new FieldError("endsAt", Texts.get("izgim.seminars.validation.ends-at")));
        }
        String place = trimmed(seminar.place());
        String link = trimmed(seminar.onlineLink());
        if (place == null && link == null) {
            errors.add(new FieldError("place", Texts.get("izgim.seminars.validation.place-or-link")));
        }
        if (link != null && (!link.startsWith("https://") || link.length() > 500)) {
            errors.add(new FieldError("onlineLink", Texts.get("izgim.seminars.validation.online-link")));
        }
        if (seminar.capacity() == null || seminar.capacity() < 1 || seminar.capacity() > 10_000) {
            errors.add(new FieldError("capacity", Texts.get("izgim.seminars.validation.capacity")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        jdbc.update("insert into izs_seminar (kind, title, partner, starts_at, ends_at, place, online_link, capacity, created_by, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            kind.name(), title, trimmed(seminar.partner()), local(seminar.startsAt()), local(seminar.endsAt()), place, link,
            seminar.capacity(), staffUser, Timestamp.from(clock.instant()));
        return jdbc.queryForObject("select max(id) from izs_seminar where created_by = ? and title = ?", Long.class, staffUser, title);
    }

    /** Seminars that have not started yet, soonest first. */
    @Transactional(readOnly = true)
    List<Seminar> upcoming() {
        return jdbc.query(SELECT_SEMINAR + " where s.starts_at > ? order by s.starts_at, s.id", SEMINAR,
            Timestamp.from(clock.instant()));
    }

    @Transactional(readOnly = true)
    List<Seminar> all() {
        return jdbc.query(SELECT_SEMINAR + " order by s.starts_at desc, s.id", SEMINAR);
    }

    @Transactional(readOnly = true)
    Optional<Seminar> find(long id) {
        return jdbc.query(SELECT_SEMINAR + " where s.id = ?", SEMINAR, id).stream().findFirst();
    }

    /**
     * Registers her for a seminar that has not started: a seat while there is one, else the next place in line. The
     * same phone or e-mail cannot hold two registrations of one seminar.
     */
    Registered register(long seminarId, Registrant registrant) {
        List<FieldError> errors = new ArrayList<>();
        String fullName = trimmed(registrant.fullName());
        if (fullName == null || fullName.length() > 120) {
            errors.add(new FieldError("fullName", Texts.get("izgim.seminars.validation.full-name")));
        }
        String phone = null;
        if (trimmed(registrant.phone()) != null) {
            phone = MobilePhone.normalize(registrant.phone());
            if (phone == null) {
                errors.add(new FieldError("phone", Texts.get("izgim.seminars.validation.phone")));
            }
        }
        String email = trimmed(registrant.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", Texts.get("izgim.seminars.validation.email")));
        }
        if (trimmed(registrant.phone()) == null && email == null) {
            errors.add(new FieldError("phone", Texts.get("izgim.seminars.validation.contact")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Seminar seminar = lock(seminarId);
        if (!seminar.startsAt().isAfter(clock.instant())) {
            throw ValidationFailedException.of("seminar", Texts.get("izgim.seminars.validation.started"));
        }
        Integer same = jdbc.queryForObject("select count(*) from izs_registration where seminar_id = ? and status <> 'CANCELLED' "
                + "and (phone = ? or lower(email) = ?)", Integer.class, seminarId, phone,
            email == null ? null : email.toLowerCase(Locale.ROOT));
        if (same != null && same > 0) {
            throw ValidationFailedException.of(phone != null ? "phone" : "email", Texts.get("izgim.seminars.validation.duplicate"));
        }
        Status status = seminar.confirmed() < seminar.capacity() ? Status.CONFIRMED : Status.WAITING;
        Instant now = clock.instant();
        String code = TrackingCodes.generate(CODE_PREFIX);
        jdbc.update("insert into izs_registration (seminar_id, code, full_name, phone, email, status, registered_at, confirmed_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)",
            seminarId, code, fullName, phone, email == null ? null : email.toLowerCase(Locale.ROOT), status.name(),
            Timestamp.from(now), status == Status.CONFIRMED ? Timestamp.from(now) : null);
        int place = status == Status.WAITING ? placeInLine(code) : 0;
        notices.registered(code, seminar, status, place, phone, email, fullName);
        return new Registered(code, status, place, seminar);
    }

    /**
     * Cancels her registration by its code. A freed seat of a seminar that has not started goes to the first in line,
     * who is told. Returns the cancelled registration's seminar, empty when the code is unknown or already cancelled.
     */
    Optional<Seminar> cancel(String code) {
        String wanted = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (!TrackingCodes.isWellFormed(wanted)) {
            return Optional.empty();
        }
        List<Long> seminarIds = jdbc.queryForList("select seminar_id from izs_registration where code = ?", Long.class, wanted);
        if (seminarIds.isEmpty()) {
            return Optional.empty();
        }
        Seminar seminar = lock(seminarIds.get(0));
        String status = jdbc.queryForObject("select status from izs_registration where code = ?", String.class, wanted);
        if (Status.CANCELLED.name().equals(status)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        jdbc.update("update izs_registration set status = 'CANCELLED', cancelled_at = ? where code = ?", Timestamp.from(now), wanted);
        if (Status.CONFIRMED.name().equals(status) && seminar.startsAt().isAfter(now)) {
            moveUpFirstInLine(seminar, now);
        }
        return find(seminar.id());
    }

    private void moveUpFirstInLine(Seminar seminar, Instant now) {
        List<Registration> first = jdbc.query(SELECT_REGISTRATION + " where seminar_id = ? and status = 'WAITING' order by id",
            REGISTRATION, seminar.id());
        if (first.isEmpty()) {
            return;
        }
        Registration next = first.get(0);
        jdbc.update("update izs_registration set status = 'CONFIRMED', confirmed_at = ? where id = ?", Timestamp.from(now), next.id());
        notices.movedUp(next.code(), seminar, next.phone(), next.email(), next.fullName());
    }

    /** Records whether a confirmed registrant attended a seminar that has started. */
    void recordAttendance(long seminarId, long registrationId, Boolean attended) {
        if (attended == null) {
            throw ValidationFailedException.of("attended", Texts.get("izgim.seminars.validation.attended"));
        }
        Seminar seminar = find(seminarId).orElseThrow(() -> new java.util.NoSuchElementException(String.valueOf(seminarId)));
        if (seminar.startsAt().isAfter(clock.instant())) {
            throw ValidationFailedException.of("attended", Texts.get("izgim.seminars.validation.not-started"));
        }
        int updated = jdbc.update("update izs_registration set attended = ? where id = ? and seminar_id = ? and status = 'CONFIRMED'",
            attended, registrationId, seminarId);
        if (updated == 0) {
            throw ValidationFailedException.of("registrationId", Texts.get("izgim.seminars.validation.not-confirmed"));
        }
    }

    /** A seminar's registrations, seats first then the line, each in order of registration. */
    @Transactional(readOnly = true)
    List<Registration> registrations(long seminarId) {
        return jdbc.query(SELECT_REGISTRATION + " where seminar_id = ? order by case status when 'CONFIRMED' then 0 "
            + "when 'WAITING' then 1 else 2 end, id", REGISTRATION, seminarId);
    }

    private int placeInLine(String code) {
        return jdbc.queryForObject("select count(*) from izs_registration w join izs_registration r on r.seminar_id = w.seminar_id "
            + "where r.code = ? and w.status = 'WAITING' and w.id <= r.id", Integer.class, code);
    }

    /** The seminar, its row locked until the transaction ends (seats are counted after the lock). */
    private Seminar lock(long seminarId) {
        List<Long> locked = jdbc.queryForList("select id from izs_seminar where id = ? for update", Long.class, seminarId);
        if (locked.isEmpty()) {
            throw new java.util.NoSuchElementException(String.valueOf(seminarId));
        }
        return find(seminarId).orElseThrow();
    }

    private static final String SELECT_SEMINAR = "select s.id, s.kind, s.title, s.partner, s.starts_at, s.ends_at, s.place, "
        + "s.online_link, s.capacity, "
        + "(select count(*) from izs_registration r where r.seminar_id = s.id and r.status = 'CONFIRMED') as confirmed, "
        + "(select count(*) from izs_registration r where r.seminar_id = s.id and r.status = 'WAITING') as waiting "
        + "from izs_seminar s";

    private static final RowMapper<Seminar> SEMINAR = (rs, row) -> new Seminar(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
        rs.getString("title"), rs.getString("partner"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("place"),
        rs.getString("online_link"), rs.getInt("capacity"), rs.getInt("confirmed"), rs.getInt("waiting"));

    private static final String SELECT_REGISTRATION = "select id, code, full_name, phone, email, status, registered_at, attended "
        + "from izs_registration";

    private static final RowMapper<Registration> REGISTRATION = (rs, row) -> new Registration(rs.getLong("id"), rs.getString("code"),
        rs.getString("full_name"), rs.getString("phone"), rs.getString("email"), Status.valueOf(rs.getString("status")),
        instant(rs, "registered_at"), (Boolean) rs.getObject("attended"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static Timestamp local(LocalDateTime time) {
        return Timestamp.from(time.atZone(ClockConfiguration.ISTANBUL).toInstant());
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
