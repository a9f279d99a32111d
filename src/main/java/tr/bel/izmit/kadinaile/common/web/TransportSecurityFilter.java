package tr.bel.izmit.kadinaile.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Strict Transport Security on every answer given over TLS (directly or behind a reverse proxy that sends
 * {@code X-Forwarded-Proto: https}, believed only from {@code TRUSTED_PROXIES}, see {@link TrustedProxyValve}): once
 * a browser has reached the system over HTTPS it never talks to it in plain HTTP again. Over plain HTTP the header would be
 * meaningless (browsers ignore it), so it is not sent there. The Camunda web apps send the same header
 * themselves ({@code camunda.bpm.webapp.header-security}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TransportSecurityFilter extends OncePerRequestFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
