package tr.bel.izmit.kadinaile.izgim;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Messages;
import tr.bel.izmit.kadinaile.izgim.calendar.SeriesFinished;
import tr.bel.izmit.kadinaile.izgim.calendar.TwoNoShowsInARow;
import tr.bel.izmit.kadinaile.izgim.calendar.WaitingSeriesBooked;

/**
 * The calendar's events move the case on: its message is correlated by business key (the case key) as the application
 * (people may not correlate messages: {@code engine.HumanCommandGuard}), in the transaction that published the event,
 * so the attendance record and the process move commit or fail together. An event for a case that is not waiting for
 * it (already at the no-show confirmation, closed) changes nothing. A series the waiting line booked for a case
 * ({@link WaitingSeriesBooked}) makes its retry timer due at once, so the case takes the series over now rather than
 * the next day.
 */
@Component
class CalendarEventsListener {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TechnicalEngineCalls technical;
    private final Clock clock;

    CalendarEventsListener(RuntimeService runtimeService, ManagementService managementService, TechnicalEngineCalls technical,
            Clock clock) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.technical = technical;
        this.clock = clock;
    }

    @EventListener
    void seriesFinished(SeriesFinished event) {
        correlate(Messages.SERIES_FINISHED, event.caseKey());
    }

    @EventListener
    void twoNoShows(TwoNoShowsInARow event) {
        correlate(Messages.TWO_NO_SHOWS, event.caseKey());
    }

    private void correlate(String message, String caseKey) {
        if (caseKey == null || !caseKey.startsWith(CounsellingProcess.TRACKING_PREFIX + "-")) {
            return;
        }
        technical.run(() -> runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseKey)
            .correlateAllWithResult());
    }

    @EventListener
    void waitingSeriesBooked(WaitingSeriesBooked event) {
        String caseKey = event.caseKey();
        if (caseKey == null || !caseKey.startsWith(CounsellingProcess.TRACKING_PREFIX + "-")) {
            return;
        }
        technical.run(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(CounsellingProcess.KEY)
            .processInstanceBusinessKey(caseKey).list().forEach(instance -> {
                for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId())
                        .activityId(CounsellingProcess.Elements.RETRY_BOOKING).timers().list()) {
                    managementService.setJobDuedate(timer.getId(), Date.from(clock.instant()));
                }
            }));
    }
}
