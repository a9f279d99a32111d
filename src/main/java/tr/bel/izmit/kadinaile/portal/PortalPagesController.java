package tr.bel.izmit.kadinaile.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

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
import tr.bel.izmit.kadinaile.portal.PublicService.Phase;

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
    static final int MAX_LINK_VALUE = 100;
    /** The value of the confirmation box on the withdrawal page (and of the field the script adds after its dialog). */
    static final String CONFIRMED = "evet";
    /** The status page's withdrawal button: show the confirmation page. */
    static final String WITHDRAW = "geri-cek";

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

    /** One milestone: passed (past tense, with its date), current, or ahead on the usual path (greyed, no date). */
    record StepView(String label, String startedAt, String isoStartedAt, boolean current, boolean ahead) {

        /** The item's CSS modifier (in code: two underscores in a template expression would be Thymeleaf's preprocessing). */
        public String css() {
            return current ? "steps__item--current" : ahead ? "steps__item--ahead" : "steps__item--done";
        }
    }

    /** The status page: milestones, the decision where there is one, and whom to ask. */
    record StatusView(String trackingCode, String title, String submittedAt, boolean finished, List<StepView> steps,
            boolean withdrawable, Decision decision, ServiceContact contact) {
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
        Map<String, ServiceContact.Link> browse = new LinkedHashMap<>();
        catalog.all().stream().filter(PortalProcess::isOpen).forEach(process -> catalog.service(process.processKey())
            .flatMap(PublicService::browse).ifPresent(link -> browse.put(process.processKey(), link)));
        model.addAttribute("browse", browse);
        return "portal/services";
    }

    @GetMapping("/kvkk")
    String kvkk() {
        return "portal/kvkk";
    }

    /**
     * The start form; a link may fill in the fields its service allows (the course list's "Bu kursa başvur" fills in
     * the course), never anything else.
     */
    @GetMapping("/{processKey}")
    String form(@PathVariable String processKey, @RequestParam MultiValueMap<String, String> parameters, Model model) {
        Set<String> allowed = catalog.service(processKey).map(PublicService::linkFields).orElse(Set.of());
        Map<String, List<String>> filled = new LinkedHashMap<>();
        parameters.forEach((key, values) -> {
            if (allowed.contains(key) && !values.isEmpty() && values.get(0) != null && values.get(0).length() <= MAX_LINK_VALUE) {
                filled.put(key, List.of(values.get(0).strip()));
            }
        });
        return showForm(processKey, filled, Map.of(), List.of(), model);
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

    /**
     * The status of an application; with {@code islem=geri-cek} (the status page's withdrawal button) the withdrawal's
     * confirmation page instead, which is a look-up like this one, not yet a withdrawal attempt.
     */
    @PostMapping(value = "/durum", consumes = "application/x-www-form-urlencoded")
    String status(@RequestParam(name = "kod", required = false) String code,
            @RequestParam(name = "islem", required = false) String action, Model model, HttpServletResponse response) {
        String normalized = code == null ? "" : normalize(code);
        model.addAttribute("code", normalized);
        if (WITHDRAW.equals(action) && !normalized.isEmpty()) {
            return confirmWithdrawal(normalized, false, model, response);
        }
        if (normalized.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeError", Texts.get("portal.status.code.required"));
            return "portal/status";
        }
        Optional<StatusView> status = lookup(normalized);
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("codeError", NOT_FOUND);
            return "portal/status";
        }
        model.addAttribute("status", status.get());
        return "portal/status";
    }

    /**
     * The applicant withdraws her application from the status page (where the process allows it), in two steps that
     * need no JavaScript: the status page's button opens a confirmation page, whose ticked box ({@code onay=evet})
     * withdraws here. With JavaScript the browser's own dialog asks instead and the page's script sends the form here
     * with the box's value. Without it, this shows the confirmation page (again, with an error when sent unticked).
     */
    @PostMapping(value = "/durum/geri-cek", consumes = "application/x-www-form-urlencoded")
    String withdraw(@RequestParam(name = "kod", required = false) String code,
            @RequestParam(name = "onay", required = false) String confirmation,
            @RequestParam(name = "adim", required = false) String step, Model model, HttpServletResponse response) {
        String normalized = code == null ? "" : normalize(code);
        model.addAttribute("code", normalized);
        if (!CONFIRMED.equals(confirmation)) {
            return confirmWithdrawal(normalized, "onay".equals(step), model, response);
        }
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
        lookup(normalized).ifPresent(status -> model.addAttribute("status", status));
        return "portal/status";
    }

    /** The confirmation page; sent back unticked, it says so at the box. Nothing is withdrawn here. */
    private String confirmWithdrawal(String code, boolean unticked, Model model, HttpServletResponse response) {
        Optional<StatusView> status = lookup(code);
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("codeError", NOT_FOUND);
            return "portal/status";
        }
        model.addAttribute("status", status.get());
        if (!status.get().withdrawable()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("notice", Texts.get("portal.withdrawal.too-late"));
            return "portal/status";
        }
        if (unticked) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("confirmError", Texts.get("portal.withdrawal.confirm.required"));
        }
        return "portal/withdraw";
    }

    /** The status of an application, as slow for an unknown code as for a known one ({@link StatusTiming}). */
    private Optional<StatusView> lookup(String code) {
        return timing.atLeast(() -> applications.status(code).map(this::view));
    }

    /**
     * Only milestones with dates, worded by phase (passed in the past tense, the current one, the usual ones ahead
     * greyed), the decision from the capability's own tables and the service's contact: nothing about who did what,
     * and no comments.
     */
    private StatusView view(PortalApplications.Status status) {
        Optional<PublicService> service = catalog.byTrackingCode(status.trackingCode())
            .flatMap(process -> catalog.service(process.processKey()));
        List<StepView> views = new ArrayList<>();
        for (PortalApplications.Step step : status.steps()) {
            boolean current = !status.finished() && step.finishedAt() == null;
            String label = service.flatMap(s -> s.milestone(step.elementId(), current ? Phase.NOW : Phase.DONE)).orElse(step.label());
            views.add(new StepView(label, format(step.startedAt()), step.startedAt().toString(), current, false));
        }
        if (!status.finished()) {
            service.ifPresent(s -> ahead(s, status.steps()).forEach(label -> views.add(new StepView(label, "", "", false, true))));
        }
        return new StatusView(status.trackingCode(), status.title(), format(status.submittedAt()), status.finished(), views,
            status.withdrawable(), service.flatMap(s -> s.decision(status.trackingCode())).orElse(null),
            service.flatMap(PublicService::contact).orElse(null));
    }

    /** The usual path's milestones after the furthest one reached, in the service's order. */
    private static List<String> ahead(PublicService service, List<PortalApplications.Step> steps) {
        List<String> order = List.copyOf(service.descriptor().milestones().keySet());
        int furthest = steps.stream().mapToInt(step -> order.indexOf(step.elementId())).max().orElse(-1);
        return order.subList(furthest + 1, order.size()).stream()
            .flatMap(element -> service.milestone(element, Phase.AHEAD).stream())
            .toList();
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
