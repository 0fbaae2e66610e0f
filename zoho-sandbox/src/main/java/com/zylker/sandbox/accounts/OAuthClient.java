package com.zylker.sandbox.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * A registered OAuth client: Zoho refuses an authorization request from an unknown client, or with a redirect
 * URI not registered for it, with an error page instead of a redirect (redirecting would hand codes to
 * whoever wrote the URL).
 */
public record OAuthClient(String id, String secret, List<String> redirectUris) {

    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }

    public boolean allowsRedirect(String uri) {
        return uri != null && redirectUris.contains(uri);
    }

    /** Constant-time comparison, so the sandbox does not teach a timing-leaky habit. */
    public boolean secretMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
