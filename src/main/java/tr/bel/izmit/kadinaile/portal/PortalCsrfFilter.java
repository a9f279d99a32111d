package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of the portal's HTML forms without Spring Security, by double submission: every portal page
 * gets a random token in an HttpOnly, SameSite=Strict cookie and the same token in a hidden form field; a
 * POST to {@code /basvuru/**} is let through only when both are there and equal (compared in constant time).
 * Otherwise it is refused with 403 and a Turkish page, before anything is read or started. The JSON API
 * ({@code /api/public/**}) uses no cookies and is not concerned. Runs after the character encoding filter (so
 * that reading the token parameter does not fix the wrong encoding) and before the rate limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PortalCsrfFilter extends OncePerRequestFilter {

    static final String COOKIE = "PORTAL_CSRF";
    static final String PARAMETER = "_csrf";
    /** The request attribute holding the page's token, for the templates. */
    static final String ATTRIBUTE = "portalCsrfToken";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isPortalPath(request);
    }

    static boolean isPortalPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/basvuru") || path.startsWith("/basvuru/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String cookieToken = cookieToken(request);
        if ("POST".equals(request.getMethod())) {
            String formToken = request.getParameter(PARAMETER);
            if (cookieToken == null || formToken == null || !MessageDigest.isEqual(
                    cookieToken.getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII))) {
                refuse(request, response);
                return;
            }
        }
        String token = cookieToken;
        if (token == null) {
            token = newToken();
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token)
                .path(request.getContextPath() + "/basvuru")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .build().toString());
        }
        request.setAttribute(ATTRIBUTE, token);
        chain.doFilter(request, response);
    }

    private static String cookieToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && TOKEN.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html");
        String base = request.getContextPath();
        response.getWriter().write("<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Form doğrulanamadı – İzmit Belediyesi</title>"
            + "<link rel=\"stylesheet\" href=\"" + base + "/portal/portal.css\"></head><body><main class=\"page\">"
            + "<h1>Form doğrulanamadı</h1>"
            + "<p>Güvenliğiniz için formu yalnızca bu sitenin sayfasından gönderebilirsiniz. Sayfanın süresi dolmuş ya da "
            + "tarayıcınız çerezleri engelliyor olabilir.</p>"
            + "<p>Lütfen sayfayı yeniden açıp bilgilerinizi tekrar girerek gönderin.</p>"
            + "<p><a class=\"button\" href=\"" + base + "/basvuru\">Başvurular sayfasına dön</a></p>"
            + "</main></body></html>");
    }
}
