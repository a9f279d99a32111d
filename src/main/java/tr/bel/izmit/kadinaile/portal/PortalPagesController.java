package tr.bel.izmit.kadinaile.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.forms.FormSchema;

/**
 * The portal's HTML pages for citizens (no login, no JavaScript needed): what one can apply for, the start
 * form of a service rendered from the very form Tasklist uses, the confirmation with the tracking code, the
 * status of an application, and the KVKK notice. Submissions go through {@link PortalApplications}, the same
 * way as the JSON API.
 */
@Controller
@RequestMapping("/basvuru")
class PortalPagesController {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.forLanguageTag("tr-TR"))
        .withZone(ZoneId.of("Europe/Istanbul"));
    static final String NOT_FOUND = Texts.get("portal.status.not-found");

    private final PortalCatalog catalog;
    private final PortalApplications applications;
    private final PortalFormPages formPages;
    private final StatusTiming timing;

    PortalPagesController(PortalCatalog catalog, PortalApplications applications, PortalFormPages formPages, StatusTiming timing) {
        this.catalog = catalog;
        this.applications = applications;
        this.formPages = formPages;
        this.timing = timing;
    }

    record StepView(String label, String startedAt, String isoStartedAt, boolean current) {
    }

    record StatusView(String trackingCode, String title, String submittedAt, boolean finished, List<StepView> steps,
            boolean withdrawable) {
    }

    /** The page's CSRF token ({@link PortalSecurity}); reading it sets the cookie when the browser has none yet. */
    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }

    @ModelAttribute("csrfParameter")
    String csrfParameter() {
        return PortalSecurity.PARAMETER;
    }

    @GetMapping
    String services(Model model) {
        model.addAttribute("services", catalog.all());
        return "portal/services";
    }

    @GetMapping("/kvkk")
    String kvkk() {
        return "portal/kvkk";
    }

    @GetMapping("/{processKey}")
    String form(@PathVariable String processKey, Model model) {
        return showForm(processKey, Map.of(), Map.of(), List.of(), model);
    }

    @PostMapping(value = "/{processKey}", consumes = "application/x-www-form-urlencoded")
    ModelAndView apply(@PathVariable String processKey, @RequestParam MultiValueMap<String, String> parameters, Model model) {
        FormSchema form = applications.form(processKey);
        try {
            PortalApplications.Submission submission = applications.submit(processKey, PortalFormBinder.bind(form, parameters), null);
            String target = UriComponentsBuilder.fromPath("/basvuru/{key}/tamam").queryParam("kod", submission.trackingCode())
                .buildAndExpand(processKey).encode().toUriString();
            RedirectView redirect = new RedirectView(target, true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        } catch (ValidationFailedException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.getErrors()) {
                errors.putIfAbsent(error.field(), error.message());
            }
            String view = showForm(processKey, PortalFormBinder.entered(form, parameters), errors, e.getErrors(), model);
            return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
        }
    }

    private String showForm(String processKey, Map<String, List<String>> entered, Map<String, String> errors,
            List<FieldError> errorList, Model model) {
        PortalProcess process = applications.process(processKey);
        FormSchema form = applications.form(processKey);
        PortalFormPages.Page page = formPages.page(form, entered, errors);
        model.addAttribute("process", process);
        model.addAttribute("page", page);
        model.addAttribute("errors", errorList.stream()
            .map(error -> new ErrorLink(error.message(), form.inputKeys().contains(error.field())
                && page.nodes().stream().anyMatch(node -> shows(node, error.field())) ? "f-" + error.field() : null))
            .toList());
        return "portal/form";
    }

    /** One line of the error summary: the message, and the id of the field to jump to (when it is on the page). */
    record ErrorLink(String message, String target) {
    }

    private static boolean shows(PortalFormNode node, String key) {
        return key.equals(node.key()) || node.children().stream().anyMatch(child -> shows(child, key));
    }

    @GetMapping("/{processKey}/tamam")
    String confirmation(@PathVariable String processKey, @RequestParam(name = "kod", required = false) String code, Model model) {
        PortalProcess process = applications.process(processKey);
        if (!TrackingCodes.isWellFormed(code) || !code.startsWith(process.trackingPrefix() + "-")) {
            throw new NoSuchElementException("no such tracking code");
        }
        model.addAttribute("process", process);
        model.addAttribute("trackingCode", code);
        return "portal/confirmation";
    }

    @GetMapping("/durum")
    String statusForm(@RequestParam(name = "kod", required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : normalize(code));
        return "portal/status";
    }

    @PostMapping(value = "/durum", consumes = "application/x-www-form-urlencoded")
    String status(@RequestParam(name = "kod", required = false) String code, Model model, HttpServletResponse response) {
        String normalized = code == null ? "" : normalize(code);
        model.addAttribute("code", normalized);
        if (normalized.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeError", Texts.get("portal.status.code.required"));
            return "portal/status";
        }
        Optional<PortalApplications.Status> status = timing.atLeast(() -> applications.status(normalized));
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("codeError", NOT_FOUND);
            return "portal/status";
        }
        model.addAttribute("status", view(status.get()));
        return "portal/status";
    }

    /** The applicant withdraws her application from the status page (where the process allows it). */
    @PostMapping(value = "/durum/geri-cek", consumes = "application/x-www-form-urlencoded")
    String withdraw(@RequestParam(name = "kod", required = false) String code, Model model, HttpServletResponse response) {
        String normalized = code == null ? "" : normalize(code);
        model.addAttribute("code", normalized);
        try {
            applications.withdraw(normalized);
            model.addAttribute("notice", Texts.get("portal.withdrawal.done.page"));
        } catch (NoSuchElementException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("codeError", NOT_FOUND);
            return "portal/status";
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("notice", e.getMessage());
        }
        timing.atLeast(() -> applications.status(normalized)).ifPresent(status -> model.addAttribute("status", view(status)));
        return "portal/status";
    }

    /** Only milestones with dates: nothing about who did what, and no comments. */
    private static StatusView view(PortalApplications.Status status) {
        List<PortalApplications.Step> steps = status.steps();
        List<StepView> views = steps.stream()
            .map(step -> new StepView(step.label(), format(step.startedAt()), step.startedAt().toString(),
                !status.finished() && step.finishedAt() == null))
            .toList();
        return new StatusView(status.trackingCode(), status.title(), format(status.submittedAt()), status.finished(), views,
            status.withdrawable());
    }

    private static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "mk 7f3k 9q2x" and "MK7F3K9Q2X" are read as MK-7F3K-9Q2X. */
    static String normalize(String code) {
        String compact = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() > 40) {
            return compact.substring(0, 40);
        }
        return compact.matches("[A-Z]{2}[0-9A-Z]{8}")
            ? compact.substring(0, 2) + "-" + compact.substring(2, 6) + "-" + compact.substring(6)
            : compact;
    }

    @ExceptionHandler(NoSuchElementException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/not-found";
    }
}
