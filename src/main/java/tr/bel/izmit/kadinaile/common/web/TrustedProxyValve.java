package tr.bel.izmit.kadinaile.common.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only when the request comes straight from one of
 * the {@link TrustedProxies}; from anyone else they are removed from the request, so that nothing after this valve
 * (rate limits, login throttling and audit, HSTS, Secure cookies) can be fooled by them.
 *
 * <p>From a trusted proxy: the client is the right-most address of {@code X-Forwarded-For} that is not itself a
 * trusted proxy (each proxy appends the address it was called from, so what a client wrote itself stands to the
 * left of it and is not read); {@code X-Forwarded-Proto: https} makes the request secure (scheme https, port 443),
 * as Tomcat's {@code RemoteIpValve} does. Tomcat's valve only knows regular expressions; this one takes the list of
 * addresses and CIDR ranges operators write.
 */
final class TrustedProxyValve extends ValveBase {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    /** Headers that claim something about the client or the original request; dropped unless from a trusted proxy. */
    private static final List<String> FORWARDING_HEADERS = List.of(FORWARDED_FOR, FORWARDED_PROTO, "X-Forwarded-Host",
        "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Forwarded-By", "X-Real-IP", "Forwarded");

    private final TrustedProxies proxies;

    TrustedProxyValve(TrustedProxies proxies) {
        super(true);
        this.proxies = proxies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!proxies.contains(request.getRemoteAddr())) {
            MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
            FORWARDING_HEADERS.forEach(headers::removeHeader);
            getNext().invoke(request, response);
            return;
        }
        String originalAddress = request.getRemoteAddr();
        String originalHost = request.getRemoteHost();
        boolean originalSecure = request.isSecure();
        String originalScheme = request.getCoyoteRequest().scheme().toString();
        int originalPort = request.getServerPort();

        String client = client(originalAddress, values(request, FORWARDED_FOR));
        request.setRemoteAddr(client);
        request.setRemoteHost(client);
        List<String> protocols = values(request, FORWARDED_PROTO);
        if (!protocols.isEmpty()) {
            boolean https = protocols.stream().allMatch(protocol -> protocol.equalsIgnoreCase("https"));
            request.setSecure(https);
            request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
            request.setServerPort(https ? 443 : 80);
        }
        try {
            getNext().invoke(request, response);
        } finally {
            if (!request.isAsync()) {
                request.setRemoteAddr(originalAddress);
                request.setRemoteHost(originalHost);
                request.setSecure(originalSecure);
                request.getCoyoteRequest().scheme().setString(originalScheme);
                request.setServerPort(originalPort);
            }
        }
    }

    /**
     * Walks {@code X-Forwarded-For} from the right: the first address that is no trusted proxy is the client. An entry
     * that is no IP address ends the walk; the last address read (at worst the proxy itself) stands for the client.
     */
    String client(String peer, List<String> forwardedFor) {
        String client = peer;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = TrustedProxies.parseAddress(forwardedFor.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
            if (!proxies.contains(hop.get())) {
                break;
            }
        }
        return client;
    }

    /** The comma-separated values of every occurrence of the header, in order. */
    private static List<String> values(Request request, String name) {
        List<String> values = new ArrayList<>();
        for (Enumeration<String> headers = request.getHeaders(name); headers.hasMoreElements();) {
            for (String value : headers.nextElement().split(",")) {
                String trimmed = value.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        return values;
    }
}
