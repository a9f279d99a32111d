package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ClientBuckets;
import tr.bel.izmit.kadinaile.common.web.TooManyRequests;

/**
 * Limits what one client can do on the public portal, per client address (as Tomcat reports it: the peer, or the
 * client named by a trusted proxy, see {@code common.web.TrustedProxyValve}), with three separate budgets:
 * <ul>
 * <li>submissions (every POST to {@code /api/public/**} and {@code /basvuru/**} not named below): a burst of
 * {@code app.portal.rate-limit.capacity}, refilled over {@code period};</li>
 * <li>status lookups by tracking code ({@code GET /api/public/applications/{code}}, {@code POST /basvuru/durum}):
 * only lookups of a code that does not exist (404) count, so a citizen who checks her own application as often as
 * she likes is never stopped, while someone trying codes is ({@code lookup-capacity} per {@code lookup-period});</li>
 * <li>withdrawals ({@code POST /api/public/applications/{code}/withdrawal}, {@code POST /basvuru/durum/geri-cek}):
 * every attempt counts ({@code withdrawal-capacity} per {@code withdrawal-period}).</li>
 * </ul>
 * Over a budget the client gets 429 with a Turkish explanation and Retry-After, and nothing is read or started. A
 * request refused unread for its content type (415) does not count. Runs in the portal's security chains
 * ({@link PortalSecurity}).
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    static final String MESSAGE = Texts.get("portal.too-many-requests.applications");
    static final String LOOKUP_MESSAGE = Texts.get("portal.too-many-requests.lookups");
    static final String WITHDRAWAL_MESSAGE = Texts.get("portal.too-many-requests.withdrawals");
    private static final long MAX_CLIENTS = 100_000;
    private static final Pattern API_STATUS = Pattern.compile("/api/public/applications/[^/]+");
    private static final Pattern API_WITHDRAWAL = Pattern.compile("/api/public/applications/[^/]+/withdrawal");

    enum Kind { SUBMISSION, LOOKUP, WITHDRAWAL }

    private final ClientBuckets submissions;
    private final ClientBuckets lookups;
    private final ClientBuckets withdrawals;
    /** The refusal page, with the quick exit (a woman who is refused must still be able to leave at once). */
    private final PortalRefusalPages refusalPage;

    RateLimitFilter(@Value("${app.portal.rate-limit.capacity:10}") int capacity,
            @Value("${app.portal.rate-limit.period:PT10M}") Duration period,
            @Value("${app.portal.rate-limit.lookup-capacity:20}") int lookupCapacity,
            @Value("${app.portal.rate-limit.lookup-period:PT1H}") Duration lookupPeriod,
            @Value("${app.portal.rate-limit.withdrawal-capacity:5}") int withdrawalCapacity,
            @Value("${app.portal.rate-limit.withdrawal-period:PT1H}") Duration withdrawalPeriod,
            PortalRefusalPages refusalPage) {
        this.refusalPage = refusalPage;
        this.submissions = new ClientBuckets(capacity, period, MAX_CLIENTS);
        this.lookups = new ClientBuckets(lookupCapacity, lookupPeriod, MAX_CLIENTS);
        this.withdrawals = new ClientBuckets(withdrawalCapacity, withdrawalPeriod, MAX_CLIENTS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return kind(request) == null;
    }

    /** What the request is, for the budgets; null when it is not limited (reading pages, the catalogue, forms). */
    static Kind kind(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if ("GET".equals(method)) {
            return API_STATUS.matcher(path).matches() ? Kind.LOOKUP : null;
        }
        if (!"POST".equals(method) || !(path.startsWith("/api/public/") || path.startsWith("/basvuru"))) {
            return null;
        }
        if (API_WITHDRAWAL.matcher(path).matches() || path.equals("/basvuru/durum/geri-cek")) {
            return Kind.WITHDRAWAL;
        }
        return path.equals("/basvuru/durum") ? Kind.LOOKUP : Kind.SUBMISSION;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request);
        String client = ClientBuckets.clientKey(request.getRemoteAddr());
        ClientBuckets budget = switch (kind) {
            case SUBMISSION -> submissions;
            case LOOKUP -> lookups;
            case WITHDRAWAL -> withdrawals;
        };
        Optional<Duration> wait = budget.tryTake(client);
        if (wait.isPresent()) {
            TooManyRequests.send(request, response, wait.get(), switch (kind) {
                case SUBMISSION -> MESSAGE;
                case LOOKUP -> LOOKUP_MESSAGE;
                case WITHDRAWAL -> WITHDRAWAL_MESSAGE;
            }, refusalPage);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE
                || kind == Kind.LOOKUP && response.getStatus() != HttpServletResponse.SC_NOT_FOUND) {
            // refused unread (415), or she found her application (or typed no code at all): only codes that do not
            // exist count as lookups
            budget.giveBack(client);
        }
    }
}
