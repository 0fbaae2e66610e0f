package com.zylker.portal.core.zoho.accounts;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One Zoho data centre as configured: its accounts server (OAuth) and its API domain. Both URLs may carry a
 * path (the sandbox serves {@code <base>/accounts/eu} and {@code <base>/api/eu}); a trailing slash is dropped
 * so that clients can append {@code /oauth/v2/...} or {@code /crm/v8/...}.
 */
public record ZohoDataCentre(String id, URI accountsUrl, URI apiUrl) {

    public ZohoDataCentre {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("data centre id is required");
        }
        accountsUrl = checkedBase(id, "accounts URL", accountsUrl);
        apiUrl = checkedBase(id, "API URL", apiUrl);
    }

    private static URI checkedBase(String id, String what, URI uri) {
        Objects.requireNonNull(uri, () -> "data centre " + id + ": " + what + " is required");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("data centre " + id + ": " + what
                    + " must be an absolute http(s) URL without user info, query or fragment: " + uri);
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
