package com.zylker.portal.core.zoho.accounts;

import com.zylker.portal.core.zoho.accounts.ZohoOAuthException.Kind;
import com.zylker.portal.core.zoho.http.ZohoApiCalls;
import com.zylker.portal.core.zoho.http.ZohoCallObserver;
import com.zylker.portal.core.zoho.http.ZohoJson;
import com.zylker.portal.core.zoho.http.ZohoProduct;
import com.zylker.portal.core.zoho.http.ZohoRequest;
import com.zylker.portal.core.zoho.http.ZohoResponse;
import com.zylker.portal.core.zoho.http.ZohoTransport;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoho's accounts server: the authorization URL, code exchange, refresh, revocation and the user profile.
 *
 * <p>Zoho answers token errors with HTTP 200 and {@code {"error": …}}, so every body is checked. Every call has
 * a connect and a request timeout from the settings. Nothing this class throws contains a token, the code or
 * the client secret; transport failures are described rather than chained, since their messages are not
 * under our control.
 *
 * <pre>{@code
 * ZohoOAuthClient oauth = new ZohoOAuthClient(HttpClient.newBuilder()
 *         .connectTimeout(settings.connectTimeout()).build(), settings);
 * response.sendRedirect(oauth.authorizationUrl(accounts.defaultDc(), state).toString());
 * // … on the callback, with dc = accounts.byAccountsServer(accountsServer).orElseThrow():
 * TokenGrant grant = oauth.exchangeCode(dc, code);
 * }</pre>
 */
public final class ZohoOAuthClient {

    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    /** Zoho's older responses gave {@code expires_in} in milliseconds (beside {@code expires_in_sec}). */
    private static final long SECONDS_CEILING = Duration.ofDays(1).toSeconds();
    private static final Pattern SAFE_ERROR = Pattern.compile("[A-Za-z0-9 _.:-]{1,64}");
    private static final Set<String> UNAVAILABLE_ERRORS = Set.of("server_error", "temporarily_unavailable");

    private final HttpClient http;
    private final ZohoClientSettings settings;
    private final Duration deadline;
    private final ZohoApiCalls profileCalls;

    public ZohoOAuthClient(HttpClient http, ZohoClientSettings settings) {
        this(http, settings, ZohoCallObserver.NONE);
    }

