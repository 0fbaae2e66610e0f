package com.zylker.portal.core.zoho;

/**
 * Hands {@link ZohoCrmClient} (and the other API clients) a valid access token per user. Implemented outside
 * this package, where refresh is made single-flight across nodes.
 */
public interface AccessTokens {

    /** A valid access token and API domain for the user (the user's email). */
    ZohoAccess current(String user);

    /**
     * Called once after Zoho rejected {@code rejectedAccessToken} with 401 {@code INVALID_TOKEN}: refresh,
     * unless another request already replaced that token, and return the token to retry with.
     */
    ZohoAccess renewAfterRejection(String user, String rejectedAccessToken);
}
