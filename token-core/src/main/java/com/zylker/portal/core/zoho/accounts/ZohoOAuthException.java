package com.zylker.portal.core.zoho.accounts;

/**
 * A failed call to Zoho's accounts server, sorted by what the caller should do about it. The message and
 * {@link #zohoError()} never contain token values, the authorization code or the client secret; for that
 * reason transport causes are described by type rather than attached.
 */
public final class ZohoOAuthException extends RuntimeException {

    public enum Kind {
        /** The code or refresh token is dead (or the client is refused): the user must sign in again. */
        GRANT_REFUSED,
        /** Zoho's "Access Denied — too many requests": retry later, do not sign the user out. */
        RATE_LIMITED,
        /** Timeout, connection failure or 5xx: Zoho is not answering. */
        UNAVAILABLE,
        /** An unexpected status or body. */
        PROTOCOL
    }

    private final Kind kind;
    private final String zohoError;

    public ZohoOAuthException(Kind kind, String zohoError, String message) {
        super(message);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.zohoError = zohoError;
    }

    public Kind kind() {
        return kind;
    }

    /** Zoho's {@code error} value (e.g. {@code invalid_code}), or {@code null} when Zoho sent none. */
    public String zohoError() {
        return zohoError;
    }
}
