package tr.bel.izmit.kadinaile.microcredit;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Who may call the microcredit staff API: the İZGİM officers record the documents, the finance officers the
 * repayments; a loan may be read by both and by the managers.
 */
@Component
class MicrocreditStaffRules implements StaffRules {

    @Override
    public void declare(Declarations rules) {
        String officers = StaffGroup.IZGIM_OFFICERS.id();
        String finance = MicrocreditIdentityContribution.FINANCE_OFFICERS.id();
        rules.allow(HttpMethod.POST, "/api/staff/microcredit/applications/*/documents-submitted", officers)
            .allow(HttpMethod.GET, "/api/staff/microcredit/loans/*", finance, officers, StaffGroup.MANAGERS.id())
            .allow(HttpMethod.POST, "/api/staff/microcredit/loans/*/installments/*/payment", finance);
    }
}
