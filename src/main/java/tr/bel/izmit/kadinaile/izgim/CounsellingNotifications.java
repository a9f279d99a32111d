package tr.bel.izmit.kadinaile.izgim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Typed;
import tr.bel.izmit.kadinaile.notification.ApplicantNotices;
import tr.bel.izmit.kadinaile.notification.NoticeSource;

/**
 * The client's notices, by SMS (and e-mail where she gave one) through the outbox, each once per case: the templates
 * {@code notification.izgim.*}. They name neither the service nor a health matter, only İZGİM and the tracking code,
 * since someone else may read her phone; a referral to the violence line sends no notice at all.
 */
@Service
@Transactional
class CounsellingNotifications implements NoticeSource {

    static final String CAPABILITY = "izgim";

    enum Template {
        RECEIVED,
        ASSIGNED,
        REFERRED_OUT,
        SERIES_BOOKED,
        CLOSED
    }

    private final CounsellingCases cases;
    private final ApplicantNotices notices;

    CounsellingNotifications(CounsellingCases cases, ApplicantNotices notices) {
        this.cases = cases;
        this.notices = notices;
    }

    @Override
    public String processKey() {
        return CounsellingProcess.KEY;
    }

    /** The request arrived: sent from the start's own transaction (the intake does not wait for a job). */
    void received(Long caseId, String trackingCode) {
        notices.send("izgim:" + caseId + ":" + Template.RECEIVED, cases.addressee(caseId), CAPABILITY, Template.RECEIVED.name(),
            trackingCode);
    }

    @Override
    public void send(DelegateExecution execution, String template) {
        Template notice = Template.valueOf(template);
        Long caseId = Typed.CASE_ID.from(execution).get();
        String code = Typed.TRACKING_CODE.from(execution).get();
        String dedup = "izgim:" + caseId + ":" + notice;
        Object[] arguments = {code};
        if (notice == Template.SERIES_BOOKED) {
            dedup += ":" + Typed.SERIES_NUMBER.from(execution).getOrDefault(0L);
            arguments = new Object[] {code, String.valueOf(Typed.BOOKED_SESSIONS.from(execution).getOrDefault(0L))};
        }
        notices.send(dedup, cases.addressee(caseId), CAPABILITY, notice.name(), arguments);
    }
}
