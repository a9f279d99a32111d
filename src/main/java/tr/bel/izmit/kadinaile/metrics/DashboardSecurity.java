package tr.bel.izmit.kadinaile.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.util.HtmlUtils;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.Doors;
import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.EngineAuthenticationBridge;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.identity.WebappSessionSecurityContextRepository;

/**
 * Who may see the figures: the managers' pages under {@code /yonetim} use the login of the Camunda web apps
 * ({@link WebappSessionSecurityContextRepository}; HTTP Basic is no door to them), the staff API's dashboard and the
 * activity report take HTTP Basic, the operations metrics are for managers and administrators. Not logged in to the
 * pages: 401 with a Turkish page linking to the login; logged in without the group {@code managers}: 403. For the
 * request, the manager is set on the engine, as in the staff API. The pages get strict security headers: own scripts
 * and styles only, no framing, no caching.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    static final String PAGES = "/yonetim";
    static final String LOGIN = "/camunda/app/welcome/default/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
        + "object-src 'none'";
    private static final String MANAGERS = StaffGroup.MANAGERS.id();

    @Bean
    StaffRules metricsStaffRules() {
        return rules -> rules
            .allow(DashboardController.PATH + "/**", MANAGERS)
            .allow("/api/staff/reports/**", MANAGERS)
            .allow(ActivityReportController.REPORTS_PATH + "/**", MANAGERS)
            .allow("/actuator/prometheus", MANAGERS, StaffGroup.CAMUNDA_ADMIN.id());
    }

    @Bean
    @Order(Doors.DASHBOARD_PAGES)
    SecurityFilterChain dashboardPages(HttpSecurity http, ProcessEngine engine) throws Exception {
        return http.securityMatcher(Doors.paths(PAGES, PAGES + "/**"))
            .securityContext(context -> context.securityContextRepository(new WebappSessionSecurityContextRepository(engine)))
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(MANAGERS))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint((request, response, missing) -> page(request, response,
                    HttpServletResponse.SC_UNAUTHORIZED, Texts.get("metrics.door.unauthorized.title"),
                    Texts.get("metrics.door.unauthorized.text"),
                    request.getContextPath() + LOGIN, Texts.get("metrics.door.unauthorized.link")))
                .accessDeniedHandler((request, response, denied) -> page(request, response,
                    HttpServletResponse.SC_FORBIDDEN, Texts.get("metrics.door.forbidden.title"),
                    Texts.get("metrics.door.forbidden.text"),
                    request.getContextPath() + "/camunda/app/", Texts.get("metrics.door.forbidden.link"))))
            .csrf(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .headers(headers -> headers
                .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(options -> { })
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
            .addFilterAfter(new EngineAuthenticationBridge(engine.getIdentityService()), AuthorizationFilter.class)
            .build();
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String title, String text,
            String link, String linkText) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
            + escape(Texts.get("metrics.door.page-title", title)) + "</title><link rel=\"stylesheet\" href=\"" + escape(request.getContextPath())
            + "/dashboard/dashboard.css\"></head><body><main class=\"page\"><h1>" + escape(title) + "</h1><p>"
            + escape(text) + "</p><p><a class=\"button\" href=\"" + escape(link) + "\">"
            + escape(linkText) + "</a></p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
