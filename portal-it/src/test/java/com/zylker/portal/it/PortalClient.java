package com.zylker.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: follows nothing by itself, keeps cookies by name, and can walk Login with Zoho
 * through the sandbox's sign-in and consent forms, so tests can tamper with each step (state, code,
 * accounts-server) and read every redirect and Set-Cookie header.
 */
public final class PortalClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"zy-csrf\" content=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public PortalClient(URI base) {
        this(base, null);
    }

    /** A client that trusts the certificates {@code ssl} trusts (e.g. a test's own TLS proxy); null: the JDK's. */
    public PortalClient(URI base, javax.net.ssl.SSLContext ssl) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
    }

    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /**
     * A same-site write from a page of the portal, as the page's script sends it: {@code Origin} and
     * {@code Sec-Fetch-Site} of the portal, and the per-session CSRF token the page carries
     * ({@code <meta name="zy-csrf">}, read from {@code /home}).
     */
    public HttpResponse<String> postFromPage(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Origin", base.getScheme() + "://" + base.getAuthority())
                .header("Sec-Fetch-Site", "same-origin")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        csrfToken().ifPresent(token -> request.header("X-CSRF-Token", token));
        return send(request);
    }

    /** The CSRF token of this client's session, as the portal's pages publish it. */
    public Optional<String> csrfToken() {
        Matcher m = CSRF_META.matcher(get("/home").body());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Submits the layout's sign-out form as a browser on a portal page does: same origin, with the session's
     * CSRF token read from the page ({@code query}: e.g. {@code ?everywhere=true}, or empty).
     */
    public HttpResponse<String> signOut(String query) {
        Matcher token = CSRF_META.matcher(get("/").body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the start page");
        }
        String origin = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return send(HttpRequest.newBuilder(resolve("/logout" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("zy-csrf", token.group(1))))));
    }

    /** {@code /login[?return=…]} → the authorization URL at Zoho (the sandbox). */
    public URI startLogin(String query) {
        HttpResponse<String> response = get("/login" + (query == null ? "" : "?" + query));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("/login answered " + response.statusCode());
        }
        return location(response);
    }

    /**
     * Signs in at the sandbox as {@code email} and answers the consent page; returns the callback URL the
     * sandbox redirects to (not yet visited).
     */
    public URI authorize(URI authorizationUrl, String email, boolean accept) {
        HttpResponse<String> signInPage = get(authorizationUrl.toString());
        expect(signInPage, 200);
        Map<String, String> params = query(authorizationUrl);
        params.put("user", email);
        HttpResponse<String> consentPage = post(formAction(signInPage.body()), params);
        expect(consentPage, 200);
        params.put("decision", accept ? "accept" : "deny");
        HttpResponse<String> redirect = post(formAction(consentPage.body()), params);
        expect(redirect, 302);
        return location(redirect);
    }

    /** The whole sign-in; returns the callback's response (a redirect to the return path when it worked). */
    public HttpResponse<String> signIn(String email) {
        return get(authorize(startLogin(null), email, true).toString());
    }

    public static URI location(HttpResponse<?> response) {
        return response.request().uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location on " + response.statusCode())));
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    public static URI withQuery(URI uri, Map<String, String> params) {
        String raw = uri.toString();
        int q = raw.indexOf('?');
        return URI.create((q < 0 ? raw : raw.substring(0, q)) + "?" + encode(params));
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String formAction(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no form on the sandbox page");
        }
        return m.group(1).replace("&amp;", "&");
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + response.body());
        }
    }

    /** A path on this client's node, or a whole URL, as an address. */
    public URI url(String pathOrUrl) {
        return resolve(pathOrUrl);
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl)
                : base.resolve(pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl);
    }

    /** Sends a request built by the test (extra headers), with this client's cookies. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            remember(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String first = header.split(";", 2)[0];
            int eq = first.indexOf('=');
            String name = first.substring(0, eq).trim();
            String value = first.substring(eq + 1).trim();
            boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
