package tr.bel.izmit.kadinaile.casework;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ApiError;
import tr.bel.izmit.kadinaile.common.web.Doors;
import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.EngineAuthenticationBridge;
import tr.bel.izmit.kadinaile.identity.WebappCsrfTokens;
import tr.bel.izmit.kadinaile.identity.WebappSessionSecurityContextRepository;

/**
 * The door of the case view and the person search ({@code /api/staff/cases/**}, {@code /api/staff/people/**}): the
 * Tasklist user's own web app login, read from the session ({@link WebappSessionSecurityContextRepository}, as the
 * managers' pages do; HTTP Basic is no door here), changing requests with the web apps' CSRF token
 * ({@link WebappCsrfTokens}), the caller's groups against the groups of the services that show case data. Checked
 * before the staff API's chain, whose paths include these. Not logged in: 401; another group, a missing or wrong
 * CSRF token: 403; both with a Turkish JSON body. Answers are not cached.
 */
@Configuration(proxyBeanMethods = false)
class CaseworkSecurity {

    /** Before the staff API ({@link Doors#STAFF_API}), whose paths include these; a slot of its own in {@link Doors}. */
    static final int ORDER = Doors.CASEWORK;
    static final String[] PATHS = {CaseViewController.CASES + "/**", CaseViewController.PEOPLE + "/**"};

    /** The staff rule table names these paths too (the staff API's chain never serves them, this one does). */
    @Bean
    StaffRules caseworkStaffRules(CaseViews views) {
        String[] groups = views.staffGroups().toArray(String[]::new);
        return rules -> rules.allow(PATHS[0], groups).allow(PATHS[1], groups);
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain caseworkDoor(HttpSecurity http, ProcessEngine engine, CaseViews views, ObjectMapper json) throws Exception {
        byte[] unauthorized = json.writeValueAsBytes(ApiError.of(Texts.get("api.casework.login-required")));
        byte[] forbidden = json.writeValueAsBytes(ApiError.of(Texts.get("api.error.forbidden")));
        List<String> groups = List.copyOf(views.staffGroups());
        return http.securityMatcher(Doors.paths(PATHS))
            .securityContext(context -> context.securityContextRepository(new WebappSessionSecurityContextRepository(engine)))
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(groups.toArray(String[]::new)))
            .csrf(csrf -> csrf.csrfTokenRepository(new WebappCsrfTokens())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint((request, response, missing) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, unauthorized))
                .accessDeniedHandler((request, response, denied) -> write(response, HttpServletResponse.SC_FORBIDDEN, forbidden)))
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .headers(headers -> headers.addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                .contentTypeOptions(options -> { }))
            .addFilterAfter(new EngineAuthenticationBridge(engine.getIdentityService()), AuthorizationFilter.class)
            .build();
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(body);
    }
}
