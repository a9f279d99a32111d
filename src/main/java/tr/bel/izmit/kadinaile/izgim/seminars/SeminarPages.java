package tr.bel.izmit.kadinaile.izgim.seminars;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * The seminars on the portal, plain HTML without JavaScript, under {@code /basvuru} so that the portal's security
 * chain applies: its CSRF token on every form, its rate limit on every POST, its strict headers. The list of
 * upcoming seminars, a seminar's registration form (name, phone and/or e-mail), the answer (a seat or a place in
 * line, and the cancellation code), and the cancellation by code. Errors are listed on top and name the field, as
 * the portal's other pages do. The online link is never shown here: it goes to the registrants before the start.
 */
@Controller
class SeminarPages {

    static final String PATH = "/basvuru/seminerler";

    private final Seminars seminars;
    private final java.time.Clock clock;

    SeminarPages(Seminars seminars, java.time.Clock clock) {
        this.seminars = seminars;
        this.clock = clock;
    }

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }

    @ModelAttribute("csrfParameter")
    String csrfParameter(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getParameterName();
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("seminars", seminars.upcoming().stream().map(this::row).toList());
        return "izgim/seminars/list";
    }

    @GetMapping(PATH + "/{id}")
    String form(@PathVariable long id, Model model, HttpServletResponse response) {
        Optional<Seminars.Seminar> seminar = seminars.find(id);
        if (seminar.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "izgim/seminars/not-found";
        }
        model.addAttribute("seminar", row(seminar.get()));
        model.addAttribute("errors", List.of());
        model.addAttribute("form", new Seminars.Registrant("", "", ""));
        return "izgim/seminars/form";
    }

    @PostMapping(PATH + "/{id}")
    String register(@PathVariable long id, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email, Model model,
            HttpServletResponse response) {
        Seminars.Registrant registrant = new Seminars.Registrant(fullName, phone, email);
        try {
            Seminars.Registered registered = seminars.register(id, registrant);
            model.addAttribute("registered", registered);
            model.addAttribute("seminar", row(registered.seminar()));
            return "izgim/seminars/registered";
        } catch (NoSuchElementException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "izgim/seminars/not-found";
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("seminar", row(seminars.find(id).orElseThrow()));
            model.addAttribute("errors", e.getErrors());
            model.addAttribute("form", registrant);
            return "izgim/seminars/form";
        }
    }

    @PostMapping(PATH + "/iptal")
    String cancel(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        Optional<Seminars.Seminar> cancelled = seminars.cancel(code);
        if (cancelled.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("errors", List.of(new FieldError("code",
                tr.bel.izmit.kadinaile.common.Texts.get("izgim.seminars.validation.code-unknown"))));
            model.addAttribute("seminars", seminars.upcoming().stream().map(this::row).toList());
            return "izgim/seminars/list";
        }
        model.addAttribute("seminar", row(cancelled.get()));
        return "izgim/seminars/cancelled";
    }

    /** A seminar as the page shows it: when, where (or "online"), seats left or the line. */
    record Row(long id, String kind, String title, String partner, String when, String where, boolean online, int freeSeats,
            int waiting, boolean open) {
    }

    Row row(Seminars.Seminar seminar) {
        String when = SeminarNotices.WHEN.format(seminar.startsAt()) + "–"
            + SeminarNotices.WHEN.format(seminar.endsAt()).substring(11);
        return new Row(seminar.id(), seminar.kind() == Seminars.Kind.WORKSHOP ? "Atölye" : "Seminer", seminar.title(),
            seminar.partner(), when, seminar.online() ? "Çevrimiçi (bağlantı kayıtlılara SMS ya da e-postayla gönderilir)"
                : seminar.place(), seminar.online(), seminar.freeSeats(), seminar.waiting(),
            seminar.startsAt().isAfter(clock.instant()));
    }
}
