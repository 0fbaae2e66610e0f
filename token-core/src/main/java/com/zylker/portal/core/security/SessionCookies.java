package com.zylker.portal.core.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The two cookies of the sign-in: the session id (for every module) and the sign-in attempt's {@code state}
 * (a few minutes), which binds the attempt to the browser that started it. Both {@code HttpOnly},
 * {@code SameSite=Lax} (the callback is a top-level navigation from Zoho, so Strict would drop them).
 *
 * <p>When {@code portal.base-url} is https the portal is served over TLS whatever the hop in front of it
 * says, so the cookies are {@code Secure} and carry the {@code __Host-} prefix ({@code __Host-ZYSESSION},
 * {@code __Host-ZYLOGIN}): a browser then accepts them only from a secure origin, with {@code Path=/} and no
 * {@code Domain}, so no sibling sub-domain can plant or shadow them. The prefix requires {@code Path=/}, so
 * the state cookie is no longer limited to {@code /oauth/callback} then. Over plain http (the demo on
 * localhost) the names stay {@code ZYSESSION}/{@code ZYLOGIN} and the state cookie keeps its callback path;
 * {@code Secure} is then set only when the request itself came over TLS ({@link ClientAddresses#isSecure}).
 */
public final class SessionCookies {

    public static final String SESSION = "ZYSESSION";
    public static final String LOGIN_STATE = "ZYLOGIN";
    /** The prefix browsers enforce: Secure, Path=/, no Domain (RFC 6265bis). */
    public static final String HOST_PREFIX = "__Host-";
    private static final String CALLBACK_PATH = "/oauth/callback";

    private SessionCookies() {
    }

    public static String readSession(HttpServletRequest request) {
        return read(request, sessionName());
    }

    public static String readLoginState(HttpServletRequest request) {
        return read(request, loginStateName());
    }

    public static void writeSession(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addCookie(cookie(request, sessionName(), value, "/", -1));
    }

    public static void clearSession(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, sessionName(), "", "/", 0));
    }

    public static void writeLoginState(HttpServletRequest request, HttpServletResponse response, String value, int maxAgeSeconds) {
        response.addCookie(cookie(request, loginStateName(), value, loginStatePath(), maxAgeSeconds));
    }

    public static void clearLoginState(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, loginStateName(), "", loginStatePath(), 0));
    }

    /** The session cookie's name for this deployment: {@code __Host-ZYSESSION} behind an https base URL. */
    public static String sessionName() {
        return overHttps() ? HOST_PREFIX + SESSION : SESSION;
    }

    public static String loginStateName() {
        return overHttps() ? HOST_PREFIX + LOGIN_STATE : LOGIN_STATE;
    }

    /** TLS by configuration (an https {@code portal.base-url}), directly, or at a trusted proxy that says so. */
    public static boolean isSecure(HttpServletRequest request) {
        return overHttps() || ClientAddresses.isSecure(request);
    }

    /** Whether {@code portal.base-url} is an https address: the portal's public origin is TLS. */
    public static boolean overHttps() {
        return isHttps(ConfigProvider.getConfig(SessionCookies.class.getClassLoader())
                .getOptionalValue("portal.base-url", String.class).orElse(""));
    }

    static boolean isHttps(String baseUrl) {
        return baseUrl.trim().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    private static String loginStatePath() {
        return overHttps() ? "/" : CALLBACK_PATH;
    }

    private static Cookie cookie(HttpServletRequest request, String name, String value, String path, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSecure(name.startsWith(HOST_PREFIX) || isSecure(request));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
