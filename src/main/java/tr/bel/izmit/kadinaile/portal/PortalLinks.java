package tr.bel.izmit.kadinaile.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * A text that names a portal address ("açık kurslar: /basvuru/kurslar") shows it as a link: what looks like a link
 * is one. The templates read it as {@code @portalLinks.parts(text)}; only the portal's own paths become links.
 */
@Component("portalLinks")
public class PortalLinks {

    static final Pattern PORTAL_ADDRESS = Pattern.compile("/basvuru(?:/[a-z0-9-]+)*");

    /** A piece of a text: plain, or a portal address with its link ({@code href} not null). */
    public record Part(String text, String href) {
    }

    public List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        Matcher address = PORTAL_ADDRESS.matcher(text);
        int at = 0;
        while (address.find()) {
            if (address.start() > at) {
                parts.add(new Part(text.substring(at, address.start()), null));
            }
            parts.add(new Part(address.group(), address.group()));
            at = address.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null));
        }
        return parts;
    }
}