    public ZohoOAuthClient(HttpClient http, ZohoClientSettings settings, ZohoCallObserver observer) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deadline = settings.connectTimeout().plus(settings.requestTimeout());
        this.profileCalls = ZohoApiCalls.forFixedTokens(http, settings.requestTimeout(), observer);
    }

    /** Where to send the browser to sign in at this data centre; asks for a refresh token on every consent. */
    public URI authorizationUrl(ZohoDataCentre dc, String state) {
        Objects.requireNonNull(dc, "dc");
        requireText("state", state);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", settings.clientId());
        params.put("scope", String.join(",", settings.scopes()));
        params.put("redirect_uri", settings.redirectUri().toString());
        params.put("access_type", "offline");
        params.put("prompt", "consent");
        params.put("state", state);
        return URI.create(dc.accountsUrl() + "/oauth/v2/auth?" + ZohoTransport.form(params));
    }

    /** Exchanges the callback's code at the callback's (already validated) data centre. */
    public TokenGrant exchangeCode(ZohoDataCentre dc, String code) {
        Objects.requireNonNull(dc, "dc");
        requireText("code", code);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("redirect_uri", settings.redirectUri().toString());
        form.put("code", code);
        return token(dc, form, "code exchange", code);
    }

    /** A new access token; the grant's {@code refreshToken} is normally {@code null} (keep the old one). */
    public TokenGrant refresh(ZohoDataCentre dc, String refreshToken) {
        Objects.requireNonNull(dc, "dc");
        requireText("refresh token", refreshToken);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("refresh_token", refreshToken);
        return token(dc, form, "token refresh", refreshToken);
    }

    /** Revokes a refresh token (and its access tokens). A token Zoho no longer knows (400) counts as revoked. */
    public void revoke(ZohoDataCentre dc, String refreshToken) {
        Objects.requireNonNull(dc, "dc");
        requireText("refresh token", refreshToken);
        String op = "revocation";
        URI uri = URI.create(dc.accountsUrl() + "/oauth/v2/token/revoke?token=" + ZohoTransport.encode(refreshToken));
        // No form content type on the empty body: servers that see one parse the query as a form and some log
        // the URL (with the token) when they do.
        HttpRequest request = request(uri)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        ZohoResponse response = send(request, op);
        if (response.status() == 400) {
            return;
        }
        checkStatus(response, op);
        AccountsWire.RevokeResponse body = read(response, AccountsWire.RevokeResponse.class, op);
        String error = ZohoJson.text(body.error);
        if (error != null) {
            throw refused(error, ZohoJson.text(body.status), op, refreshToken);
        }
        if (!"success".equalsIgnoreCase(ZohoJson.text(body.status))) {
            throw new ZohoOAuthException(Kind.PROTOCOL, null, "Zoho " + op + ": unexpected answer (no success status)");
        }
    }

    /** The profile of the access token's user ({@code AaaServer.profile.READ}). */
    public ZohoUser userInfo(ZohoDataCentre dc, String accessToken) {
        Objects.requireNonNull(dc, "dc");
        requireText("access token", accessToken);
        String op = "user info";
        ZohoResponse response;
        try {
            response = profileCalls.exchangeWith(accessToken, dc.accountsUrl(),
                    ZohoRequest.get(ZohoProduct.ACCOUNTS, op, "/oauth/user/info", null));
        } catch (com.zylker.portal.core.zoho.ZohoApiException e) {
            Kind kind = e.kind() == com.zylker.portal.core.zoho.ZohoApiException.Kind.PROTOCOL ? Kind.PROTOCOL : Kind.UNAVAILABLE;
            throw new ZohoOAuthException(kind, null, "Zoho " + op + " " + e.getMessage().replace("Zoho Accounts user info: ", ""));
        }
        if (response.status() == 401 || response.status() == 403) {
            String error = errorOf(response);
            throw new ZohoOAuthException(Kind.GRANT_REFUSED, safeError(error, accessToken),
                    "Zoho " + op + ": access token refused (HTTP " + response.status() + ", "
                            + safeError(error, accessToken) + ")");
        }
        checkStatus(response, op);
        AccountsWire.UserInfo body = read(response, AccountsWire.UserInfo.class, op);
        String error = ZohoJson.text(body.error);
        if (error != null) {
            throw refused(error, null, op, accessToken);
        }
        String email = ZohoJson.text(body.email);
        if (email == null || email.isBlank()) {
            throw new ZohoOAuthException(Kind.PROTOCOL, null, "Zoho " + op + ": the profile has no email");
        }
        String first = ZohoJson.text(body.firstName);
        String last = ZohoJson.text(body.lastName);
        String display = ZohoJson.text(body.displayName);
        if (display == null || display.isBlank()) {
            String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
            display = joined.isEmpty() ? email : joined;
        }
        return new ZohoUser(ZohoJson.text(body.zuid), email, display, first, last);
    }

    private TokenGrant token(ZohoDataCentre dc, Map<String, String> form, String op, String grantSecret) {
        HttpRequest request = request(URI.create(dc.accountsUrl() + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ZohoTransport.form(form)))
                .build();
        ZohoResponse response = send(request, op);
        if (response.status() != 200 && !ZohoTransport.isServerError(response.status())
                && response.status() != 429) {
            // Some DCs answer errors with 4xx instead of 200: read the body the same way when it has one.
            String error = errorOf(response);
            if (error != null) {
                throw refused(error, null, op, grantSecret);
            }
        }
        checkStatus(response, op);
        AccountsWire.TokenResponse body = read(response, AccountsWire.TokenResponse.class, op);
        String error = ZohoJson.text(body.error);
        if (error != null) {
            throw refused(error, ZohoJson.text(body.errorDescription), op, grantSecret);
        }
        if (body.accessToken == null || body.accessToken.isBlank()) {
            throw new ZohoOAuthException(Kind.PROTOCOL, null, "Zoho " + op + ": the answer has no access_token");
        }
        String refreshToken = body.refreshToken == null || body.refreshToken.isBlank() ? null : body.refreshToken;
        String apiDomain = body.apiDomain == null || body.apiDomain.isBlank()
                ? dc.apiUrl().toString() : body.apiDomain;
        return new TokenGrant(body.accessToken, refreshToken, apiDomain, expiry(body, op));
    }

    private static Duration expiry(AccountsWire.TokenResponse body, String op) {
        if (body.expiresInSec != null && ZohoJson.text(body.expiresInSec) != null) {
            return positiveSeconds(ZohoJson.text(body.expiresInSec), op);
        }
        if (body.expiresIn != null && ZohoJson.text(body.expiresIn) != null) {
            Duration d = positiveSeconds(ZohoJson.text(body.expiresIn), op);
            return d.toSeconds() > SECONDS_CEILING ? Duration.ofMillis(d.toSeconds()) : d;
        }
        return DEFAULT_EXPIRY;
    }

    private static Duration positiveSeconds(String text, String op) {
        try {
            long seconds = new BigDecimal(text.strip()).longValueExact();
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new ZohoOAuthException(Kind.PROTOCOL, null, "Zoho " + op + ": expires_in is not a positive number");
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
    }

    private ZohoResponse send(HttpRequest request, String op) {
        try {
            return ZohoTransport.send(http, request, deadline);
        } catch (ZohoTransport.TransportException e) {
            Kind kind = e.tooLarge() ? Kind.PROTOCOL : Kind.UNAVAILABLE;
            throw new ZohoOAuthException(kind, null, "Zoho " + op + " " + e.getMessage());
        }
    }

    /** Non-200 answers that carry no {@code error} we could map. */
    private static void checkStatus(ZohoResponse response, String op) {
        int status = response.status();
        if (status == 200) {
            return;
        }
        if (ZohoTransport.isServerError(status)) {
            throw new ZohoOAuthException(Kind.UNAVAILABLE, null, "Zoho " + op + ": HTTP " + status);
        }
        if (status == 429) {
            throw new ZohoOAuthException(Kind.RATE_LIMITED, null, "Zoho " + op + ": too many requests (HTTP 429)");
        }
        throw new ZohoOAuthException(Kind.PROTOCOL, null, "Zoho " + op + ": unexpected HTTP " + status);
    }

    private static <T> T read(ZohoResponse response, Class<T> type, String op) {
        try {
            return ZohoJson.read(response.body(), type);
        } catch (ZohoJson.UnreadableException e) {
            throw new ZohoOAuthException(Kind.PROTOCOL, null, "Zoho " + op + ": unreadable answer (" + e.getMessage() + ")");
        }
    }

    /** The {@code error} of a non-200 body, if it has one. */
    private static String errorOf(ZohoResponse response) {
        try {
            return ZohoJson.text(ZohoJson.read(response.body(), AccountsWire.TokenResponse.class).error);
        } catch (ZohoJson.UnreadableException e) {
            return null;
        }
    }

    private ZohoOAuthException refused(String error, String description, String op, String grantSecret) {
        String safe = safeError(error, grantSecret);
        String desc = ZohoTransport.safeText(description, grantSecret, settings.clientSecret());
        String detail = desc == null || desc.isEmpty() ? "" : " — " + desc;
        Kind kind;
        if (error.strip().equalsIgnoreCase("Access Denied")) {
            kind = Kind.RATE_LIMITED;
        } else if (UNAVAILABLE_ERRORS.contains(error.strip().toLowerCase(Locale.ROOT))) {
            kind = Kind.UNAVAILABLE;
        } else {
            kind = Kind.GRANT_REFUSED;
        }
        return new ZohoOAuthException(kind, safe, "Zoho " + op + " refused: " + safe + detail);
    }

    /** Zoho's error code if it looks like one, so that an echoed token can never pass through. */
    private String safeError(String error, String grantSecret) {
        if (error == null) {
            return null;
        }
        String e = error.strip();
        boolean echoes = (grantSecret != null && e.contains(grantSecret)) || e.contains(settings.clientSecret())
                || e.startsWith("1000.");
        return !echoes && SAFE_ERROR.matcher(e).matches() ? e : "unrecognised_error";
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
