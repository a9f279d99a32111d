package tr.bel.izmit.kadinaile.izgim.library;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/** The children's library desk: İZGİM officers only (a child's data is theirs alone; managers see counts). */
@Component
class LibraryStaffRules implements StaffRules {

    @Override
    public void declare(Declarations rules) {
        rules.allow(LibraryStaffController.PATH + "/**", StaffGroup.IZGIM_OFFICERS.id());
    }
}
