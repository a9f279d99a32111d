package tr.bel.izmit.kadinaile.izgim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/** Requests as the start form sends them, with distinctive values (canaries) for the scans. */
final class CounsellingTestData {

    static final String NAME_CANARY = "Gülbahar Kanaryaoğlu";
    static final String PHONE = "05327770011";
    static final String REASON_CANARY = "Kanarya-basvuru-nedeni-2309";
    static final String CHILD_REASON_CANARY = "Kanarya-cocuk-kaydi-2309";
    static final String NOTE_CANARY = "Kanarya-seans-notu-2309";

    private CounsellingTestData() {
    }

    static Map<String, Object> request(CounsellingService service) {
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.SERVICE, service.name());
        values.put(Vars.FULL_NAME, NAME_CANARY);
        values.put(Vars.PHONE, PHONE);
        values.put(Vars.EMAIL, "gulbahar@example.org");
        values.put(Vars.REASON, service == CounsellingService.CHILD_PSYCHOLOGY ? CHILD_REASON_CANARY : REASON_CANARY);
        values.put(Vars.PREFERRED_TIMES, List.of("WEEKDAY_MORNING"));
        values.put(Vars.KVKK_CONSENT, true);
        if (service == CounsellingService.CHILD_PSYCHOLOGY) {
            values.put(Vars.CHILD_AGE, 9);
            values.put(Vars.GUARDIAN_CONSENT, true);
        }
        return values;
    }
}
