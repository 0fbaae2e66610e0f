package com.zylker.sandbox.web;

import com.zylker.sandbox.core.DataCenter;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Small request helpers shared by the resources. */
public final class Requests {

    private Requests() {
    }

    /** The sandbox's base URL as the caller reached it, without a trailing slash — never hard-coded. */
    public static String base(UriInfo uriInfo) {
        String base = uriInfo.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static DataCenter dc(String id) {
        return DataCenter.byId(id).orElseThrow(() -> new NotFoundException("unknown data centre " + id));
    }

    /**
     * Parameters from an {@code application/x-www-form-urlencoded} body, falling back to the query string:
     * Zoho's own examples send token parameters in the query string of the POST, so clients do both.
     */
    public static MultivaluedMap<String, String> formAndQuery(String body, UriInfo uriInfo) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                params.add(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        uriInfo.getQueryParameters().forEach((k, vs) -> {
            if (!params.containsKey(k)) {
                params.put(k, vs);
            }
        });
        return params;
    }

    /** The token in {@code Authorization: Zoho-oauthtoken <token>} (or {@code Bearer}), else null. */
    public static String oauthToken(String authorization, boolean allowBearer) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Zoho-oauthtoken ", 0, 16)) {
            return a.substring(16).trim();
        }
        if (allowBearer && a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).trim();
        }
        return null;
    }
}
