package tr.bel.izmit.kadinaile.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMask;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are believed: a list of
 * addresses and CIDR ranges, IPv4 or IPv6, separated by commas or spaces ({@code TRUSTED_PROXIES}, e.g.
 * {@code 10.0.0.5, 172.28.0.0/24, fd00::/8}). Empty by default: nobody is trusted and the headers are ignored.
 * Entries are IP literals only (a host name is refused at start-up, it would need DNS on every request).
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Starts with a hex digit or a colon and contains a colon: {@link InetAddress#getByName} parses it as a literal, never via DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final List<NetMask> ranges;
    private final String description;

    private TrustedProxies(List<NetMask> ranges, String description) {
        this.ranges = ranges;
        this.description = description;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), "");
    }

    /** @throws IllegalArgumentException naming the entry that is no address or CIDR range */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return none();
        }
        List<NetMask> ranges = new ArrayList<>();
        List<String> entries = Arrays.stream(list.trim().split("[,\\s]+")).filter(entry -> !entry.isEmpty()).toList();
        for (String entry : entries) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (parseAddress(address).isEmpty()) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + entry + "' is no IP address or CIDR range");
            }
            try {
                ranges.add(new NetMask(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + entry + "' is no IP address or CIDR range", e);
            }
        }
        return new TrustedProxies(List.copyOf(ranges), String.join(", ", entries));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the address (an IP literal, as Tomcat reports the peer or a proxy writes it) is one of the proxies. */
    public boolean contains(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        return parseAddress(address).map(this::contains).orElse(false);
    }

    boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.matches(address));
    }

    /**
     * An IP literal (IPv4 dotted quad, IPv6 with or without brackets) as an address, without ever asking DNS; empty
     * for anything else. Header values come from strangers: a host name must not trigger a lookup.
     */
    public static Optional<InetAddress> parseAddress(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        Matcher v4 = IPV4.matcher(value);
        try {
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (value.indexOf(':') >= 0 && IPV6.matcher(value).matches()) {
                return Optional.of(InetAddress.getByName(value));
            }
        } catch (UnknownHostException invalid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return description.isEmpty() ? "(none)" : description;
    }
}
