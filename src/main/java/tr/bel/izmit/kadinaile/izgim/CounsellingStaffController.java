package tr.bel.izmit.kadinaile.izgim;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.izgim.CounsellingAccess.Caller;

/**
 * The counselling staff API: the client's record and the session notes, outside the engine (a note never becomes a
 * process variable). Every read is checked per case and audited, a refusal too; an unknown tracking code is refused
 * like a case the caller may not see (403, the same body). Responses are never cached. HTTP Basic against the Camunda
 * identity ({@link CounsellingStaffRules}).
 */
@RestController
@RequestMapping(CounsellingStaffRules.API)
class CounsellingStaffController {

    private final CounsellingCases cases;

    CounsellingStaffController(CounsellingCases cases) {
        this.cases = cases;
    }

    record NoteRequest(Long sessionId, String text) {

        @Override
        public String toString() {
            return "NoteRequest[sessionId=" + sessionId + ", text redacted]";
        }
    }

    @GetMapping("/{trackingCode}")
    ResponseEntity<CounsellingCases.RecordView> record(@PathVariable String trackingCode, HttpServletRequest request,
            Authentication caller) {
        return noStore(HttpStatus.OK, cases.readRecord(trackingCode, caller(caller), request.getRemoteAddr()));
    }

    @GetMapping("/{trackingCode}/notes")
    ResponseEntity<List<CounsellingCases.NoteView>> notes(@PathVariable String trackingCode, HttpServletRequest request,
            Authentication caller) {
        return noStore(HttpStatus.OK, cases.readNotes(trackingCode, caller(caller), request.getRemoteAddr()));
    }

    @PostMapping("/{trackingCode}/notes")
    ResponseEntity<CounsellingCases.NoteView> addNote(@PathVariable String trackingCode,
            @RequestBody(required = false) NoteRequest body, HttpServletRequest request, Authentication caller) {
        NoteRequest note = body == null ? new NoteRequest(null, null) : body;
        return noStore(HttpStatus.CREATED,
            cases.addNote(trackingCode, caller(caller), note.sessionId(), note.text(), request.getRemoteAddr()));
    }

    private static Caller caller(Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .collect(Collectors.toUnmodifiableSet());
        return new Caller(authentication.getName(), groups);
    }

    private static <T> ResponseEntity<T> noStore(HttpStatus status, T body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
