package tr.bel.izmit.kadinaile.izgim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.izgim.calendar.SessionCalendar;

/** At closure: the case's future sessions are cancelled in the calendar, which offers the freed slots to those waiting. */
@Component("counsellingSeriesCancel")
class SeriesCancelDelegate implements JavaDelegate {

    private final ObjectProvider<SessionCalendar> calendar;

    SeriesCancelDelegate(ObjectProvider<SessionCalendar> calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calendar.getObject().cancelSeries(execution.getProcessBusinessKey());
    }
}
