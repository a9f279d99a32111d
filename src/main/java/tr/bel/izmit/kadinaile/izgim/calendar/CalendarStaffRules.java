package tr.bel.izmit.kadinaile.izgim.calendar;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.izgim.IzgimGroups;

/**
 * Who may call the calendar's staff API: attendance and "Seanslarım" ({@code my-sessions}) only the professionals and
 * their supervisors (the controller then admits only the session's own professional or a supervisor); reading
 * calendars, cancelling a session and adding and lifting closures also the İZGİM officers who run the desk; setting a
 * professional's working hours and rooms only the supervisors (reading them as reading her calendar).
 */
@Component
class CalendarStaffRules implements StaffRules {

    @Override
    public List<String> confidentialPaths() {
        // the calendar's sessions and the clients' own appointment page belong to the counselling cases
        return List.of("/api/staff/izgim/calendar", "/basvuru/randevu");
    }

    @Override
    public void declare(Declarations rules) {
        String[] professionals = {IzgimGroups.PSYCHOLOGISTS.id(), IzgimGroups.CHILD_PSYCHOLOGISTS.id(), IzgimGroups.DIETITIANS.id(),
            IzgimGroups.COUNSELLING_SUPERVISORS.id()};
        String[] desk = {IzgimGroups.PSYCHOLOGISTS.id(), IzgimGroups.CHILD_PSYCHOLOGISTS.id(), IzgimGroups.DIETITIANS.id(),
            IzgimGroups.COUNSELLING_SUPERVISORS.id(), StaffGroup.IZGIM_OFFICERS.id()};
        // "Seanslarım" in Tasklist: the professionals' own sessions (the desk has none)
        rules.allow(HttpMethod.GET, "/api/staff/izgim/calendar/my-sessions", professionals);
        rules.allow(HttpMethod.POST, "/api/staff/izgim/calendar/sessions/*/attendance", professionals)
            .allow(HttpMethod.POST, "/api/staff/izgim/calendar/closures", IzgimGroups.COUNSELLING_SUPERVISORS.id(),
                StaffGroup.IZGIM_OFFICERS.id())
            .allow(HttpMethod.DELETE, "/api/staff/izgim/calendar/closures/*", IzgimGroups.COUNSELLING_SUPERVISORS.id(),
                StaffGroup.IZGIM_OFFICERS.id())
            .allow(HttpMethod.PUT, "/api/staff/izgim/calendar/working-hours/*", IzgimGroups.COUNSELLING_SUPERVISORS.id())
            .allow("/api/staff/izgim/calendar/**", desk);
    }
}
