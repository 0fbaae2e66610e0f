package com.zylker.portal.core.zoho.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One call to a Zoho API, relative to the user's API domain: {@code path} starts with the API's own prefix
 * ({@code /crm/v8/Deals}, {@code /books/v3/invoices}). {@code query} values that are {@code null} are left out;
 * {@code jsonBody} is {@code null} for calls without a body. {@code operation} names the call in messages and
 * metrics ("list Deals") and never carries data.
 */
public record ZohoRequest(ZohoProduct product, String operation, String method, String path,
                          Map<String, String> query, String jsonBody, String accept, Map<String, String> headers) {

    /** The only headers an adapter may add; authorization and content headers belong to {@link ZohoApiCalls}. */
    private static final Set<String> EXTRA_HEADERS = Set.of("If-Unmodified-Since");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public ZohoRequest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(operation, "operation");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (path == null || !path.startsWith("/") || path.contains("..") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("path must be absolute, without query or dot segments");
        }
        query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        accept = accept == null ? "application/json" : accept;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        headers.keySet().forEach(name -> {
            if (!EXTRA_HEADERS.contains(name)) {
                throw new IllegalArgumentException("header not allowed on a Zoho request: " + name);
            }
        });
    }

    public static ZohoRequest get(ZohoProduct product, String operation, String path, Map<String, String> query) {
        return new ZohoRequest(product, operation, "GET", path, query, null, null, null);
    }

    public static ZohoRequest write(ZohoProduct product, String operation, String method, String path,
                                    Map<String, String> query, String jsonBody) {
        return new ZohoRequest(product, operation, method, path, query, jsonBody, null, null);
    }

    /** The same call asking for another representation (e.g. {@code application/pdf}). */
    public ZohoRequest accepting(String mediaType) {
        return new ZohoRequest(product, operation, method, path, query, jsonBody, mediaType, headers);
    }

    /** The same call with one more header (see {@link #EXTRA_HEADERS}). */
    public ZohoRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ZohoRequest(product, operation, method, path, query, jsonBody, accept, more);
    }

    /** "Zoho CRM list Deals", for messages. */
    public String describe() {
        return product.displayName() + " " + operation;
    }
}
