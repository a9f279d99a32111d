package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Decisions;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;

/** "Kontenjandan yer ayır": a seat or a place in line, under the course row's lock (see {@link CourseSeats}). */
@Component("courseSeatReservation")
class SeatReservationDelegate implements JavaDelegate {

    private final CourseSeats seats;

    SeatReservationDelegate(CourseSeats seats) {
        this.seats = seats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CourseSeats.Placement placement = seats.reserve(Typed.APPLICATION_ID.from(execution).get());
        Typed.PLACEMENT.on(execution).set(placement.enrolled() ? Decisions.ENROLLED : Decisions.WAITLISTED);
        Typed.WAITLIST_POSITION.on(execution).set((long) placement.waitlistPosition());
    }
}
