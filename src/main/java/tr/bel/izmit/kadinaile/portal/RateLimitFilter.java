package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits submissions to the public portal per client address (Bucket4j token buckets): a burst of
 * {@code capacity} submissions, refilled over {@code period}. Over the limit a citizen gets 429 with a
 * Turkish explanation and Retry-After. Only submissions (POST) count; reading pages does not.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Kısa sürede çok fazla başvuru gönderildi. Lütfen biraz bekleyip yeniden deneyin.";
    private static final int MAX_CLIENTS = 100_000;

    private final int capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(@Value("${app.portal.rate-limit.capacity:10}") int capacity,
            @Value("${app.portal.rate-limit.period:PT10M}") Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
            || !(path.startsWith("/api/public/") || path.startsWith("/basvuru"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().contains("/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"message\":\"" + MESSAGE + "\",\"errors\":[]}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\"><title>Çok fazla istek</title>"
                + "</head><body><main><h1>Çok fazla istek</h1><p>" + MESSAGE + "</p></main></body></html>");
        }
    }
}
