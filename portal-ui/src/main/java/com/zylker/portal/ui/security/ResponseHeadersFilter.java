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
 *   <li>{@code X-Request-Id}: a fresh id per request, also in the name of the thread serving it, so every
 *       log line of the request carries it ({@code _ThreadName=… rid=…}).</li>
 *   <li>No {@code X-Powered-By} / {@code Server} from the application (Payara's own are switched off in
 *       {@code etc/payara/preboot.asadmin}).</li>
 * </ul>
 */
public class ResponseHeadersFilter extends HttpFilter {

    public static final String CSP = "Content-Security-Policy";
    /** The request's id (a String), for code that wants to show it, e.g. on an error page. */
    public static final String REQUEST_ID_ATTRIBUTE = "zylker.request-id";
    /** Used when the context parameter is missing (a WAR without portal-ui's fragment order). */
    static final String DEFAULT_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none';"
            + " form-action 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " connect-src 'self'; script-src 'self'";
    private static final Set<String> VERSION_HEADERS = Set.of("x-powered-by", "server");
    static final String HSTS = "max-age=31536000";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

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
        // A request id in every log line of the request: the log formats (text and JSON) carry the thread's
        // name, so the thread is named after the request while it serves it.
        Object known = request.getAttribute(REQUEST_ID_ATTRIBUTE); // an error dispatch keeps the request's id
        String requestId = known instanceof String id ? id : requestId();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        response.setHeader("X-Request-Id", requestId);
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        if (known == null) {
            thread.setName(name + " rid=" + requestId);
        }
        try {
            chain.doFilter(isErrorDispatch(request) ? new FreshView(request) : request, new Headers(response));
        } finally {
            thread.setName(name);
        }
    }

    private static boolean isErrorDispatch(HttpServletRequest request) {
        return request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
    }

    /**
     * The error page is always a new view, never a postback of the form that failed. Without this, the error
     * page of a refused Faces form post (the CSRF filter's 403: no PrimeFaces nonce in another site's form)
     * would be rendered as a postback, PrimeFaces would find no CSP nonce in the request and answer 500.
     */
    private static final class FreshView extends jakarta.servlet.http.HttpServletRequestWrapper {

        private static final Set<String> HIDDEN = Set.of("jakarta.faces.ViewState", "primefaces.nonce");
        /** An ajax request's error page is a whole page too: no partial response without the view's nonce. */
        private static final String AJAX_HEADER = "Faces-Request";

        FreshView(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return HIDDEN.contains(name) || name.startsWith("jakarta.faces.partial.");
        }

        @Override
        public String getParameter(String name) {
            return hidden(name) ? null : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return hidden(name) ? null : super.getParameterValues(name);
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            java.util.Map<String, String[]> map = new java.util.LinkedHashMap<>(super.getParameterMap());
            map.keySet().removeIf(FreshView::hidden);
            return java.util.Collections.unmodifiableMap(map);
        }

        @Override
        public String getHeader(String name) {
            return AJAX_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return AJAX_HEADER.equalsIgnoreCase(name) ? java.util.Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaderNames() {
            java.util.List<String> names = java.util.Collections.list(super.getHeaderNames());
            names.removeIf(AJAX_HEADER::equalsIgnoreCase);
            return java.util.Collections.enumeration(names);
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(getParameterMap().keySet());
        }
    }

    /** 12 random characters: unique enough to find a request's lines, meaningless to anyone else. */
    static String requestId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
