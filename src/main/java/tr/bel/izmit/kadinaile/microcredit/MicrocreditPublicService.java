package tr.bel.izmit.kadinaile.microcredit;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;

/**
 * İZGİM microcredit on the public portal: its start form, status milestones and withdrawal; the texts are
 * {@code portal.microcredit-application.*} in the message bundle.
 */
@Component
class MicrocreditPublicService extends PublicServiceSupport {

    MicrocreditPublicService(MicrocreditCaseActions actions) {
        super(MicrocreditProcess.KEY, MicrocreditProcess.Forms.START, "MK", 10,
            List.of(Elements.START, Elements.CHECK_ELIGIBILITY, Elements.END_INELIGIBLE, Elements.CHECK_DOCUMENTS,
                Elements.NOTIFY_DOCUMENTS_MISSING, Elements.DOCUMENTS_SUBMITTED, Elements.END_WITHDRAWN,
                Elements.ASSESS_BUSINESS_PLAN, Elements.COMMITTEE_DECISION, Elements.MANAGER_APPROVAL, Elements.END_REJECTED,
                Elements.DISBURSE_LOAN, Elements.REPAYMENT, Elements.END_LOAN_REPAID, Elements.END_WITHDRAWN_BY_APPLICANT),
            new Withdrawal(Elements.WITHDRAWABLE_AT, actions::withdrawByApplicant));
    }
}
