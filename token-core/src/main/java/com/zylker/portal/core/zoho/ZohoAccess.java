package com.zylker.portal.core.zoho;

import java.net.URI;
import java.util.Locale;

/**
 * A valid access token and the API domain it belongs to (a token only works in its own data centre).
 * {@link #toString()} hides the token.
 */
public record ZohoAccess(String accessToken, URI apiDomain) {

    public ZohoAccess {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token is required");
        }
        if (apiDomain == null || !apiDomain.isAbsolute() || apiDomain.getHost() == null
                || !(apiDomain.getScheme().toLowerCase(Locale.ROOT).equals("https")
                        || apiDomain.getScheme().toLowerCase(Locale.ROOT).equals("http"))
                || apiDomain.getRawQuery() != null || apiDomain.getRawFragment() != null
                || apiDomain.getRawUserInfo() != null) {
            throw new IllegalArgumentException("API domain must be an absolute http(s) URL: " + apiDomain);
        }
    }

    @Override
    public String toString() {
        return "ZohoAccess[accessToken=***, apiDomain=" + apiDomain + "]";
    }
}
