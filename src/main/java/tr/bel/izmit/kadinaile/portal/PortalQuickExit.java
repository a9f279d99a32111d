package tr.bel.izmit.kadinaile.portal;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the "Hızlı çıkış" button of every portal page leads: a neutral site (by default Google's Turkish search page),
 * so that someone looking over the shoulder sees nothing of the directorate. The page's script replaces the history
 * entry on the way; without JavaScript it is an ordinary link. The templates read it as {@code @portalQuickExit.url}.
 */
@Component("portalQuickExit")
public class PortalQuickExit {

    private final String url;

    PortalQuickExit(@Value("${app.portal.quick-exit-url:https://www.google.com.tr/}") String url) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("app.portal.quick-exit-url must be an http(s) address: " + url);
        }
        this.url = uri.toString();
    }

    public String getUrl() {
        return url;
    }
}
