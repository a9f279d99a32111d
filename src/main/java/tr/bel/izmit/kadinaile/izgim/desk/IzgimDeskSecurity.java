package tr.bel.izmit.kadinaile.izgim.desk;

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
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.util.HtmlUtils;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.Doors;
import tr.bel.izmit.kadinaile.identity.WebappSessionSecurityContextRepository;

/**
 * The door of İZGİM's desk pages ({@value IzgimDesk#PATH} and below): the login of the Camunda web apps, read from
 * their session as the managers' pages read it ({@link WebappSessionSecurityContextRepository}; HTTP Basic is no door
 * here), and the groups of {@link IzgimDesk#GROUPS} only. Every form carries Spring Security's CSRF token, kept in
 * the same session; a changing request without it, or with a wrong one, is refused with 403 before any controller
 * runs, so nothing is written. Not logged in: 401, a Turkish page leading to the Tasklist login; logged in without
 * the group (a manager, an administrator, a psychologist): 403, a Turkish page. Strict headers: own styles only, no
 * script, no framing, no caching (the pages show a child's or a registrant's data).
 */
@Configuration(proxyBeanMethods = false)
class IzgimDeskSecurity {

    static final String LOGIN = "/camunda/app/tasklist/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(Doors.IZGIM_DESK)
    SecurityFilterChain izgimDesk(HttpSecurity http, ProcessEngine engine) throws Exception {
        return http.securityMatcher(Doors.paths(IzgimDesk.PATH, IzgimDesk.PATH + "/**"))
            .securityContext(context -> context.securityContextRepository(new WebappSessionSecurityContextRepository(engine)))
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(IzgimDesk.GROUPS.toArray(String[]::new)))
            .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint((request, response, missing) -> page(request, response,
                    HttpServletResponse.SC_UNAUTHORIZED, "izgim.desk.door.unauthorized", request.getContextPath() + LOGIN))
                .accessDeniedHandler((request, response, denied) -> page(request, response, HttpServletResponse.SC_FORBIDDEN,
                    denied instanceof CsrfException ? "izgim.desk.door.csrf" : "izgim.desk.door.forbidden",
                    request.getContextPath() + (denied instanceof CsrfException ? IzgimDesk.PATH : "/camunda/app/"))))
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
            .build();
    }

    /** A refusal page in Turkish: title, text and one link ({@code <key>.title}, {@code .text}, {@code .link}). */
    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String key, String link)
            throws IOException {
        String title = Texts.get(key + ".title");
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">"
            + "<title>" + escape(Texts.get("izgim.desk.page-title", title)) + "</title><link rel=\"stylesheet\" href=\""
            + escape(request.getContextPath() + IzgimDesk.STYLESHEET) + "\"></head><body><main class=\"page\" id=\"icerik\"><h1>"
            + escape(title) + "</h1><p>" + escape(Texts.get(key + ".text")) + "</p><p><a class=\"button\" href=\"" + escape(link)
            + "\">" + escape(Texts.get(key + ".link")) + "</a></p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
