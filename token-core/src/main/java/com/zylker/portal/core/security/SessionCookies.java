package com.zylker.portal.core.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The two cookies of the sign-in: the session id (path {@code /}, for every module) and the sign-in
 * attempt's {@code state} (path {@code /oauth/callback}, a few minutes), which binds the attempt to the
 * browser that started it. Both {@code HttpOnly}, {@code SameSite=Lax} (the callback is a top-level
 * navigation from Zoho, so Strict would drop them), {@code Secure} whenever the request came over TLS.
 */
public final class SessionCookies {

    public static final String SESSION = "ZYSESSION";
    public static final String LOGIN_STATE = "ZYLOGIN";
    private static final String CALLBACK_PATH = "/oauth/callback";

    private SessionCookies() {
    }

    public static String readSession(HttpServletRequest request) {
        return read(request, SESSION);
    }

    public static String readLoginState(HttpServletRequest request) {
        return read(request, LOGIN_STATE);
    }

    public static void writeSession(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addCookie(cookie(request, SESSION, value, "/", -1));
    }

    public static void clearSession(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, SESSION, "", "/", 0));
    }

    public static void writeLoginState(HttpServletRequest request, HttpServletResponse response, String value, int maxAgeSeconds) {
        response.addCookie(cookie(request, LOGIN_STATE, value, CALLBACK_PATH, maxAgeSeconds));
    }

    public static void clearLoginState(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, LOGIN_STATE, "", CALLBACK_PATH, 0));
    }

    /** TLS directly or at a proxy that says so. */
    public static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    private static Cookie cookie(HttpServletRequest request, String name, String value, String path, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSecure(isSecure(request));
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
