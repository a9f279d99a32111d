package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ApiError;

/**
 * The portal's JSON API for citizens (no login): the start form of a service, an application, and the
 * status of an application by its tracking code. Same rules as the HTML pages.
 */
@RestController
@RequestMapping("/api/public")
class PublicApiController {

    private final PortalApplications applications;
    private final PortalCatalog catalog;
    private final StatusTiming timing;

    PublicApiController(PortalApplications applications, PortalCatalog catalog, StatusTiming timing) {
        this.applications = applications;
        this.catalog = catalog;
        this.timing = timing;
    }

    record Created(String trackingCode, String statusUrl) {
    }

    record ServiceView(String processKey, String title, String summary, List<String> haveAtHand, boolean open) {
    }

    @GetMapping("/services")
    List<ServiceView> services() {
        return catalog.all().stream()
            .map(p -> new ServiceView(p.processKey(), p.title(), p.summary(), p.haveAtHand(), p.isOpen()))
            .toList();
    }

    /** The start form of a service, the very JSON file Tasklist renders. */
    @GetMapping(value = "/forms/{processKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> form(@PathVariable String processKey) throws IOException {
        String formId = applications.process(processKey).formId();
        try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @PostMapping(value = "/applications/{processKey}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> apply(@PathVariable String processKey, @RequestBody Map<String, Object> values,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ValidationFailedException.of("Idempotency-Key", Texts.get("portal.api.idempotency-key.length"));
        }
        PortalApplications.Submission submission = applications.submit(processKey, new LinkedHashMap<>(values), idempotencyKey);
        String statusUrl = "/api/public/applications/" + submission.trackingCode();
        return ResponseEntity.created(URI.create(statusUrl)).cacheControl(CacheControl.noStore())
            .body(new Created(submission.trackingCode(), statusUrl));
    }

    /**
     * The applicant withdraws her application (while it is under review). JSON only ({@code Content-Type:
     * application/json}, the body may be empty or {@code {}}): a form another web site makes a browser send
     * (url-encoded, multipart or text/plain, which need no CORS permission) is refused with 415 before anything is
     * looked up. The portal's own page withdraws through {@code POST /basvuru/durum/geri-cek} with its CSRF token.
     */
    @PostMapping(value = "/applications/{trackingCode}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> withdraw(@PathVariable String trackingCode) {
        applications.withdraw(trackingCode);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("message", Texts.get("portal.withdrawal.done")));
    }

    @GetMapping("/applications/{trackingCode}")
    ResponseEntity<?> status(@PathVariable String trackingCode) {
        return timing.atLeast(() -> applications.status(trackingCode))
            .<ResponseEntity<?>>map(status -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status))
            .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                .body(ApiError.of(Texts.get("portal.status.not-found"))));
    }
}
