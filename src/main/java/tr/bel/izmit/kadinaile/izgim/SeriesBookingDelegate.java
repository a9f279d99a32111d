package tr.bel.izmit.kadinaile.izgim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Typed;
import tr.bel.izmit.kadinaile.izgim.calendar.BookedSession;
import tr.bel.izmit.kadinaile.izgim.calendar.CalendarFullException;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.izgim.calendar.SessionCalendar;

/**
 * Books the series the professional planned into her calendar (the {@code calendar} bean, {@link SessionCalendar}),
 * from the next day on. A full calendar is the BPMN error {@value CounsellingProcess#ERROR_CALENDAR_FULL}: the case
 * waits on a timer ({@link #retryDelay()}, a day by default) and tries again (the model's {@code Event_RetryBooking}). The calendar is looked up when the job
 * runs, so that the application starts without one; a missing calendar is an incident, never a silent skip. Public:
 * the model calls {@link #retryDelay()} by expression.
 */
@Component("counsellingSeriesBooking")
public class SeriesBookingDelegate implements JavaDelegate {

    private final ObjectProvider<SessionCalendar> calendar;
    private final Clock clock;
    private final IzgimProperties properties;

    SeriesBookingDelegate(ObjectProvider<SessionCalendar> calendar, Clock clock, IzgimProperties properties) {
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
    }

    /** The wait before the next attempt on a full calendar (ISO-8601, the model's retry timer): {@code app.izgim.booking-retry}. */
    public String retryDelay() {
        return properties.bookingRetry().toString();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseKey = execution.getProcessBusinessKey();
        int sessions = Typed.SESSION_COUNT.from(execution).get().intValue();
        List<BookedSession> booked;
        try {
            booked = calendar.getObject().bookSeries(caseKey, Typed.TRACKING_CODE.from(execution).get(),
                CounsellingService.valueOf(Typed.SERVICE.from(execution).get()), Typed.PROFESSIONAL_ID.from(execution).get(),
                sessions, LocalDate.now(clock).plusDays(1));
        } catch (CalendarFullException e) {
            throw new BpmnError(CounsellingProcess.ERROR_CALENDAR_FULL, "no free slot for the series");
        }
        Typed.BOOKED_SESSIONS.on(execution).set((long) booked.size());
        Typed.SERIES_NUMBER.on(execution).set(Typed.SERIES_NUMBER.from(execution).getOrDefault(0L) + 1);
    }
}
