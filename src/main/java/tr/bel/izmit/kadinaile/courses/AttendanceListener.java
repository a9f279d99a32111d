package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;

/** When the instructor completes "Devam durumunu kaydet": records the hours and whether they earn the certificate. */
@Component("courseAttendance")
class AttendanceListener implements TaskListener {

    private final CourseApplications applications;

    AttendanceListener(CourseApplications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        int absentHours = Typed.ABSENT_HOURS.from(task).get().intValue();
        boolean sufficient = applications.recordAttendance(Typed.APPLICATION_ID.from(task).get(), absentHours);
        Typed.ATTENDANCE_SUFFICIENT.on(task.getExecution()).set(sufficient);
    }
}
