package com.zylker.portal.core.zoho.http;

/**
 * A Zoho API the portal calls, with how it says "this access token is no good" on a 401: only then is a
 * renewal worth one retry. CRM names it ({@code INVALID_TOKEN}, vs {@code OAUTH_SCOPE_MISMATCH}); Books answers
 * {@code 57} "not authorized" for a missing scope or a role that forbids the operation (renewing cannot help)
 * and other codes ({@code 14}, bad authentication) for a token it does not accept.
 */
public enum ZohoProduct {

    ACCOUNTS("Zoho Accounts"),
    CRM("Zoho CRM"),
    BOOKS("Zoho Books");

    /** How a 401 from this product is to be taken. */
    public enum Rejection {
        /** Expired or revoked access token: renew once and retry. */
        TOKEN_INVALID,
        /** The grant lacks a scope the call needs: only a new consent helps. */
        SCOPE_MISSING,
        /** The user's own role in the product forbids the operation. */
        NOT_AUTHORIZED,
        /** A 401 this product does not explain (a proxy's page, an unknown code): not worth a token refresh. */
        UNEXPLAINED
    }

    private final String displayName;

    ZohoProduct(String displayName) {
        this.displayName = displayName;
    }

    /** "Zoho CRM", for messages. */
    public String displayName() {
        return displayName;
    }

    /** Reads a 401 body's error {@code code} (a string in CRM, a number in Books) the way this product means it. */
    public Rejection rejection(String code) {
        return switch (this) {
            // Zoho caps the access tokens a refresh token may mint: refresh only when Zoho says the token is bad.
            case CRM -> "INVALID_TOKEN".equals(code) ? Rejection.TOKEN_INVALID
                    : "OAUTH_SCOPE_MISMATCH".equals(code) ? Rejection.SCOPE_MISSING : Rejection.UNEXPLAINED;
            case BOOKS -> "14".equals(code) ? Rejection.TOKEN_INVALID
                    : "57".equals(code) ? Rejection.NOT_AUTHORIZED : Rejection.UNEXPLAINED;
            case ACCOUNTS -> Rejection.TOKEN_INVALID;
        };
    }
}
