package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Refuses comments and attachments on the tasks and instances of confidential processes (the violence line), through
 * the engine REST API and the web apps' API (Tasklist's "Yorum ekle"). The engine keeps a comment's text in clear in
 * ACT_HI_COMMENT and an attachment's bytes in ACT_GE_BYTEARRAY, and checks no authorization when one is added: a note
 * typed there would be the woman's data in clear in the engine. The line's staff write notes in the forms' note fields,
 * which go encrypted into the case's notes. Comments on the other processes stay as they are.
 */
public class ConfidentialCommentGuard extends OncePerRequestFilter {

    static final String MESSAGE = Texts.get("identity.confidential.comment-refused");

    /** {@code .../task/{id}/comment/create}, {@code .../process-instance/{id}/attachment/create} and the like. */
    private static final Pattern NOTE = Pattern.compile(
        "^/(?:engine-rest|camunda/api/engine/engine/[^/]+)/(task|process-instance)/([^/]+)/(?:comment|attachment)/create/?$");

    private final List<String> confidentialKeys;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    ConfidentialCommentGuard(StaffDirectory directory, IdentityService identityService, TaskService taskService,
            RuntimeService runtimeService, HistoryService historyService) {
        this.confidentialKeys = directory.policies().stream().filter(ProcessAccessPolicy::confidential)
            .map(ProcessAccessPolicy::processKey).toList();
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equalsIgnoreCase(request.getMethod()) && !confidentialKeys.isEmpty()) {
            Matcher note = NOTE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            if (note.matches() && confidential(note.group(1), note.group(2))) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + MESSAGE + "\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean confidential(String resource, String id) {
        String[] keys = confidentialKeys.toArray(String[]::new);
        if ("task".equals(resource)) {
            return unrestricted(() -> taskService.createTaskQuery().taskId(id).processDefinitionKeyIn(keys).count() > 0
                || confidentialKeys.stream().anyMatch(key ->
                    historyService.createHistoricTaskInstanceQuery().taskId(id).processDefinitionKey(key).count() > 0));
        }
        return unrestricted(() -> runtimeService.createProcessInstanceQuery().processInstanceId(id).processDefinitionKeyIn(keys).count() > 0
            || historyService.createHistoricProcessInstanceQuery().processInstanceId(id).processDefinitionKeyIn(keys).count() > 0);
    }

    /** Looks the task or instance up whoever asks (she may not see it: then she must not comment on it either). */
    private boolean unrestricted(BooleanSupplier query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.getAsBoolean();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ConfidentialCommentGuard> confidentialCommentGuard(StaffDirectory directory,
                IdentityService identityService, TaskService taskService, RuntimeService runtimeService, HistoryService historyService) {
            FilterRegistrationBean<ConfidentialCommentGuard> registration = new FilterRegistrationBean<>(
                new ConfidentialCommentGuard(directory, identityService, taskService, runtimeService, historyService));
            registration.setName("confidential-comment-guard");
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            // after the engine's HTTP Basic filter (10): an anonymous caller gets 401 before any look-up
            registration.setOrder(15);
            return registration;
        }
    }
}
