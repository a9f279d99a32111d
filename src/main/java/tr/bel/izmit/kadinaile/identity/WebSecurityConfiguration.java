package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ApiError;
import tr.bel.izmit.kadinaile.common.web.Doors;
import tr.bel.izmit.kadinaile.common.web.StaffRules;

/**
 * Spring Security for the doors that are the application's own, and out of the way of Camunda's:
 * <ul>
 *   <li>the Camunda web apps ({@code /camunda/**}) and the engine REST API ({@code /engine-rest/**}) keep Camunda's
 *       login (the web apps' session, the engine's HTTP Basic filter); their chain adds HTTP Strict Transport Security
 *       and the login throttle and audit of those doors, nothing else, and their requests pass Spring Security's
 *       firewall unchanged;</li>
 *   <li>the staff API ({@code /api/staff/**}, {@code /api/reports/**}), the operations metrics
 *       ({@code /actuator/prometheus}) and Swagger UI: HTTP Basic against the Camunda identity
 *       ({@link CamundaIdentityAuthenticationProvider}), stateless, or the Camunda web apps' own login read from their
 *       session (a Tasklist plugin calling with the user's session), whose changing requests must carry the web apps'
 *       CSRF token ({@link StaffApiLogins}, {@link WebappCsrfTokens}); either way the rules each capability declares
 *       ({@link StaffRules}); a path no rule names is refused. The caller is set on the engine for the request
 *       ({@link EngineAuthenticationBridge});</li>
 *   <li>everything else (static files, the OpenAPI description, health, error pages): open, as before.</li>
 * </ul>
 * The portal's and the managers' pages have chains of their own ({@code portal.PortalSecurity},
 * {@code metrics.DashboardSecurity}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    static final String[] CAMUNDA_DOORS = {"/camunda/**", "/engine-rest/**"};
    static final String[] STAFF_DOORS = {"/api/staff/**", "/api/reports/**", "/actuator/prometheus", "/swagger-ui/**",
        "/swagger-ui.html"};
    /** Swagger UI is for every member of staff; the OpenAPI description itself ({@code /v3/api-docs}) is public. */
    static final String[] SWAGGER_UI = {"/swagger-ui/**", "/swagger-ui.html"};
    static final String FORBIDDEN = Texts.get("api.error.forbidden");
    static final String CSRF_REFUSED = Texts.get("api.error.csrf");

    @Bean
    @Order(Doors.CAMUNDA)
    SecurityFilterChain camundaDoors(HttpSecurity http, IdentitySetup identitySetup, LoginThrottle throttle) throws Exception {
        WebappLoginThrottleFilter loginThrottle = new WebappLoginThrottleFilter(throttle);
        return Doors.stateless(http.securityMatcher(Doors.paths(CAMUNDA_DOORS)))
            .csrf(AbstractHttpConfigurer::disable)
            .anonymous(AbstractHttpConfigurer::disable)
            .exceptionHandling(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .addFilterAfter(loginThrottle, HeaderWriterFilter.class)
            .addFilterAfter(new LoginAuditFilter(identitySetup), WebappLoginThrottleFilter.class)
            .build();
    }

    @Bean
    AuthenticationProvider camundaIdentityAuthentication(ProcessEngine engine, EngineRestAuthenticationCache cache,
            LoginThrottle throttle) {
        return new CamundaIdentityAuthenticationProvider(engine, cache, throttle);
    }

    @Bean
    @Order(Doors.STAFF_API)
    SecurityFilterChain staffApi(HttpSecurity http, ProcessEngine engine, AuthenticationProvider camundaIdentityAuthentication,
            ObjectProvider<AuthenticationEventPublisher> events, ObjectProvider<StaffRules> contributions,
            ObjectMapper json) throws Exception {
        ProviderManager logins = new ProviderManager(camundaIdentityAuthentication);
        events.ifAvailable(logins::setAuthenticationEventPublisher);
        AuthenticationEntryPoint entryPoint = StaffApiLogins.entryPoint(CamundaIdentityAuthenticationProvider.entryPoint(engine),
            json.writeValueAsBytes(ApiError.of(Texts.get("api.staff.login-required"))));
        List<StaffRules.Rule> rules = StaffRules.collect(contributions.orderedStream().toList());
        StaffApiLogins staffLogins = new StaffApiLogins(new WebappSessionSecurityContextRepository(engine));
        return http.securityMatcher(Doors.paths(STAFF_DOORS))
            .securityContext(context -> context.securityContextRepository(staffLogins))
            .authenticationManager(logins)
            .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
            .authorizeHttpRequests(requests -> {
                rules.forEach(rule -> requests.requestMatchers(rule.matcher())
                    .hasAnyAuthority(rule.groupIds().toArray(String[]::new)));
                requests.requestMatchers(Doors.paths(SWAGGER_UI)).authenticated();
                requests.anyRequest().denyAll();
            })
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                .defaultAccessDeniedHandlerFor(jsonForbidden(json), Doors.paths("/api/**"))
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
            // nothing of Spring Security's own in the session: HTTP Basic is stateless, the web apps own their session
            .sessionManagement(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .csrf(csrf -> csrf.csrfTokenRepository(new WebappCsrfTokens())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(staffLogins::needsCsrfToken))
            .logout(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .addFilterAfter(new EngineAuthenticationBridge(engine.getIdentityService()), AuthorizationFilter.class)
            .build();
    }

    @Bean
    @Order(Doors.EVERYTHING_ELSE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return Doors.stateless(http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()))
            .csrf(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .build();
    }

    /**
     * Spring Security's firewall refuses unusual requests (encoded slashes and percent signs, semicolons, some header
     * values) before any chain: on our own doors that is welcome, on Camunda's it would change how the web apps and the
     * engine REST API answer. A request whose raw and normalised paths both lie under one of Camunda's doors passes
     * unchanged; every other request, including one whose raw path only looks like Camunda's ({@code /camunda/../api}),
     * goes through the strict firewall.
     */
    @Bean
    WebSecurityCustomizer camundaDoorsPassTheFirewall() {
        HttpFirewall strict = new StrictHttpFirewall();
        return web -> web.httpFirewall(new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                if (!isCamundaDoor(request)) {
                    return strict.getFirewalledRequest(request);
                }
                return new FirewalledRequest(request) {
                    @Override
                    public void reset() {
                    }
                };
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        });
    }

    static boolean isCamundaDoor(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String normalised = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return under(raw, "/camunda") && under(normalised, "/camunda") || under(raw, "/engine-rest") && under(normalised, "/engine-rest");
    }

    private static boolean under(String path, String door) {
        return path.equals(door) || path.startsWith(door + "/");
    }

    /**
     * Refusals of the staff API: 403 with our API's error body in Turkish; a web app session's changing request without
     * the right CSRF token is told so (reloading the page fetches the token again).
     */
    static AccessDeniedHandler jsonForbidden(ObjectMapper json) {
        byte[] body;
        byte[] csrfBody;
        try {
            body = json.writeValueAsBytes(ApiError.of(FORBIDDEN));
            csrfBody = json.writeValueAsBytes(ApiError.of(CSRF_REFUSED));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return (request, response, denied) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(denied instanceof CsrfException ? csrfBody : body);
        };
    }

    /** Denials are published: the violence line audits a refused look at a case ({@code violenceline.ViolenceLineStaffRules}). */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /** Failed HTTP Basic logins on our own doors are audited as those on Camunda's ({@link LoginAuditFilter}). */
    @Bean
    ApplicationListener<AuthenticationFailureBadCredentialsEvent> staffLoginAudit() {
        return failure -> LoginAuditFilter.audit(false, failure.getAuthentication().getName(), "HTTP Basic",
            failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null);
    }

    /** No observations of the filter chains: the metrics endpoint shows what it showed before. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
