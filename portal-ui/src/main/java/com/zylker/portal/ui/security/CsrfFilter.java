package com.zylker.portal.ui.security;

import com.zylker.portal.core.security.SessionCookies;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CSRF defence of every state-changing request in every WAR — Faces postbacks (ajax or not), plain form
 * posts such as {@code /logout}, JAX-RS writes. Two checks, both must pass:
 * <ol>
 *   <li>where it comes from ({@link Origins}: {@code Origin} against {@code portal.base-url},
 *       {@code Sec-Fetch-Site});</li>
 *   <li>when the browser carries a portal session cookie, the session's token ({@link CsrfTokens}) in the
 *       form field {@value CsrfTokens#PARAMETER} or the header {@value CsrfTokens#HEADER}. The layout puts
 *       the token in {@code <meta name="zy-csrf">} and in its own forms; {@code zylker/zylker.js} adds it to
 *       every other form and to every same-origin ajax and {@code fetch} write.</li>
 * </ol>
 * Client-side view state is no CSRF token: any visitor can fetch a fresh one. A refused request gets 403 —
 * the error page, or JSON for {@code /api/…}. Declared in portal-ui's web-fragment.xml for every path; it runs
 * after the authentication mechanism, so a request whose session ended is already sent to sign in.
 */
public class CsrfFilter extends HttpFilter {

    /** Request attribute telling the error page why a 403 happened. */
    public static final String REFUSED_ATTRIBUTE = "zylker.csrf.refused";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Logger LOG = Logger.getLogger(CsrfFilter.class.getName());

    @Inject
    CsrfTokens tokens;

    private String portalOrigin;

    @Override
    public void init() {
        portalOrigin = ConfigProvider.getConfig().getValue("portal.base-url", String.class);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!Origins.allows(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), portalOrigin)) {
            refuse(request, response, "cross-site");
            return;
        }
        String cookie = SessionCookies.readSession(request);
        if (cookie != null && !tokens.matches(cookie, presentedToken(request))) {
            refuse(request, response, "no valid token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(CsrfTokens.HEADER);
        if (header != null) {
            return header;
        }
        // Only a urlencoded form body is read here: reading a JSON or multipart body would consume it.
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            if (request.getCharacterEncoding() == null) {
                // Reading the form fixes its encoding for Faces too: the portal's pages are all UTF-8.
                try {
                    request.setCharacterEncoding("UTF-8");
                } catch (java.io.UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return request.getParameter(CsrfTokens.PARAMETER);
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        LOG.info(() -> "refused " + request.getMethod() + " " + request.getRequestURI() + ": " + reason
                + " (Origin " + request.getHeader("Origin") + ", Sec-Fetch-Site " + request.getHeader("Sec-Fetch-Site") + ")");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"csrf\",\"message\":\"The portal refused this request: it did not"
                    + " come from one of its pages. Reload the page and try again.\"}");
            return;
        }
        request.setAttribute(REFUSED_ATTRIBUTE, Boolean.TRUE);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
