package com.zylker.portal.core.security;

import com.zylker.portal.core.signin.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a request that needs a sign-in sends the user, and how they get back to the page they were on. Used by
 * the authentication mechanism (no session, or one that ended) and by the screens' failure handling in
 * portal-ui (Zoho ended the sign-in, or wants consent to more scopes), so that every module answers alike.
 *
 * <pre>{@code
 * String page = SignInLinks.pageOf(request);   // "/crm/leads" for a postback or an API call from that page
 * response.sendRedirect(SignInLinks.sessionEnded(page));   // "/session-ended?return=%2Fcrm%2Fleads"
 * }</pre>
 */
public final class SignInLinks {

    /** portal-web's page that says "Your session ended — sign in to carry on" and links to sign-in. */
    public static final String SESSION_ENDED_PAGE = "/session-ended";
    private static final String LOGIN = "/login";

    private SignInLinks() {
    }

    /** {@code /login?return=<page>}: starts Login with Zoho and comes back to the page. */
    public static String signIn(String page) {
        return LOGIN + "?return=" + encode(ReturnPaths.sanitize(page));
    }

    /** {@code /session-ended?return=<page>}: the message first, then the same sign-in. */
    public static String sessionEnded(String page) {
        return SESSION_ENDED_PAGE + "?return=" + encode(ReturnPaths.sanitize(page));
    }

    /**
     * The page the user was on: the address itself for a page (a Faces postback posts to its own page), the
     * page that made the call ({@code Referer}, path only) for {@code /api/…}; the home page when unknown.
     */
    public static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return refererPath(request.getHeader("Referer"));
        }
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return ReturnPaths.sanitize(request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    /** Is this a Faces ajax request, which must be answered with a partial response (a redirect there), never HTML? */
    public static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** The partial response that makes Faces' ajax script navigate the whole page to {@code url}. */
    public static String partialRedirect(String url) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/></partial-response>";
    }

    private static String refererPath(String referer) {
        if (referer == null) {
            return ReturnPaths.HOME;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || path.isEmpty()) {
                return ReturnPaths.HOME;
            }
            return ReturnPaths.sanitize(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return ReturnPaths.HOME;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
