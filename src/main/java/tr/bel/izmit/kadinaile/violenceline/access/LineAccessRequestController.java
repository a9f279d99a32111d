package tr.bel.izmit.kadinaile.violenceline.access;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.web.ApiError;

/**
 * Staff API for changes that open the violence line: administrators (camunda-admin) request them, a line supervisor
 * approves or rejects them ({@link LineAccessRequestService}). The direct doors (Camunda Admin, the engine REST API,
 * the Java API as a user) refuse these changes and point here ({@link LineAccessGuard}).
 *
 * <p>Chosen over a BPMN approval process in Tasklist: the decision is a single step whose rules (not the requester,
 * not the person who gains the access, a supervisor) must be enforced in code either way, and a process would have
 * added a confidential process, its form and its policy to keep out of the administrators' sight. Supervisors learn of
 * every request by e-mail.
 */
@RestController
@RequestMapping(LineAccessGuard.REQUESTS)
class LineAccessRequestController {

    record MembershipRequest(String userId, String groupId) {
    }

    record AuthorizationRequest(String type, String userId, String groupId, Integer resourceType, String resourceId,
            List<String> permissions) {
    }

    record PasswordRequest(String userId, String password) {
    }

    /** A request as staff see it (never a password or its hash). */
    record RequestView(Long id, String kind, String description, String subjectUserId, String groupId,
            Integer authorizationType, Integer resourceType, String resourceId, String permissions, String requestedBy,
            Instant requestedAt, String status, String decidedBy, Instant decidedAt) {

        static RequestView of(LineAccessRequest request) {
            return new RequestView(request.getId(), request.getKind().name(), LineAccessRequestService.describe(request),
                request.getSubjectUserId(), request.getGroupId(), request.getAuthorizationType(), request.getResourceType(),
                request.getResourceId(), request.getPermissions(), request.getRequestedBy(), request.getRequestedAt(),
                request.getStatus().name(), request.getDecidedBy(), request.getDecidedAt());
        }
    }

    record EventView(String action, String userId, Instant occurredAt) {
    }

    private final LineAccessRequestService service;

    LineAccessRequestController(LineAccessRequestService service) {
        this.service = service;
    }

    @PostMapping("/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView membership(@RequestBody MembershipRequest body, HttpServletRequest http, Principal caller) {
        String admin = caller.getName();
        return RequestView.of(service.requestMembership(body.userId(), body.groupId(), admin, http.getRemoteAddr()));
    }

    @PostMapping("/authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView authorization(@RequestBody AuthorizationRequest body, HttpServletRequest http, Principal caller) {
        String admin = caller.getName();
        return RequestView.of(service.requestAuthorization(body.type(), body.userId(), body.groupId(), body.resourceType(),
            body.resourceId(), body.permissions(), admin, http.getRemoteAddr()));
    }

    @PostMapping("/passwords")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView password(@RequestBody PasswordRequest body, HttpServletRequest http, Principal caller) {
        String admin = caller.getName();
        return RequestView.of(service.requestPassword(body.userId(), body.password(), admin, http.getRemoteAddr()));
    }

    @GetMapping
    List<RequestView> recent() {
        return service.recent().stream().map(RequestView::of).toList();
    }

    @GetMapping("/{id}/events")
    List<EventView> events(@PathVariable long id) {
        return service.events(id).stream().map(e -> new EventView(e.getAction().name(), e.getUserId(), e.getOccurredAt())).toList();
    }

    @PostMapping("/{id}/approve")
    RequestView approve(@PathVariable long id, HttpServletRequest http, Principal caller) {
        String supervisor = caller.getName();
        return RequestView.of(service.approve(id, supervisor, http.getRemoteAddr()));
    }

    @PostMapping("/{id}/reject")
    RequestView reject(@PathVariable long id, HttpServletRequest http, Principal caller) {
        String supervisor = caller.getName();
        return RequestView.of(service.reject(id, supervisor, http.getRemoteAddr()));
    }

    @ExceptionHandler(LineAccessRequestService.LineAccessRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ApiError refused(LineAccessRequestService.LineAccessRefusedException e) {
        return ApiError.of(e.getMessage());
    }
}
