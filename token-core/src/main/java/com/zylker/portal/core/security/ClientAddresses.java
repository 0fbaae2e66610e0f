package com.zylker.portal.core.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is on the other end of a request, believing {@code X-Forwarded-For} / {@code X-Forwarded-Proto} only
 * when the TCP peer is one of {@code portal.trusted-proxies} (comma list of addresses or CIDR blocks, e.g.
 * {@code 127.0.0.1,10.0.0.0/8}; empty by default: no proxy is believed). Anyone can send those headers; only
 * the proxy we run in front of the portal may be taken at its word.
 *
 * <pre>{@code
 * String ip = ClientAddresses.clientAddress(request);   // for sessions, logs, rate limits
 * }</pre>
 *
 * The client is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy: entries to
 * its left were written by the client and prove nothing.
 */
public final class ClientAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static volatile Proxies cached = new Proxies("", List.of());

    private ClientAddresses() {
    }

    /** The client's address: the peer, or what a trusted proxy says the client was. */
    public static String clientAddress(HttpServletRequest request) {
        return clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), proxies());
    }

    /** TLS on the connection, or at a trusted proxy that says {@code X-Forwarded-Proto: https}. */
    public static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || (isTrusted(request.getRemoteAddr(), proxies())
                && "https".equalsIgnoreCase(firstValue(request.getHeader("X-Forwarded-Proto"))));
    }

    /**
     * The key a per-client bound counts under: an IPv4 address as it is; an IPv6 address by its /48, e.g.
     * {@code 2001:db8:7::/48}; an IPv4-mapped IPv6 address as the IPv4 address. A subscriber is routinely
     * given a /56 or a whole /48, so counting single addresses (or /64s: 256 of them in a /56, 65,536 in a
     * /48) would let one subscriber exhaust the global bound; the price is that one /48 (a campus, a carrier's
     * block) shares one per-client quota, as people behind one IPv4 NAT do. Anything that is not an IP literal
     * is returned unchanged (it is never resolved); null stays null.
     */
    public static String boundKey(String address) {
        if (address == null) {
            return null;
        }
        byte[] bytes = Cidr.literal(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder key = new StringBuilder(20);
        for (int i = 0; i < 6; i += 2) {
            key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return key.append(":/48").toString();
    }

    static String clientAddress(String peer, String forwardedFor, List<Cidr> trusted) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer, trusted)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!LITERAL.matcher(hop).matches()) {
                return peer; // garbage in the chain: trust nothing of it
            }
            if (!isTrusted(hop, trusted)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    static boolean isTrusted(String address, List<Cidr> trusted) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static List<Cidr> parse(String list) {
        List<Cidr> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.trim();
            if (!entry.isEmpty()) {
                out.add(Cidr.of(entry));
            }
        }
        return List.copyOf(out);
    }

    private static List<Cidr> proxies() {
        String value = ConfigProvider.getConfig(ClientAddresses.class.getClassLoader())
                .getOptionalValue("portal.trusted-proxies", String.class).orElse("");
        Proxies current = cached;
        if (!current.source.equals(value)) {
            current = new Proxies(value, parse(value));
            cached = current;
        }
        return current.cidrs;
    }

    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim().toLowerCase(Locale.ROOT);
    }

    private record Proxies(String source, List<Cidr> cidrs) {
    }

    /** An address block; a bare address is a block of one. Only literal addresses: never a DNS lookup. */
    record Cidr(byte[] network, int prefix) {

        static Cidr of(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("portal.trusted-proxies: '" + text + "' is not an IP address or CIDR block");
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("portal.trusted-proxies: bad prefix in '" + text + "'");
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(String address) {
            byte[] candidate = address == null ? null : literal(address);
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] literal(String address) {
            String a = address.trim();
            if (a.startsWith("[") && a.endsWith("]")) {
                a = a.substring(1, a.length() - 1);
            }
            if (!LITERAL.matcher(a).matches() || (!a.contains(":") && !a.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                return null; // InetAddress would resolve a name: refuse anything that is not a literal
            }
            try {
                byte[] bytes = InetAddress.getByName(a).getAddress();
                if (bytes.length == 16 && isV4Mapped(bytes)) {
                    return Arrays.copyOfRange(bytes, 12, 16);
                }
                return bytes;
            } catch (UnknownHostException e) {
                return null;
            }
        }

        private static boolean isV4Mapped(byte[] b) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        }
    }
}
