package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.Doors;

/**
 * The public side's doors, open to everyone:
 * <ul>
 *   <li>the portal's HTML pages ({@code /basvuru/**}): CSRF protection of their forms by double submission (Spring
 *       Security's cookie token repository): a random token in an HttpOnly, SameSite=Strict cookie {@value #COOKIE}
 *       and the same token in a hidden form field {@value #PARAMETER}; a POST without both, or with tokens that
 *       differ, is refused with 403 and a Turkish page before anything is read or started. Security headers: own
 *       scripts and styles only (no inline code), no framing, no referrer (the confirmation page's address holds the
 *       tracking code), and no caching of anything personal: only the service list and the KVKK notice may be
 *       revalidated from a cache, every other page is {@code no-store};</li>
 *   <li>the JSON API ({@code /api/public/**}) uses no cookies and needs no CSRF token.</li>
 * </ul>
 * On both, the {@link RateLimitFilter} (Spring Security has no rate limit of its own) runs in the chain, after the
 * CSRF check: a refused form does not use up the client's budget.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String COOKIE = "PORTAL_CSRF";
    static final String PARAMETER = "_csrf";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(Doors.PORTAL_PAGES)
    SecurityFilterChain portalPages(HttpSecurity http, RateLimitFilter rateLimit, PortalRefusalPages pages)
            throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(COOKIE);
        tokens.setParameterName(PARAMETER);
        tokens.setHeaderName("X-Portal-Csrf");
        tokens.setCookiePath("/basvuru");
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
        return Doors.stateless(http.securityMatcher(Doors.paths("/basvuru", "/basvuru/**")))
            // the token as it is in the form (no masking): the double submission compares the cookie and the field
            .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/**")))
            .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, refused) -> refuse(request, response, pages)))
            .headers(Doors.strictTransportOnly())
            .headers(headers -> headers
                .addHeaderWriter(CACHE_CONTROL)
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(options -> { })
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
            .addFilterAfter(rateLimit, CsrfFilter.class)
            .build();
    }

    @Bean
    @Order(Doors.PUBLIC_API)
    SecurityFilterChain publicApi(HttpSecurity http, RateLimitFilter rateLimit) throws Exception {
        return Doors.stateless(http.securityMatcher(Doors.paths("/api/public/**")))
            .csrf(AbstractHttpConfigurer::disable)
            .headers(Doors.strictTransportOnly())
            .addFilterAfter(rateLimit, HeaderWriterFilter.class)
            .build();
    }

    /** The rate limit runs only inside the portal's chains, not a second time as a filter of its own. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitOnlyInTheSecurityChain(RateLimitFilter rateLimit) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(rateLimit);
        registration.setEnabled(false);
        return registration;
    }

    /** Only the service list and the KVKK notice may be kept in a cache (revalidated); an answer that set its own keeps it. */
    private static final HeaderWriter CACHE_CONTROL = (request, response) -> {
        if (response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean shared = "GET".equals(request.getMethod()) && (path.equals("/basvuru") || path.equals("/basvuru/kvkk"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, shared ? "no-cache" : "no-store");
    };

    /** A form without its token: 403 and the portal's refusal page (the quick exit and the helplines of every page). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, PortalRefusalPages pages)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        pages.write(request, response, Texts.get("portal.csrf.title"),
            List.of(Texts.get("portal.csrf.text"), Texts.get("portal.csrf.retry")), Texts.get("portal.csrf.back"));
    }
}
