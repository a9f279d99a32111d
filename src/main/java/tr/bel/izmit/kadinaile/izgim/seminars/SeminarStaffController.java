package tr.bel.izmit.kadinaile.izgim.seminars;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The seminars' staff API (İZGİM officers only, {@link SeminarStaffRules}): create a seminar, list seminars and a
 * seminar's registrations (seats, then the line), record attendance.
 */
@RestController
class SeminarStaffController {

    static final String PATH = "/api/staff/izgim/seminars";

    private final Seminars seminars;

    SeminarStaffController(Seminars seminars) {
        this.seminars = seminars;
    }

    @PostMapping(PATH)
    ResponseEntity<Seminars.Seminar> create(@RequestBody Seminars.NewSeminar seminar, Principal caller) {
        long id = seminars.create(seminar, caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(seminars.find(id).orElseThrow());
    }

    @GetMapping(PATH)
    List<Seminars.Seminar> all() {
        return seminars.all();
    }

    @GetMapping(PATH + "/{id}/registrations")
    List<Seminars.Registration> registrations(@PathVariable long id) {
        seminars.find(id).orElseThrow(() -> new NoSuchElementException(String.valueOf(id)));
        return seminars.registrations(id);
    }

    record Attendance(Boolean attended) {
    }

    @PutMapping(PATH + "/{id}/registrations/{registrationId}/attendance")
    Map<String, String> attendance(@PathVariable long id, @PathVariable long registrationId, @RequestBody Attendance attendance) {
        seminars.recordAttendance(id, registrationId, attendance.attended());
        return Map.of("message", Texts.get("izgim.seminars.attendance.recorded"));
    }
}
