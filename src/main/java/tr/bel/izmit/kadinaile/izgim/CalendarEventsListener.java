package tr.bel.izmit.kadinaile.izgim;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Messages;
import tr.bel.izmit.kadinaile.izgim.calendar.SeriesFinished;
import tr.bel.izmit.kadinaile.izgim.calendar.TwoNoShowsInARow;

/**
 * The calendar's events move the case on: its message is correlated by business key (the case key) as the application
 * (people may not correlate messages: {@code engine.HumanCommandGuard}), in the transaction that published the event,
 * so the attendance record and the process move commit or fail together. An event for a case that is not waiting for
 * it (already at the no-show confirmation, closed) changes nothing.
 */
@Component
class CalendarEventsListener {

    private final RuntimeService runtimeService;
    private final TechnicalEngineCalls technical;

    CalendarEventsListener(RuntimeService runtimeService, TechnicalEngineCalls technical) {
        this.runtimeService = runtimeService;
        this.technical = technical;
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
}
