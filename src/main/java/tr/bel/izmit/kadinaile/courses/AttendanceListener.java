package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/** When the instructor completes "Devam durumunu kaydet": records the hours and whether they earn the certificate. */
@Component("courseAttendance")
class AttendanceListener implements TaskListener {

    private final CourseApplications applications;

    AttendanceListener(CourseApplications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        int absentHours = ((Number) task.getVariable(Vars.ABSENT_HOURS)).intValue();
        boolean sufficient = applications.recordAttendance((Long) task.getVariable(Vars.APPLICATION_ID), absentHours);
        task.getExecution().setVariable(Vars.ATTENDANCE_SUFFICIENT, sufficient);
    }
}
