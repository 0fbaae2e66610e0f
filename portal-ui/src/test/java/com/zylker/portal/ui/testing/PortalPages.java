package com.zylker.portal.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks, shared by every WAR's integration tests, that a page is rendered inside the shared Zylker Academy
 * layout and that PrimeFaces really loads — its scripts and theme answer 200 with their content — rather
 * than only that the page answers 200.
 *
 * <pre>{@code
 * String html = PortalPages.get(base.resolve("crm/"), 200);
 * PortalPages.assertSharedLayout(html, "nav-pipeline");
 * PortalPages.assertPrimeFacesLoads(base, html);
 * }</pre>
 */
public final class PortalPages {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]+)\"");
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"zy-csrf\" content=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");

    private PortalPages() {
    }

    /** GETs a page and asserts its status; returns the body. */
    public static String get(URI uri, int expectedStatus) {
        return get(uri, expectedStatus, null);
    }

    /** GETs a page as the browser holding the given cookie header value (e.g. {@code ZYSESSION=…}). */
    public static String get(URI uri, int expectedStatus, String cookie) {
        HttpResponse<String> response = send(uri, cookie);
        assertEquals(expectedStatus, response.statusCode(), () -> "GET " + uri + " answered " + response.statusCode());
        return response.body();
    }

    /**
     * The header with the academy's name, the navigation (Home · Pipeline · Invoices, plus Admin for admins;
     * one entry active), the user area, the footer.
     */
    public static void assertSharedLayout(String html, String activeNavId) {
        assertTrue(html.contains("id=\"zy-header\""), "header missing");
        assertTrue(html.contains("Zylker Academy"), "academy name missing");
        for (String nav : List.of("nav-home", "nav-pipeline", "nav-invoices")) {
            assertTrue(html.contains("id=\"" + nav + "\""), () -> "navigation entry " + nav + " missing");
        }
        if (activeNavId != null) {
            assertTrue(Pattern.compile("class=\"zy-nav-link zy-active\" id=\"" + activeNavId + "\"").matcher(html).find(),
                    () -> activeNavId + " is not the active navigation entry");
        }
        assertTrue(html.contains("id=\"zy-user\""), "user area missing");
        assertTrue(html.contains("id=\"zy-footer\""), "footer missing");
        assertTrue(html.contains("ln=zylker"), "portal stylesheet missing");
    }

    /** Every script and stylesheet the page names answers 200; PrimeFaces' core script and the theme are among them. */
    public static void assertPrimeFacesLoads(URI base, String html) {
        List<String> resources = new ArrayList<>();
        resources.addAll(all(SCRIPT, html));
        resources.addAll(all(STYLESHEET, html));
        assertTrue(resources.stream().anyMatch(r -> r.contains("core.js") && r.contains("ln=primefaces")),
                "PrimeFaces core.js is not referenced");
        assertTrue(resources.stream().anyMatch(r -> r.contains("theme.css") && r.contains("primefaces-saga-blue")),
                "PrimeFaces theme is not referenced");
        URI origin = base.resolve("/");
        for (String resource : resources) {
            URI uri = origin.resolve(resource.replace("&amp;", "&"));
            HttpResponse<String> response = send(uri, null);
            assertEquals(200, response.statusCode(), () -> "resource " + uri + " answered " + response.statusCode());
            assertFalse(response.body().isBlank(), () -> "resource " + uri + " is empty");
            if (resource.contains("core.js")) {
                assertTrue(response.body().contains("PrimeFaces"), "core.js is not PrimeFaces' script");
            }
        }
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * POSTs a urlencoded form as the browser holding {@code cookie} (may be null) with these extra headers
     * ({@code Origin}, {@code Sec-Fetch-Site}, {@code Faces-Request}, …); returns the response, whatever its status.
     */
    public static HttpResponse<String> post(URI uri, Map<String, String> form, Map<String, String> headers, String cookie) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers, cookie);
    }

    /** Sends a request built by the test with these extra headers and the cookie (may be null). */
    public static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers, String cookie) {
        headers.forEach(request::header);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().method() + " " + request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The page's Faces view state (the value of the hidden {@code jakarta.faces.ViewState} field). */
    public static String viewState(String html) {
        return first(VIEW_STATE, html, "no jakarta.faces.ViewState in the page");
    }

    /** The page's CSRF token, from {@code <meta name="zy-csrf">}. */
    /**
     * The page's CSP nonce, which PrimeFaces' script adds to every Faces form and ajax request as
     * {@code primefaces.nonce}: a postback without it is refused (PrimeFaces' CSP mode).
     */
    public static String nonce(String html) {
        return first(NONCE, html, "no CSP nonce on the page");
    }

    public static String csrfToken(String html) {
        return first(CSRF_META, html, "no <meta name=\"zy-csrf\"> in the page");
    }

    /** Headers a browser sends with a same-origin form post from a page at {@code origin}. */
    public static Map<String, String> sameOrigin(String origin) {
        return Map.of("Origin", origin, "Sec-Fetch-Site", "same-origin");
    }

    /** Headers a browser sends with a post from a page of another site. */
    public static Map<String, String> crossSite() {
        return Map.of("Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site");
    }

    private static String first(Pattern pattern, String html, String problem) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError(problem);
        }
        return m.group(1).replace("&#43;", "+").replace("&#x2B;", "+").replace("&amp;", "&");
    }

    private static HttpResponse<String> send(URI uri, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }
}
