package tr.bel.izmit.kadinaile.izgim.seminars;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.izgim.desk.DeskForms;
import tr.bel.izmit.kadinaile.izgim.desk.IzgimDesk;

/**
 * The seminars at İZGİM's desk (door: {@code izgim.desk.IzgimDeskSecurity}): the upcoming and past seminars with
 * their seats and lines, a new seminar, a seminar's registrations (seats, then the waiting line, first come first
 * served), attendance after the start, and the cancellation of a registration, after which the first in line gets
 * the seat and is told, as {@link Seminars} does on the portal. Post/redirect/get with a message; a refused form
 * comes back with 400 and each message at its field, nothing written.
 */
@Controller
class SeminarDeskPages {

    static final String PATH = IzgimDesk.SEMINARS;
    private static final String NOTICE = "notice";

    private final Seminars seminars;
    private final Clock clock;

    SeminarDeskPages(Seminars seminars, Clock clock) {
        this.seminars = seminars;
        this.clock = clock;
    }

    @ModelAttribute("user")
    String user(Principal caller) {
        return caller == null ? null : caller.getName();
    }

    /** A seminar as the desk shows it: when (Turkish time), where (the place, or online), its seats and line. */
    record Line(long id, String kind, String title, String partner, String when, String where, boolean online, int capacity,
            int confirmed, int waiting) {
    }

    @GetMapping(PATH)
    String list(Model model) {
        Instant now = clock.instant();
        List<Seminars.Seminar> all = seminars.all();
        // upcoming soonest first; past latest first (as all() sorts them)
        model.addAttribute("upcoming", all.stream().filter(seminar -> seminar.startsAt().isAfter(now))
            .sorted(java.util.Comparator.comparing(Seminars.Seminar::startsAt).thenComparing(Seminars.Seminar::id))
            .map(SeminarDeskPages::line).toList());
        model.addAttribute("past", all.stream().filter(seminar -> !seminar.startsAt().isAfter(now)).map(SeminarDeskPages::line).toList());
        return "izgim/masa/seminars";
    }

    /** What the new seminar's form sends, as typed. */
    record SeminarForm(String kind, String title, String partner, String startsAt, String endsAt, String place, String onlineLink,
            String capacity) {

        static SeminarForm empty() {
            return new SeminarForm("SEMINAR", "", "", "", "", "", "", "");
        }
    }

    @GetMapping(PATH + "/yeni")
    String newSeminar(Model model) {
        model.addAttribute("form", SeminarForm.empty());
        model.addAttribute("errors", Map.of());
        return "izgim/masa/new-seminar";
    }

    @PostMapping(PATH)
    String create(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
            @RequestParam(required = false) String partner, @RequestParam(required = false) String startsAt,
            @RequestParam(required = false) String endsAt, @RequestParam(required = false) String place,
            @RequestParam(required = false) String onlineLink, @RequestParam(required = false) String capacity, Principal caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SeminarForm form = new SeminarForm(kind, title, partner, startsAt, endsAt, place, onlineLink, capacity);
        try {
            long id = seminars.create(new Seminars.NewSeminar(kind, title, partner, DeskForms.dateTime(startsAt),
                DeskForms.dateTime(endsAt), place, onlineLink, DeskForms.integer(capacity)), caller.getName());
            redirect.addFlashAttribute(NOTICE, Texts.get("izgim.desk.seminars.created"));
            return "redirect:" + PATH + "/" + id;
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", form);
            model.addAttribute("errors", DeskForms.errorsAt("seminer", e.getErrors()));
            return "izgim/masa/new-seminar";
        }
    }

    /** A registration as the desk lists it; {@code place} is her place in line (waiting) or her seat's number. */
    record RegistrationLine(long id, int place, String fullName, String phone, String email, Seminars.Status status,
            String registeredAt, Boolean attended) {
    }

    @GetMapping(PATH + "/{id}")
    String seminar(@PathVariable long id, Model model, HttpServletResponse response) {
        return render(id, model, Map.of(), response);
    }

