package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;

/** "Kontenjanı serbest bırak": the withdrawing applicant's seat goes to the first in line (message SeatReleased). */
@Component("courseSeatRelease")
class SeatReleaseDelegate implements JavaDelegate {

    private final CourseSeats seats;

    SeatReleaseDelegate(CourseSeats seats) {
        this.seats = seats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        seats.release(Typed.APPLICATION_ID.from(execution).get());
    }
}
