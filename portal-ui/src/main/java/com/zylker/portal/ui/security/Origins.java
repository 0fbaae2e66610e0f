package com.zylker.portal.ui.security;

import java.net.URI;
import java.util.Locale;

/**
 * Did a state-changing request come from a page of the portal? Browsers say where a request comes from:
 * {@code Origin} (compared, scheme + host + port, with the portal's configured public origin
 * {@code portal.base-url} — never with the {@code Host} header, which a proxy or an attacker's DNS chooses)
 * and {@code Sec-Fetch-Site}. A request with neither comes from no browser page (curl, a monitoring probe):
 * it carries no cookie another site could have lent it, so it passes; the per-session token still applies.
 *
 * <pre>{@code
 * Origins.allows("https://evil.example", "cross-site", "http://localhost:8080");   // false
 * Origins.allows("http://localhost:8080", "same-origin", "http://localhost:8080"); // true
 * }</pre>
 */
public final class Origins {

    private Origins() {
    }

    public static boolean allows(String origin, String fetchSite, String configuredOrigin) {
        if (origin != null) {
            // "null": sandboxed frames, file: pages, cross-origin redirects — never one of our pages.
            return !"null".equals(origin) && sameOrigin(origin, configuredOrigin);
        }
        if (fetchSite != null) {
            // "none": the user typed or bookmarked it, which no other site can cause.
            return "same-origin".equals(fetchSite) || "none".equals(fetchSite);
        }
        return true;
    }

    /** {@code scheme://host[:port]} of both addresses equal, default ports filled in; a path on either is ignored. */
    public static boolean sameOrigin(String a, String b) {
        String left = normalize(a);
        return left != null && left.equals(normalize(b));
    }

    private static String normalize(String address) {
        if (address == null) {
            return null;
        }
        try {
            URI uri = URI.create(address.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
