package com.zylker.portal.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faces forms without a browser: the view state and CSRF token of a page, and the PrimeFaces ajax postback a
 * button click sends (with the CSRF header zylker.js would add), so a test can send each step to another node.
 */
final class FacesForms {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern UPDATED_VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[(.*?)]]>");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"zy-csrf\" content=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");

    private FacesForms() {
    }

    static String viewState(String html) {
        return first(VIEW_STATE, html, "view state").replace("&#43;", "+").replace("&amp;", "&");
    }

    /** The new view state in an ajax answer. */
    static String updatedViewState(String partialResponse) {
        return first(UPDATED_VIEW_STATE, partialResponse, "updated view state");
    }

    /** The page's CSP nonce: PrimeFaces' script sends it with every postback as {@code primefaces.nonce}. */
    static String nonce(String html) {
        return first(NONCE, html, "CSP nonce");
    }

    static String csrfToken(String html) {
        return first(CSRF_META, html, "CSRF token");
    }

    /**
     * Clicks {@code button} of {@code form} by ajax (process and update the form); returns the partial response.
     * {@code nonce}: the CSP nonce of the page the view came from ({@link #nonce}), as PrimeFaces sends it.
     */
    static String ajax(PortalClient client, String origin, String path, String form, String button, String viewState,
                       String nonce, String token, Map<String, String> fields) {
        Map<String, String> params = new HashMap<>(fields);
        params.put("primefaces.nonce", nonce);
        params.put("jakarta.faces.partial.ajax", "true");
        params.put("jakarta.faces.source", button);
        params.put("jakarta.faces.partial.execute", form);
        params.put("jakarta.faces.partial.render", form);
        params.put(button, button);
        params.put(form, form);
        params.put("jakarta.faces.ViewState", viewState);
        HttpResponse<String> response = client.send(formPost(client.url(path), params)
                .header("Faces-Request", "partial/ajax").header("Origin", origin).header("Sec-Fetch-Site", "same-origin")
                .header("X-CSRF-Token", token));
        if (response.statusCode() != 200 || !response.body().contains("<partial-response")) {
            throw new AssertionError(button + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpRequest.Builder formPost(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PortalClient.encode(form)));
    }

    static HttpRequest.Builder jsonPost(URI uri, String json) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String first(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + what + " in: " + text);
        }
        return m.group(1);
    }
}
