package com.zylker.portal.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * A second line against cross-site form posts, besides the SameSite=Lax session cookie: browsers say where a
 * request comes from ({@code Sec-Fetch-Site}, {@code Origin}); a state-changing POST from another site is
 * refused. Requests without either header (old browsers, non-browser clients) pass: they carry no
 * ambient cookie from another site's page anyway.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean isSameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite) || "none".equals(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        try {
            URI from = URI.create(origin);
            return from.getHost() != null && from.getHost().equalsIgnoreCase(request.getServerName())
                    && port(from) == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
