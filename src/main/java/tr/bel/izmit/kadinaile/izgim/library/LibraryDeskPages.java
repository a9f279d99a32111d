package tr.bel.izmit.kadinaile.izgim.library;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.izgim.desk.DeskForms;
import tr.bel.izmit.kadinaile.izgim.desk.IzgimDesk;

/**
 * The children's library at İZGİM's desk (door: {@code izgim.desk.IzgimDeskSecurity}): register a child with her
 * parent's consent, open her card by its number, record her visit, record the day's anonymous visitors, and today's
 * visits as counts. A child's name shows only on the card the officer opened (after a registration, a look-up or a
 * visit), for that one page view: the card's number travels in the session's flash, never in an address, and a
 * reload closes the card. Every change is a POST with the desk's CSRF token and ends in a redirect with a message
 * (post/redirect/get); a refused form comes back with status 400 (404 for an unknown card), each message at its field,
 * and nothing written: the rules are {@link ChildrensLibrary}'s.
 */
@Controller
class LibraryDeskPages {

    static final String PATH = IzgimDesk.LIBRARY;
    private static final String VIEW = "izgim/masa/library";
    private static final String OPENED = "openedCard";
    private static final String NOTICE = "notice";
    private static final int VISIT_DAYS_SHOWN = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", TurkishFormats.TURKISH);

    private final ChildrensLibrary library;
    private final Clock clock;

    LibraryDeskPages(ChildrensLibrary library, Clock clock) {
        this.library = library;
        this.clock = clock;
    }

    @ModelAttribute("user")
    String user(Principal caller) {
        return caller == null ? null : caller.getName();
    }

    /** What the registration form sends, kept as typed so that a refused form comes back filled in. */
    record RegistrationForm(String firstName, String birthYear, String parentName, String parentPhone, boolean consent) {

        static RegistrationForm empty() {
            return new RegistrationForm("", "", "", "", false);
        }
    }

    @GetMapping(PATH)
    String page(Model model) {
        return render(model, Map.of(), null);
    }

    @PostMapping(PATH + "/cocuk")
    String register(@RequestParam(required = false) String firstName, @RequestParam(required = false) String birthYear,
            @RequestParam(required = false) String parentName, @RequestParam(required = false) String parentPhone,
            @RequestParam(required = false) String consent, Principal caller, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        RegistrationForm form = new RegistrationForm(firstName, birthYear, parentName, parentPhone, "true".equals(consent));
        try {
            ChildrensLibrary.Child child = library.register(new ChildrensLibrary.Registration(firstName, DeskForms.integer(birthYear),
                parentName, parentPhone, form.consent()), caller.getName());
            redirect.addFlashAttribute(NOTICE, Texts.get("izgim.desk.library.registered", child.cardNumber()));
            redirect.addFlashAttribute(OPENED, child.cardNumber());
            return "redirect:" + PATH;
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("registration", form);
            return render(model, DeskForms.errorsAt("kayit", e.getErrors()), null);
        }
    }

    @PostMapping(PATH + "/kart")
    String find(@RequestParam(required = false) String cardNumber, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Optional<ChildrensLibrary.Child> child = library.byCard(cardNumber);
        if (child.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("findCard", cardNumber);
            return render(model, Map.of("bul-cardNumber", Texts.get("izgim.library.validation.card-unknown")), null);
        }
        redirect.addFlashAttribute(OPENED, child.get().cardNumber());
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/ziyaret")
    String visit(@RequestParam(required = false) String cardNumber, @RequestParam(required = false) String day,
            @RequestParam(required = false) String form, Principal caller, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        // the visit form of the page, or the button on an opened card (its errors show on the card)
        String formId = "kart".equals(form) ? "kart" : "ziyaret";
        try {
            boolean added = library.recordVisit(cardNumber, DeskForms.day(day, "day"), caller.getName());
            redirect.addFlashAttribute(NOTICE, Texts.get(added ? "izgim.library.visit.recorded" : "izgim.library.visit.recorded-before"));
            redirect.addFlashAttribute(OPENED, library.byCard(cardNumber).orElseThrow().cardNumber());
            return "redirect:" + PATH;
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("visitCard", cardNumber);
            model.addAttribute("visitDay", day);
            return render(model, DeskForms.errorsAt(formId, e.getErrors()), "kart".equals(formId) ? cardNumber : null);
        }
    }

    @PostMapping(PATH + "/anonim")
    String anonymous(@RequestParam(required = false) String visitors, @RequestParam(required = false) String day,
            Principal caller, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            library.recordAnonymousVisitors(DeskForms.day(day, "day"), DeskForms.integer(visitors), caller.getName());
            redirect.addFlashAttribute(NOTICE, Texts.get("izgim.library.anonymous.recorded"));
            return "redirect:" + PATH;
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("anonymousVisitors", visitors);
            model.addAttribute("anonymousDay", day);
            return render(model, DeskForms.errorsAt("anonim", e.getErrors()), null);
        }
    }

    /** One line of today's list. */
    record VisitLine(String time, String kind, int visitors, String recordedBy) {
    }

    /** The opened card: the child, her parent, her latest visit days, whether today's is recorded. */
    record Card(ChildrensLibrary.Child child, String parentPhone, String registeredOn, List<String> visitDays, boolean visitedToday) {
    }

    private String render(Model model, Map<String, String> errors, String openCard) {
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        List<ChildrensLibrary.DayVisit> visits = library.visitsOn(today);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("today", TurkishFormats.DATE.format(today));
        model.addAttribute("todayIso", today.toString());
        model.addAttribute("childVisits", visits.stream().filter(ChildrensLibrary.DayVisit::registeredChild).count());
        model.addAttribute("anonymousTotal", visits.stream().filter(visit -> !visit.registeredChild())
            .mapToInt(ChildrensLibrary.DayVisit::visitors).sum());
        model.addAttribute("visitorsTotal", visits.stream().mapToInt(ChildrensLibrary.DayVisit::visitors).sum());
        model.addAttribute("visits", visits.stream().map(visit -> new VisitLine(TIME.format(visit.recordedAt().atZone(zone)),
            Texts.get(visit.registeredChild() ? "izgim.desk.library.kind.child" : "izgim.desk.library.kind.anonymous"),
            visit.visitors(), visit.recordedBy())).toList());
        if (!model.containsAttribute("registration")) {
            model.addAttribute("registration", RegistrationForm.empty());
        }
        Object opened = openCard != null ? openCard : model.getAttribute(OPENED);
        model.addAttribute("card", opened instanceof String card ? library.byCard(card).map(child -> card(child, today)).orElse(null) : null);
        model.addAttribute("consentText", Texts.get("izgim.library.consent.text", ChildrensLibrary.CONSENT_VERSION));
        model.addAttribute("maxBirthYear", today.getYear());
        model.addAttribute("minBirthYear", today.getYear() - 17);
        return VIEW;
    }

    private Card card(ChildrensLibrary.Child child, LocalDate today) {
        List<LocalDate> days = library.visitDays(child.cardNumber(), VISIT_DAYS_SHOWN);
        return new Card(child, DeskForms.phone(child.parentPhone()),
            TurkishFormats.DATE.format(child.registeredAt().atZone(clock.getZone())),
            days.stream().map(TurkishFormats.DATE::format).toList(), days.contains(today));
    }
}
