package tr.bel.izmit.kadinaile.izgim;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Elements;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;

/**
 * İZGİM counselling and dietitian appointments on the public portal: the request form (only what triage needs) and
 * the status milestones; the texts are {@code portal.izgim-counselling.*}. No withdrawal on the portal: the client
 * cancels sessions with her tracking code in the calendar, and the professional closes the case.
 */
@Component
class CounsellingPublicService extends PublicServiceSupport {

    CounsellingPublicService() {
        super(CounsellingProcess.KEY, CounsellingProcess.Forms.START, CounsellingProcess.TRACKING_PREFIX, 40,
            List.of(Elements.START, Elements.INTAKE, Elements.END_REFERRED_OUT, Elements.PLAN_SERIES,
                Elements.NOTIFY_SERIES_BOOKED, Elements.CLOSE_CASE, Elements.END_COMPLETED, Elements.END_REFERRED_ELSEWHERE,
                Elements.END_STOPPED_BY_CLIENT),
            null);
    }
}
