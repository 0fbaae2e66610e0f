package com.zylker.portal.core.signin;

import java.util.regex.Pattern;

/**
 * Where a visitor may be sent after signing in: a path on this portal, never another site. The return path
 * arrives from the browser ({@code /login?return=…}), so anything that a browser could read as another origin
 * ({@code //evil.example}, {@code /\evil.example}, {@code https://…}, control characters) falls back to
 * {@value #HOME}.
 */
public final class ReturnPaths {

    public static final String HOME = "/home";
    /** Kept short: the return path is stored with every pending sign-in ({@code login_state}). */
    private static final int MAX_LENGTH = 512;
    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private ReturnPaths() {
    }

    public static String sanitize(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH) {
            return HOME;
        }
        if (!SAFE.matcher(requested).matches() || requested.startsWith("//") || requested.contains("/..")
                || requested.startsWith("/login") || requested.startsWith("/oauth/") || requested.startsWith("/logout")) {
            return HOME;
        }
        String lower = requested.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f%2f") || lower.startsWith("/%2f") || lower.startsWith("/%5c") || lower.contains("%0d")
                || lower.contains("%0a")) {
            return HOME;
        }
        return requested;
    }
}
