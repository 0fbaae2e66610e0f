package com.zylker.portal.ui.security;

import com.zylker.portal.core.security.SessionCookies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The security headers of every response of every portal WAR (declared first in portal-ui's web-fragment, so a
 * new page or endpoint gets them without doing anything):
 * <ul>
 *   <li>{@code Content-Security-Policy}: the policy of the {@code primefaces.CSP_POLICY} context parameter —
 *       no inline script, no plugin, no framing ({@code frame-ancestors 'none'}), forms and fetches to the
 *       portal only. On Faces pages PrimeFaces ({@code primefaces.CSP=true}) sends the same policy with the
 *       page's nonce appended to {@code script-src} for its own widget scripts; its header replaces this
 *       default instead of adding a second policy (two policies would both apply, and the default one has no
 *       nonce).</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (the session-ended
 *       page reads a same-origin Referer; nothing leaks to Zoho or elsewhere), {@code X-Frame-Options: DENY}
 *       for browsers without {@code frame-ancestors}.</li>
 *   <li>{@code Strict-Transport-Security} when {@code portal.base-url} is https.</li>
 *   <li>No {@code X-Powered-By} / {@code Server} from the application (Payara's own are switched off in
 *       {@code etc/payara/preboot.asadmin}).</li>
 * </ul>
 */
public class ResponseHeadersFilter extends HttpFilter {

    public static final String CSP = "Content-Security-Policy";
    /** Used when the context parameter is missing (a WAR without portal-ui's fragment order). */
    static final String DEFAULT_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none';"
            + " form-action 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " connect-src 'self'; script-src 'self'";
    private static final Set<String> VERSION_HEADERS = Set.of("x-powered-by", "server");
    static final String HSTS = "max-age=31536000";

    private String policy;

    @Override
    public void init() {
        String configured = getServletContext().getInitParameter("primefaces.CSP_POLICY");
        policy = configured == null || configured.isBlank() ? DEFAULT_POLICY : configured.trim();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, policy + ";");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (SessionCookies.overHttps()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, new Headers(response));
    }

    /** Lets a later CSP (PrimeFaces' with its nonce) replace the default; drops version headers. */
    private static final class Headers extends HttpServletResponseWrapper {

        Headers(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else if (!isVersionHeader(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isVersionHeader(name)) {
                super.setHeader(name, value);
            }
        }

        private static boolean isVersionHeader(String name) {
            return name != null && VERSION_HEADERS.contains(name.toLowerCase(Locale.ROOT));
        }
    }
}
