package tr.bel.izmit.kadinaile.producers.stands;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.producers.Producer;
import tr.bel.izmit.kadinaile.producers.Producers;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Messages;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Vars;

/**
 * Stand requests: registration with the domain rules, handing out places in the rotation's order, confirmation,
 * decline and cancellation (each of which frees the place for the next request in line).
 */
@Service("standRequests")
@Transactional
public class StandRequests {

    /** Places are handed out this many days before the stand day, at {@link #ALLOCATION_TIME}. */
    static final int ALLOCATION_DAYS_BEFORE = 3;
    static final LocalTime ALLOCATION_TIME = LocalTime.of(10, 0);
    /** How far ahead a stand can be requested. */
    static final int MAX_DAYS_AHEAD = 120;

    private final StandBookings bookings;
    private final Producers producers;
    private final RuntimeService runtimeService;
    private final Clock clock;

    StandRequests(StandBookings bookings, Producers producers, @Lazy RuntimeService runtimeService, Clock clock) {
        this.bookings = bookings;
        this.producers = producers;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** A registered request with what the process needs. */
    public record Registered(StandRequest request, Producer producer, StandLocation location) {
    }

    /** Checks a request against the domain rules and stores it; nothing is stored when a rule fails. */
    public Registered register(Map<String, Object> values, String processInstanceId) {
        Producer producer = producers.verifiedForStands(text(values, Vars.PRODUCER_CODE), text(values, Vars.VERIFICATION_CODE),
            Vars.PRODUCER_CODE);
        List<FieldError> errors = new ArrayList<>();
        Optional<StandLocation> location = bookings.location(text(values, Vars.LOCATION)).filter(StandLocation::active);
        if (location.isEmpty()) {
            errors.add(new FieldError(Vars.LOCATION, "Bilinmeyen stant yeri."));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date(values.get(Vars.STAND_DATE));
        if (day == null) {
            errors.add(new FieldError(Vars.STAND_DATE, Texts.get("stands.validation.date.invalid")));
        } else if (!day.isAfter(today)) {
            errors.add(new FieldError(Vars.STAND_DATE, Texts.get("stands.validation.date.too-early")));
        } else if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.add(new FieldError(Vars.STAND_DATE, Texts.get("stands.validation.date.too-late", String.valueOf(MAX_DAYS_AHEAD))));
        }
        if (location.isPresent() && day != null && errors.isEmpty()) {
            StandLocation place = location.get();
            if (place.kind() == StandLocation.Kind.FESTIVAL) {
                List<LocalDate> days = bookings.eventDays(place.code());
                if (!days.contains(day)) {
                    String upcoming = days.stream().filter(d -> d.isAfter(today)).map(TurkishFormats.DATE::format)
                        .collect(Collectors.joining(", "));
                    errors.add(new FieldError(Vars.STAND_DATE, upcoming.isEmpty() ? Texts.get("stands.validation.festival.not-on-day", place.name())
                        : Texts.get("stands.validation.festival.not-on-day.upcoming", place.name(), upcoming)));
                }
            }
            if (place.kind() == StandLocation.Kind.VILLAGE_MARKET && StandRotation.village(producer.getNeighbourhood()).isEmpty()) {
                errors.add(new FieldError(Vars.LOCATION, Texts.get("stands.validation.village-market.only-villagers", place.name(),
                    String.join(", ", StandRotation.KARAABDULBAKI_VILLAGES))));
            }
            if (bookings.hasActiveRequest(producer.getId(), day)) {
                errors.add(new FieldError(Vars.STAND_DATE, Texts.get("stands.validation.date.taken")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        StandLocation place = location.get();
        bookings.ensureDay(place.code(), day, place.capacity());
        String trackingCode;
        do {
            trackingCode = TrackingCodes.generate(MarketStandProcess.TRACKING_PREFIX);
        } while (bookings.trackingCodeExists(trackingCode));
        String note = text(values, Vars.NOTE);
        long id = bookings.insertRequest(trackingCode, processInstanceId, producer.getId(), place.code(), day,
            note == null || note.isBlank() ? null : note);
        return new Registered(bookings.request(id), producer, place);
    }

    /** When places for the day are handed out: three days before at 10:00, or now for a late request. */
    public Date allocationAt(LocalDate day) {
        ZonedDateTime planned = day.minusDays(ALLOCATION_DAYS_BEFORE).atTime(ALLOCATION_TIME).atZone(ClockConfiguration.ISTANBUL);
        ZonedDateTime now = ZonedDateTime.now(clock);
        return Date.from((planned.isAfter(now) ? planned : now).toInstant());
    }

    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }

    /**
     * Hands out the free places of the request's location and day to the waiting requests, in the rotation's
     * order, under a lock of the day's row (so concurrent allocations of the same day queue up). Requests other
     * than {@code requestId} that got a place and wait for one are told by message.
     *
     * @return whether the request itself now holds a place
     */
    public boolean allocate(long requestId) {
        StandRequest request = bookings.request(requestId);
        if (request.status() == StandRequest.Status.WAITING) {
            List<Long> held = allocate(request.locationCode(), request.standDate());
            held.stream().filter(id -> id != requestId).forEach(this::offer);
        }
        return bookings.request(requestId).status() == StandRequest.Status.HELD;
    }

    List<Long> allocate(String locationCode, LocalDate day) {
        int free = bookings.lockDay(locationCode, day);
        List<Long> held = new ArrayList<>();
        if (free <= 0) {
            return held;
        }
        boolean villageMarket = bookings.location(locationCode).map(l -> l.kind() == StandLocation.Kind.VILLAGE_MARKET).orElse(false);
        for (StandRotation.Candidate candidate : StandRotation.order(bookings.waiting(locationCode, day), day, villageMarket)) {
            if (held.size() >= free) {
                break;
            }
            if (bookings.book(candidate, locationCode, day)) {
                held.add(candidate.requestId());
            }
        }
        return held;
    }

    /** Tells a request on the waiting list that a place is held for it (if its process waits for that). */
    private void offer(long requestId) {
        StandRequest request = bookings.request(requestId);
        boolean waiting = runtimeService.createEventSubscriptionQuery().processInstanceId(request.processInstanceId())
            .eventName(Messages.PLACE_OFFERED).count() > 0;
        if (waiting) {
            runtimeService.createMessageCorrelation(Messages.PLACE_OFFERED).processInstanceId(request.processInstanceId()).correlate();
        }
    }

    public void confirm(long requestId) {
        StandRequest request = bookings.request(requestId);
        if (request.status() != StandRequest.Status.HELD) {
            throw ValidationFailedException.of(Vars.CONFIRMATION, Texts.get("stands.confirmation.no-place"));
        }
        bookings.setStatus(requestId, StandRequest.Status.CONFIRMED, null);
    }

    /** A coordinator declines: the place goes to the next request in line. */
    public void decline(long requestId, String reason) {
        endAndPassOn(requestId, StandRequest.Status.DECLINED, reason);
    }

    /** The producer cancels: the place goes to the next request in line. */
    public void cancelByProducer(long requestId) {
        endAndPassOn(requestId, StandRequest.Status.CANCELLED, Texts.get("stands.decline-reason.cancelled-by-producer"));
    }

    /**
     * No place came free, or the held place was not confirmed, before the stand day began: the request ends
     * (a held place is freed, too late to pass on).
     */
    public void noPlace(long requestId) {
        bookings.release(requestId, StandRequest.Status.NO_PLACE, null);
    }

    private void endAndPassOn(long requestId, StandRequest.Status status, String reason) {
        StandRequest request = bookings.request(requestId);
        bookings.release(requestId, status, reason);
        if (request.status().holdsPlace() && request.standDate().isAfter(LocalDate.now(clock))) {
            allocate(request.locationCode(), request.standDate()).forEach(this::offer);
        }
    }

    @Transactional(readOnly = true)
    public StandRequest get(long requestId) {
        return bookings.request(requestId);
    }

    public long standDaysThisMonth(long requestId) {
        StandRequest request = bookings.request(requestId);
        return bookings.standDaysInMonth(request.producerId(), request.standDate());
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString().strip();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate local) {
            return local;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ClockConfiguration.ISTANBUL).toLocalDate();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
