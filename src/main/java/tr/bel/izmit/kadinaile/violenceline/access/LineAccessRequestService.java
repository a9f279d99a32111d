package tr.bel.izmit.kadinaile.violenceline.access;

import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;
import tr.bel.izmit.kadinaile.violenceline.access.LineAccessRequest.Kind;
import tr.bel.izmit.kadinaile.violenceline.access.LineAccessRequest.Status;
import tr.bel.izmit.kadinaile.violenceline.access.LineAccessRequestEvent.Action;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;

/**
 * Requests for changes that open the violence line (see {@link LineAccessGuard}), their approval by a line supervisor
 * who is neither the requester nor the person who gains the access, and their rejection. Every step is written to the
 * append-only {@link LineAccessRequestEvent} log and mailed to every line supervisor through the outbox (staff ids and
 * group names only, nothing about a case). An approved change is applied by the application itself (no authenticated
 * user, so the guard lets it through) in the same transaction as the approval.
 */
@Service
public class LineAccessRequestService {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger LOG = LoggerFactory.getLogger(LineAccessRequestService.class);

    private final LineAccessRequestRepository requests;
    private final LineAccessRequestEventRepository events;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final NotificationService notifications;
    private final Clock clock;

    LineAccessRequestService(LineAccessRequestRepository requests, LineAccessRequestEventRepository events,
            ProcessEngine processEngine, NotificationService notifications, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.identityService = processEngine.getIdentityService();
        this.authorizationService = processEngine.getAuthorizationService();
        this.engineConfiguration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public LineAccessRequest requestMembership(String userId, String groupId, String requester, String address) {
        List<FieldError> errors = new ArrayList<>();
        requireUser(userId, "userId", errors);
        if (!LineAccessRules.isLineGroup(groupId)) {
            errors.add(new FieldError("groupId", Texts.get("violenceline.access.validation.group.not-line", String.join(", ",
                new java.util.TreeSet<>(LineAccessRules.GROUPS)))));
        }
        throwIfAny(errors);
        if (asApplication(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0) {
            throw new ConflictException(Texts.get("violenceline.access.already-member"));
        }
        return submitted(LineAccessRequest.membership(userId, groupId, requester, now()), address);
    }

    @Transactional
    public LineAccessRequest requestAuthorization(String type, String userId, String groupId, Integer resourceType,
            String resourceId, List<String> permissionNames, String requester, String address) {
        List<FieldError> errors = new ArrayList<>();
        Integer authorizationType = "GRANT".equals(type) ? Integer.valueOf(Authorization.AUTH_TYPE_GRANT)
            : "GLOBAL".equals(type) ? Integer.valueOf(Authorization.AUTH_TYPE_GLOBAL) : null;
        if (authorizationType == null) {
            errors.add(new FieldError("type", Texts.get("violenceline.access.validation.type")));
        }
        if (authorizationType != null && authorizationType == Authorization.AUTH_TYPE_GLOBAL) {
            if (userId != null || groupId != null) {
                errors.add(new FieldError("userId", Texts.get("violenceline.access.validation.global.no-subject")));
            }
        } else if ((userId == null) == (groupId == null)) {
            errors.add(new FieldError("userId", Texts.get("violenceline.access.validation.subject")));
        } else if (userId != null) {
            requireUser(userId, "userId", errors);
        } else if (asApplication(() -> identityService.createGroupQuery().groupId(groupId).count()) == 0) {
            errors.add(new FieldError("groupId", Texts.get("violenceline.access.validation.group.unknown")));
        }
        Resource resource = resourceType == null ? null : ResourceTypeUtil.getResourceByType(resourceType);
        if (resource == null) {
            errors.add(new FieldError("resourceType", Texts.get("violenceline.access.validation.resource-type")));
        }
        if (resourceId == null || resourceId.isBlank() || resourceId.length() > 64) {
            errors.add(new FieldError("resourceId", Texts.get("violenceline.access.validation.resource-id")));
        }
        Set<String> names = new LinkedHashSet<>();
        if (permissionNames == null || permissionNames.isEmpty()) {
            errors.add(new FieldError("permissions", Texts.get("violenceline.access.validation.permissions.required")));
        } else if (resource != null) {
            for (String name : permissionNames) {
                try {
                    engineConfiguration.getPermissionProvider().getPermissionForName(name, resourceType);
                    names.add(name);
                } catch (ProcessEngineException unknown) {
                    errors.add(new FieldError("permissions", Texts.get("violenceline.access.validation.permissions.unknown", safe(name))));
                }
            }
        }
        throwIfAny(errors);
        return submitted(LineAccessRequest.authorization(authorizationType, userId, groupId, resourceType, resourceId,
            String.join(",", names), requester, now()), address);
    }

    @Transactional
    public LineAccessRequest requestPassword(String userId, String password, String requester, String address) {
        List<FieldError> errors = new ArrayList<>();
        requireUser(userId, "userId", errors);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
            errors.add(new FieldError("password", Texts.get("violenceline.access.validation.password.length", String.valueOf(MIN_PASSWORD_LENGTH))));
        }
        throwIfAny(errors);
        // only the engine's salted hash is kept until a supervisor decides
        String[] hashAndSalt = engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            UserEntity scratch = new UserEntity(userId);
            scratch.setPassword(password);
            scratch.encryptPassword();
            return new String[] {scratch.getPassword(), scratch.getSalt()};
        });
        return submitted(LineAccessRequest.password(userId, hashAndSalt[0], hashAndSalt[1], requester, now()), address);
    }

    /** Approves and applies the request. */
    @Transactional
    public LineAccessRequest approve(long id, String supervisor, String address) {
        LineAccessRequest request = pending(id);
        checkApprover(request, supervisor);
        apply(request);
        return decided(request, Status.APPROVED, Action.APPROVED, supervisor, address);
    }

    @Transactional
    public LineAccessRequest reject(long id, String supervisor, String address) {
        LineAccessRequest request = pending(id);
        if (supervisor.equals(request.getRequestedBy())) {
            throw new LineAccessRefusedException(Texts.get("violenceline.access.refused.reject-own"));
        }
        return decided(request, Status.REJECTED, Action.REJECTED, supervisor, address);
    }

    @Transactional(readOnly = true)
    public List<LineAccessRequest> recent() {
        return requests.findTop200ByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<LineAccessRequestEvent> events(long id) {
        return events.findByRequestIdOrderByIdAsc(id);
    }

    /** The approver is neither the requester nor anyone who gains the access (the user, or a member of the group). */
    private void checkApprover(LineAccessRequest request, String supervisor) {
        if (supervisor.equals(request.getRequestedBy())) {
            throw new LineAccessRefusedException(Texts.get("violenceline.access.refused.approve-own"));
        }
        if (supervisor.equals(request.getSubjectUserId())) {
            throw new LineAccessRefusedException(Texts.get("violenceline.access.refused.approve-for-self"));
        }
        if (request.getKind() == Kind.AUTHORIZATION && request.getGroupId() != null && asApplication(() ->
                identityService.createUserQuery().userId(supervisor).memberOfGroup(request.getGroupId()).count()) > 0) {
            throw new LineAccessRefusedException(Texts.get("violenceline.access.refused.approve-for-own-group"));
        }
    }

    private void apply(LineAccessRequest request) {
        asApplication(() -> {
            switch (request.getKind()) {
                case MEMBERSHIP -> {
                    requireStillThere(request.getSubjectUserId());
                    if (identityService.createUserQuery().userId(request.getSubjectUserId())
                            .memberOfGroup(request.getGroupId()).count() == 0) {
                        identityService.createMembership(request.getSubjectUserId(), request.getGroupId());
                    }
                }
                case AUTHORIZATION -> {
                    Authorization authorization = authorizationService.createNewAuthorization(request.getAuthorizationType());
                    if (request.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL) {
                        authorization.setUserId(Authorization.ANY);
                    } else {
                        authorization.setUserId(request.getSubjectUserId());
                        authorization.setGroupId(request.getGroupId());
                    }
                    authorization.setResourceType(request.getResourceType());
                    authorization.setResourceId(request.getResourceId());
                    for (String name : request.getPermissions().split(",")) {
                        Permission permission = engineConfiguration.getPermissionProvider()
                            .getPermissionForName(name, request.getResourceType());
                        authorization.addPermission(permission);
                    }
                    authorizationService.saveAuthorization(authorization);
                }
                case PASSWORD -> {
                    UserEntity user = (UserEntity) requireStillThere(request.getSubjectUserId());
                    user.setDbPassword(request.getPasswordHash());
                    user.setSalt(request.getPasswordSalt());
                    identityService.saveUser(user);
                }
            }
            return null;
        });
    }

    private User requireStillThere(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new ConflictException(Texts.get("violenceline.access.user-gone"));
        }
        return user;
    }

    private LineAccessRequest submitted(LineAccessRequest request, String address) {
        LineAccessRequest saved = requests.save(request);
        events.save(new LineAccessRequestEvent(saved.getId(), Action.REQUESTED, saved.getRequestedBy(), now(), address));
        LOG.info("Violence-line access request {} ({}) by {}", saved.getId(), saved.getKind(), saved.getRequestedBy());
        mailSupervisors(saved, Action.REQUESTED);
        return saved;
    }

    private LineAccessRequest decided(LineAccessRequest request, Status status, Action action, String supervisor, String address) {
        request.decide(status, supervisor, now());
        LineAccessRequest saved = requests.save(request);
        events.save(new LineAccessRequestEvent(saved.getId(), action, supervisor, now(), address));
        LOG.info("Violence-line access request {} {} by {}", saved.getId(), action, supervisor);
        mailSupervisors(saved, action);
        return saved;
    }

    private LineAccessRequest pending(long id) {
        LineAccessRequest request = requests.findById(id).orElseThrow(NoSuchElementException::new);
        if (request.getStatus() != Status.PENDING) {
            throw new ConflictException(Texts.get("violenceline.access.already-decided", String.valueOf(request.getStatus())));
        }
        return request;
    }

    /** One e-mail per supervisor; staff ids and group names only. */
    private void mailSupervisors(LineAccessRequest request, Action action) {
        List<User> supervisors = asApplication(() -> identityService.createUserQuery()
            .memberOfGroup(VIOLENCE_LINE_SUPERVISORS.id()).list());
        String subject = switch (action) {
            case REQUESTED -> Texts.get("violenceline.access.mail.subject.requested", String.valueOf(request.getId()));
            case APPROVED -> Texts.get("violenceline.access.mail.subject.approved", String.valueOf(request.getId()));
            case REJECTED -> Texts.get("violenceline.access.mail.subject.rejected", String.valueOf(request.getId()));
        };
        String body = Texts.get("violenceline.access.mail.body", describe(request), request.getRequestedBy(),
            request.getDecidedBy() == null ? "" : Texts.get("violenceline.access.mail.decided-by", request.getDecidedBy()),
            LineAccessGuard.REQUESTS + "/" + request.getId());
        for (User supervisor : supervisors) {
            notifications.enqueue("vl-access-" + request.getId() + "-" + action + "-" + supervisor.getId(), Channel.EMAIL,
                supervisor.getEmail(), subject, body);
        }
    }

    static String describe(LineAccessRequest request) {
        return switch (request.getKind()) {
            case MEMBERSHIP -> Texts.get("violenceline.access.describe.membership", request.getSubjectUserId(),
                ViolenceLineIdentityContribution.lineGroup(request.getGroupId()).map(StaffGroup::displayName)
                    .orElse(request.getGroupId()));
            case AUTHORIZATION -> Texts.get("violenceline.access.describe.authorization",
                request.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL ? Texts.get("violenceline.access.describe.subject.global")
                    : request.getSubjectUserId() != null ? Texts.get("violenceline.access.describe.subject.user", request.getSubjectUserId())
                    : Texts.get("violenceline.access.describe.subject.group", request.getGroupId()),
                String.valueOf(request.getResourceType()), request.getResourceId(), request.getPermissions());
            case PASSWORD -> Texts.get("violenceline.access.describe.password", request.getSubjectUserId());
        };
    }

    private void requireUser(String userId, String field, List<FieldError> errors) {
        if (userId == null || userId.isBlank()) {
            errors.add(new FieldError(field, Texts.get("violenceline.access.validation.user.required")));
        } else if (asApplication(() -> identityService.createUserQuery().userId(userId).count()) == 0) {
            errors.add(new FieldError(field, Texts.get("violenceline.access.validation.user.unknown")));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    private static String safe(String name) {
        return name == null ? "" : name.replaceAll("[^A-Za-z0-9_]", "?");
    }

    /** Runs as the application itself: no authenticated user (restored afterwards). */
    private <T> T asApplication(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** A refused approval or rejection: 403 with the reason. */
    public static class LineAccessRefusedException extends RuntimeException {
        public LineAccessRefusedException(String message) {
            super(message);
        }
    }
}
