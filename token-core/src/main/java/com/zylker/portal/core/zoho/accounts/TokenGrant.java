package com.zylker.portal.core.zoho.accounts;

import java.time.Duration;

/**
 * What Zoho's token endpoint granted. {@code refreshToken} is {@code null} when Zoho sent none (refresh grants,
 * or a code grant without {@code access_type=offline}). {@link #toString()} hides both tokens.
 */
public record TokenGrant(String accessToken, String refreshToken, String apiDomain, Duration expiresIn) {

    public TokenGrant {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token is required");
        }
        ZohoClientSettings.requirePositive("expires in", expiresIn);
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=***, refreshToken=" + (refreshToken == null ? "null" : "***")
                + ", apiDomain=" + apiDomain + ", expiresIn=" + expiresIn + "]";
    }
}
