package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.portal.StatusTiming;

/**
 * The client's appointments on the portal, {@code /basvuru/randevu}: with her tracking code she sees her sessions
 * (date, time, room; nothing else), cancels one up to the client deadline before it, or moves it to one of her
 * professional's next free slots. Plain HTML forms without JavaScript, under the portal's door
 * ({@code portal.PortalSecurity}: CSRF double submission, the rate limit on every POST, security headers, no-store).
 * A lookup answers no sooner than the status page's floor, whether the code exists or not.
 */
@Controller
class AppointmentPage {

    static final int OFFERS = 5;
    static final String PATH = "/basvuru/randevu";

    private final SessionActions actions;
    private final StatusTiming timing;

    AppointmentPage(SessionActions actions, StatusTiming timing) {
        this.actions = actions;
        this.timing = timing;
    }

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }

    @ModelAttribute("csrfParameter")
    String csrfParameter(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getParameterName();
    }

    /** A session on the page; {@code offers} are the slots she may move it to (empty when she may not change it). */
    record Row(long id, String service, String date, String time, String room, String status, boolean changeable,
            List<Offer> offers) {
    }

    record Offer(String value, String label) {
    }

    @GetMapping(PATH)
    String form() {
        return "izgim/appointments";
    }

    @PostMapping(PATH)
    String lookup(@RequestParam(name = "kod", required = false) String code, Model model, HttpServletResponse response) {
        return show(normalise(code), null, model, response);
    }

    @PostMapping(PATH + "/iptal")
    String cancel(@RequestParam(name = "kod", required = false) String code, @RequestParam(name = "oturum") long sessionId,
            Model model, HttpServletResponse response) {
        String trackingCode = normalise(code);
        try {
            actions.cancelByClient(trackingCode, sessionId);
            return show(trackingCode, Texts.get("izgim.calendar.portal.cancelled"), model, response);
        } catch (SessionRefused refused) {
            return refuse(trackingCode, refused, model, response);
        }
    }

    @PostMapping(PATH + "/degistir")
    String rebook(@RequestParam(name = "kod", required = false) String code, @RequestParam(name = "oturum") long sessionId,
            @RequestParam(name = "yeni", required = false) String newStart, Model model, HttpServletResponse response) {
        String trackingCode = normalise(code);
        try {
            LocalDateTime start = LocalDateTime.parse(newStart == null ? "" : newStart);
            CalendarSession moved = actions.rebookByClient(trackingCode, sessionId, start);
            return show(trackingCode, Texts.get("izgim.calendar.portal.moved", TurkishFormats.DATE.format(moved.start()),
                CalendarNotices.TIME.format(moved.start())), model, response);
        } catch (DateTimeParseException e) {
            return refuse(trackingCode, new SessionRefused(SessionRefused.Why.CONFLICT, Texts.get("izgim.calendar.refused.slot-taken")),
                model, response);
        } catch (SessionRefused refused) {
            return refuse(trackingCode, refused, model, response);
        }
    }

    private String refuse(String trackingCode, SessionRefused refused, Model model, HttpServletResponse response) {
        String page = show(trackingCode, null, model, response);
        response.setStatus(refused.why() == SessionRefused.Why.NOT_FOUND ? HttpServletResponse.SC_NOT_FOUND
            : HttpServletResponse.SC_CONFLICT);
        model.addAttribute("error", refused.getMessage());
        return page;
    }

    private String show(String trackingCode, String notice, Model model, HttpServletResponse response) {
        model.addAttribute("code", trackingCode);
        if (trackingCode.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("codeError", Texts.get("izgim.calendar.portal.code-required"));
            return "izgim/appointments";
        }
        List<CalendarSession> sessions = timing.atLeast(() -> actions.ofTrackingCode(trackingCode));
        if (sessions.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("codeError", Texts.get("izgim.calendar.portal.not-found"));
            return "izgim/appointments";
        }
        model.addAttribute("notice", notice);
        model.addAttribute("rows", sessions.stream().map(this::row).toList());
        return "izgim/appointments";
    }

    private Row row(CalendarSession session) {
        boolean changeable = actions.clientMayChange(session);
        List<Offer> offers = changeable ? actions.rebookingOffers(session, OFFERS).stream()
            .map(start -> new Offer(start.toString(), label(start))).toList() : List.of();
        return new Row(session.id(), Texts.get("izgim.calendar.service." + session.service().name()),
            TurkishFormats.DATE.format(session.start()), CalendarNotices.TIME.format(session.start()), session.roomName(),
            Texts.get("izgim.calendar.status." + session.status()), changeable, offers);
    }

    private static String label(LocalDateTime start) {
        return TurkishFormats.DATE.format(start) + " " + start.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
            TurkishFormats.TURKISH) + " " + CalendarNotices.TIME.format(start);
    }

    private static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
