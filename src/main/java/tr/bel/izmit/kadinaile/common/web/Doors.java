package tr.bel.izmit.kadinaile.common.web;

import java.util.Arrays;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The application's doors as Spring Security filter chains, checked in this order (the first chain whose paths match
 * serves the request): the Camunda web apps and engine REST API (Camunda's own login), the portal's pages, the
 * public JSON API, the managers' pages, the staff API, everything else.
 */
public final class Doors {

    public static final int CAMUNDA = 10;
    public static final int PORTAL_PAGES = 20;
    public static final int PUBLIC_API = 30;
    public static final int DASHBOARD_PAGES = 40;
    /** The case view and person search ({@code /api/staff/cases/**}, {@code /api/staff/people/**}); session only. */
    public static final int CASEWORK = 41;
    /** Uploaded documents for staff ({@code /api/staff/documents/**}). */
    public static final int DOCUMENTS = 42;
    /** İZGİM's desk pages (library, seminars); free for the next door of its kind. */
    public static final int IZGIM_DESK = 43;
    public static final int STAFF_API = 50;
    public static final int EVERYTHING_ELSE = 100;

    private Doors() {
    }

    /** Requests whose path (below the context path) matches one of the patterns, e.g. {@code /basvuru/**}. */
    public static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
            .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
    }

    /**
     * Spring Security's default headers off, HTTP Strict Transport Security on every answer given over TLS (directly
     * or behind a trusted proxy that sends {@code X-Forwarded-Proto: https}, see {@link TrustedProxyValve}): once a
     * browser has reached the system over HTTPS it never talks to it in plain HTTP again. Over plain HTTP browsers
     * ignore the header, so it is not sent. An answer that already carries the header (the Camunda web apps send
     * their own) keeps it. A door adds its own headers after this.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> strictTransportOnly() {
        return headers -> headers.defaultsDisabled()
            .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
    }

    /**
     * A door that keeps no state of Spring Security's own between requests: no saved request, no session management,
     * no security context kept in the session, no servlet API wrapping and no logout endpoint. The door adds what it
     * needs beside this (its CSRF setting, headers, filters).
     */
    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(AbstractHttpConfigurer::disable)
            .securityContext(AbstractHttpConfigurer::disable)
            .servletApi(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable);
    }
}
