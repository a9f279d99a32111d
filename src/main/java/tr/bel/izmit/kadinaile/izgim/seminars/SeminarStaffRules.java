package tr.bel.izmit.kadinaile.izgim.seminars;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/** Seminars and their registrations (names and contacts): İZGİM officers only; managers see counts in the report. */
@Component
class SeminarStaffRules implements StaffRules {

    @Override
    public void declare(Declarations rules) {
        rules.allow(SeminarStaffController.PATH, StaffGroup.IZGIM_OFFICERS.id())
            .allow(SeminarStaffController.PATH + "/**", StaffGroup.IZGIM_OFFICERS.id());
    }
}
