package tr.bel.izmit.kadinaile.izgim.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.validation.MobilePhone;

/**
 * İZGİM's children's library: a parent registers her child at the desk (an İZGİM officer enters it; the card is
 * handed over there), the staff record visits of registered children by card number and anonymous visitors as a
 * count per day. A plain record, not a process: nothing waits for anyone and nothing is routed. The child's data is
 * the least the library needs (first name, birth year; the parent's name and phone for a lost card), encrypted at rest
 * with İZGİM's key ({@link LibraryChild}), and is served only to İZGİM officers ({@link LibraryStaffRules}, the desk
 * pages {@link LibraryDeskPages}); the figures leave only as counts.
 */
@Service
@Transactional
class ChildrensLibrary {

    /** The version of the consent text the parent agreed to ({@code izgim.library.consent.text}). */
    static final String CONSENT_VERSION = "2026-1";
    static final String CARD_PREFIX = "KK";
    static final int MAX_ANONYMOUS_VISITORS = 500;

    private final JdbcTemplate jdbc;
    private final LibraryChildRepository children;
    private final Clock clock;

    ChildrensLibrary(JdbcTemplate jdbc, LibraryChildRepository children, Clock clock) {
        this.jdbc = jdbc;
        this.children = children;
        this.clock = clock;
    }

    /** What the parent gives at the desk; {@code consent} is her agreement to the consent text. */
    record Registration(String firstName, Integer birthYear, String parentName, String parentPhone, Boolean consent) {
    }

    record Child(String cardNumber, String firstName, int birthYear, String parentName, String parentPhone,
            String consentVersion, Instant consentAt, Instant registeredAt) {
    }

    /** Registers a child and gives her a new membership card number; every broken rule is named at its field. */
    Child register(Registration registration, String staffUser) {
        List<FieldError> errors = new ArrayList<>();
        String firstName = trimmed(registration.firstName());
        if (firstName == null) {
            errors.add(new FieldError("firstName", Texts.get("izgim.library.validation.first-name")));
        } else if (firstName.length() > 60) {
            errors.add(new FieldError("firstName", Texts.get("izgim.library.validation.first-name.length")));
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (registration.birthYear() == null || registration.birthYear() > thisYear || registration.birthYear() < thisYear - 17) {
            errors.add(new FieldError("birthYear", Texts.get("izgim.library.validation.birth-year", thisYear - 17, thisYear)));
        }
        String parentName = trimmed(registration.parentName());
        if (parentName == null || parentName.length() > 120) {
            errors.add(new FieldError("parentName", Texts.get("izgim.library.validation.parent-name")));
        }
        String phone = MobilePhone.normalize(registration.parentPhone());
        if (phone == null) {
            errors.add(new FieldError("parentPhone", Texts.get("izgim.library.validation.parent-phone")));
        }
        if (!Boolean.TRUE.equals(registration.consent())) {
            errors.add(new FieldError("consent", Texts.get("izgim.library.validation.consent")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        LibraryChild child = children.save(new LibraryChild(TrackingCodes.generate(CARD_PREFIX), firstName, registration.birthYear(),
            parentName, phone, CONSENT_VERSION, staffUser, clock.instant()));
        return child.toChild();
    }

    @Transactional(readOnly = true)
    Optional<Child> byCard(String cardNumber) {
        String card = normalizedCard(cardNumber);
        return card == null ? Optional.empty() : children.findByCardNumber(card).map(LibraryChild::toChild);
    }

    /** One line of a day's visits as the desk lists them: when, a registered child or anonymous visitors, how many. */
    record DayVisit(Instant recordedAt, boolean registeredChild, int visitors, String recordedBy) {
    }

    /** The visits recorded for a day, in the order they were recorded: counts only, no child named. */
    @Transactional(readOnly = true)
    List<DayVisit> visitsOn(LocalDate day) {
        return jdbc.query("select recorded_at, child_id, visitors, recorded_by from izl_visit where visit_day = ? order by recorded_at, id",
            (rs, row) -> new DayVisit(rs.getTimestamp(1).toInstant(), rs.getObject(2) != null, rs.getInt(3), rs.getString(4)), day);
    }

    /** The days a registered child visited, the latest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    List<LocalDate> visitDays(String cardNumber, int limit) {
        String card = normalizedCard(cardNumber);
        if (card == null) {
            return List.of();
        }
        return jdbc.query("select v.visit_day from izl_visit v join izl_child c on c.id = v.child_id where c.card_number = ? "
                + "order by v.visit_day desc", (rs, row) -> rs.getObject(1, LocalDate.class), card).stream().limit(limit).toList();
    }

    /**
     * Records a registered child's visit of a day (today when none is given). A second record of the same child on
     * the same day changes nothing: she visited once that day. Returns whether the visit is new.
     */
    boolean recordVisit(String cardNumber, LocalDate day, String staffUser) {
        String card = normalizedCard(cardNumber);
        List<Long> ids = card == null ? List.of()
            : jdbc.queryForList("select id from izl_child where card_number = ?", Long.class, card);
        if (ids.isEmpty()) {
            throw ValidationFailedException.of("cardNumber", Texts.get("izgim.library.validation.card-unknown"));
        }
        LocalDate visitDay = visitDay(day);
        if (jdbc.queryForObject("select count(*) from izl_visit where child_id = ? and visit_day = ?", Integer.class,
                ids.get(0), visitDay) > 0) {
            return false;
        }
        try {
            jdbc.update("insert into izl_visit (visit_day, child_id, visitors, recorded_by, recorded_at) values (?, ?, 1, ?, ?)",
                visitDay, ids.get(0), staffUser, Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException recordedAtTheSameMoment) {
            // the other desk recorded the same visit: she visited once that day
            return false;
        }
    }

    /** Records anonymous visitors of a day (today when none is given), added to those recorded before. */
    void recordAnonymousVisitors(LocalDate day, Integer visitors, String staffUser) {
        if (visitors == null || visitors < 1 || visitors > MAX_ANONYMOUS_VISITORS) {
            throw ValidationFailedException.of("visitors", Texts.get("izgim.library.validation.visitors", MAX_ANONYMOUS_VISITORS));
        }
        jdbc.update("insert into izl_visit (visit_day, child_id, visitors, recorded_by, recorded_at) values (?, null, ?, ?, ?)",
            visitDay(day), visitors, staffUser, Timestamp.from(clock.instant()));
    }

    private LocalDate visitDay(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day != null && day.isAfter(today)) {
            throw ValidationFailedException.of("day", Texts.get("izgim.library.validation.day-future"));
        }
        return day == null ? today : day;
    }

    private static String normalizedCard(String cardNumber) {
        String card = cardNumber == null ? null : cardNumber.strip().toUpperCase(java.util.Locale.ROOT);
        return TrackingCodes.isWellFormed(card) && card.startsWith(CARD_PREFIX + "-") ? card : null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
