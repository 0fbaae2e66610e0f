package com.zylker.portal.core.zoho.accounts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The portal's OAuth client at Zoho and the time it gives Zoho per call. {@link #toString()} hides the secret,
 * so the settings can be logged at start-up.
 */
public record ZohoClientSettings(String clientId, String clientSecret, URI redirectUri, List<String> scopes,
                                 Duration connectTimeout, Duration requestTimeout) {

    public ZohoClientSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("Zoho client id is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("Zoho client secret is required");
        }
        Objects.requireNonNull(redirectUri, "redirect URI is required");
        if (!redirectUri.isAbsolute()) {
            throw new IllegalArgumentException("redirect URI must be absolute: " + redirectUri);
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is required");
        }
        scopes = List.copyOf(scopes);
        for (String scope : scopes) {
            if (scope.isBlank() || scope.contains(",") || !scope.strip().equals(scope)) {
                throw new IllegalArgumentException("invalid scope: '" + scope + "'");
            }
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("request timeout", requestTimeout);
    }

    static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what + " is required");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    @Override
    public String toString() {
        return "ZohoClientSettings[clientId=" + clientId + ", clientSecret=***, redirectUri=" + redirectUri
                + ", scopes=" + scopes + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + "]";
    }
}