    @PostMapping(PATH + "/{id}/kayitlar/{registrationId}/katilim")
    String attendance(@PathVariable long id, @PathVariable long registrationId, @RequestParam(required = false) String attended,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Boolean value = "true".equals(attended) ? Boolean.TRUE : "false".equals(attended) ? Boolean.FALSE : null;
        try {
            seminars.recordAttendance(id, registrationId, value);
        } catch (NoSuchElementException e) {
            return notFound(model, response);
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(id, model, at(registrationId, e), response);
        }
        redirect.addFlashAttribute(NOTICE, Texts.get(value ? "izgim.desk.seminars.attended" : "izgim.desk.seminars.absent"));
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/kayitlar/{registrationId}/iptal")
    String cancel(@PathVariable long id, @PathVariable long registrationId, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Optional<Seminars.Registration> registration = seminars.find(id).isEmpty() ? Optional.empty()
            : seminars.registrations(id).stream().filter(candidate -> candidate.id() == registrationId).findFirst();
        if (registration.isEmpty()) {
            return notFound(model, response);
        }
        List<String> before = confirmedCodes(id);
        if (seminars.cancel(registration.get().code()).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(id, model, Map.of("kayit-" + registrationId, Texts.get("izgim.desk.seminars.cancelled-before")), response);
        }
        // whoever holds a seat now and did not before came up from the line (and was told by the service)
        boolean movedUp = confirmedCodes(id).stream().anyMatch(code -> !before.contains(code));
        redirect.addFlashAttribute(NOTICE, Texts.get(movedUp ? "izgim.desk.seminars.cancelled-moved-up" : "izgim.desk.seminars.cancelled"));
        return "redirect:" + PATH + "/" + id;
    }

    private List<String> confirmedCodes(long id) {
        return seminars.registrations(id).stream().filter(r -> r.status() == Seminars.Status.CONFIRMED).map(Seminars.Registration::code).toList();
    }

    /** A refusal about one registration: shown at its row ({@code kayit-<id>}). */
    private static Map<String, String> at(long registrationId, ValidationFailedException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getErrors().forEach(error -> errors.putIfAbsent("kayit-" + registrationId, error.message()));
        return errors;
    }

    private String render(long id, Model model, Map<String, String> errors, HttpServletResponse response) {
        Optional<Seminars.Seminar> found = seminars.find(id);
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        Seminars.Seminar seminar = found.get();
        List<Seminars.Registration> all = seminars.registrations(id);
        model.addAttribute("seminar", seminar);
        model.addAttribute("line", line(seminar));
        model.addAttribute("started", !seminar.startsAt().isAfter(clock.instant()));
        model.addAttribute("seats", lines(all, Seminars.Status.CONFIRMED));
        model.addAttribute("waiting", lines(all, Seminars.Status.WAITING));
        model.addAttribute("cancelled", all.stream().filter(r -> r.status() == Seminars.Status.CANCELLED).count());
        model.addAttribute("attendedCount", all.stream().filter(r -> Boolean.TRUE.equals(r.attended())).count());
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        return "izgim/masa/seminar";
    }

    private List<RegistrationLine> lines(List<Seminars.Registration> all, Seminars.Status status) {
        List<Seminars.Registration> of = all.stream().filter(r -> r.status() == status).toList();
        return java.util.stream.IntStream.range(0, of.size()).mapToObj(i -> {
            Seminars.Registration r = of.get(i);
            return new RegistrationLine(r.id(), i + 1, r.fullName(), DeskForms.phone(r.phone()), r.email(), r.status(),
                SeminarNotices.WHEN.format(r.registeredAt()), r.attended());
        }).toList();
    }

    private static Line line(Seminars.Seminar seminar) {
        String when = SeminarNotices.WHEN.format(seminar.startsAt()) + "–" + SeminarNotices.WHEN.format(seminar.endsAt()).substring(11);
        return new Line(seminar.id(), Texts.get(seminar.kind() == Seminars.Kind.WORKSHOP ? "izgim.desk.seminars.kind.workshop"
            : "izgim.desk.seminars.kind.seminar"), seminar.title(), seminar.partner(), when,
            seminar.online() ? Texts.get("izgim.desk.seminars.online") : seminar.place(), seminar.online(), seminar.capacity(),
            seminar.confirmed(), seminar.waiting());
    }

    private static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "izgim/masa/not-found";
    }
}
