package tr.bel.izmit.kadinaile.portal;

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
 * Security headers of the portal's HTML pages: own scripts and styles only (no inline code), no framing, no
 * referrer (the confirmation page's address holds the tracking code), and no caching of anything personal:
 * only the service list and the KVKK notice may be revalidated from a cache, every other page is
 * {@code no-store}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PortalHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PortalCsrfFilter.isPortalPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean shared = "GET".equals(request.getMethod()) && (path.equals("/basvuru") || path.equals("/basvuru/kvkk"));
        response.setHeader("Cache-Control", shared ? "no-cache" : "no-store");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
