package tr.bel.izmit.kadinaile.portal;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's public address as citizens reach it ({@code app.portal.public-url}, {@code PORTAL_PUBLIC_URL}), for the
 * addresses an SMS or e-mail names: {@link #of(String)} gives a portal page's address as a message shows it, without
 * {@code https://} (shorter, and phones still make it a link), e.g. {@code izmit.bel.tr/basvuru/randevu}.
 */
@Component
public class PortalAddress {

    private final String base;

    public PortalAddress(@Value("${app.portal.public-url:https://izmit.bel.tr}") String publicUrl) {
        URI uri = URI.create(publicUrl.strip());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("app.portal.public-url must be an http(s) address: " + publicUrl);
        }
        String text = uri.toString();
        if (text.startsWith("https://")) {
            text = text.substring("https://".length());
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        this.base = text;
    }

    /** The address of the portal page at {@code path} (starting with {@code /}) as a message shows it. */
    public String of(String path) {
        return base + path;
    }
}
