package com.zylker.portal.core.zoho.http;

import com.zylker.portal.core.zoho.AccessTokens;
import com.zylker.portal.core.zoho.ZohoAccess;
import com.zylker.portal.core.zoho.ZohoApiException;
import com.zylker.portal.core.zoho.ZohoApiException.Kind;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one authorized call every Zoho adapter uses; no other class builds a request with a bearer token.
 *
 * <p>It sends {@code Authorization: Zoho-oauthtoken …} to the user's API domain (which
 * {@link AccessTokens} takes from configuration), with a request timeout and a hard deadline of connect +
 * request timeout, and a capped body. On a 401 the product says what it means ({@link ZohoProduct#rejection}):
 * an invalid token is renewed and the call retried (safe for writes too: Zoho did not process a request it
 * refused as unauthorized) — at most twice, since the first renewal may only pick up a token another WAR
 * stored meanwhile; a missing scope becomes {@link Kind#SCOPE_MISMATCH} ("sign in again
 * and grant it"); a role that forbids it {@link Kind#FORBIDDEN}. A 429 is {@link Kind#RATE_LIMITED} whatever
 * the headers say (Zoho documents no {@code Retry-After}; one that comes is a hint, bounded), 5xx and network
 * failures {@link Kind#UNAVAILABLE}. Every other status goes back to the adapter, which knows its envelope.
 * Each exchange's latency goes to the {@link ZohoCallObserver}.
 *
 * <pre>{@code
 * ZohoResponse r = calls.send(user, ZohoRequest.get(ZohoProduct.CRM, "list Deals", "/crm/v8/Deals", query));
 * }</pre>
 */
public final class ZohoApiCalls {

    /** How long to wait after a 429 when Zoho gives no hint (it documents none). */
    public static final Duration DEFAULT_BACK_OFF = Duration.ofSeconds(60);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(10);
    static final int MAX_RENEWALS = 2;

    private final HttpClient http;
    private final AccessTokens tokens;
    private final Duration requestTimeout;
    private final Duration deadline;
    private final ZohoCallObserver observer;

    public ZohoApiCalls(HttpClient http, AccessTokens tokens, Duration requestTimeout, ZohoCallObserver observer) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive");
        }
        this.requestTimeout = requestTimeout;
        this.deadline = requestTimeout.plus(http.connectTimeout().orElse(requestTimeout));
        this.observer = observer == null ? ZohoCallObserver.NONE : observer;
    }

    /**
     * For calls made only with a token just granted (sign-in's profile call): {@link #send} is refused, there
     * being no stored token to renew.
     */
    public static ZohoApiCalls forFixedTokens(HttpClient http, Duration requestTimeout, ZohoCallObserver observer) {
        return new ZohoApiCalls(http, new AccessTokens() {
            @Override
            public ZohoAccess current(String user) {
                throw new IllegalStateException("no stored tokens behind this ZohoApiCalls");
            }

            @Override
            public ZohoAccess renewAfterRejection(String user, String rejectedAccessToken) {
                throw new IllegalStateException("no stored tokens behind this ZohoApiCalls");
            }
        }, requestTimeout, observer);
    }

    /** Calls the user's API domain with the user's current token, renewing it once if Zoho says it is invalid. */
    public ZohoResponse send(String user, ZohoRequest request) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user is required");
        }
        ZohoAccess access = Objects.requireNonNull(tokens.current(user), "AccessTokens.current returned null");
        ZohoResponse r = exchange(access.accessToken(), access.apiDomain(), request);
        // A rejected token is renewed, and the call retried, at most twice: the first renewal may only hand back
        // a token another WAR or node stored meanwhile (this one's cache was stale), which Zoho can refuse too;
        // the second then really refreshes. AccessTokens refreshes a given token at most once.
        for (int renewal = 0; renewal < MAX_RENEWALS && r.status() == 401
                && request.product().rejection(errorCode(r)) == ZohoProduct.Rejection.TOKEN_INVALID; renewal++) {
            access = Objects.requireNonNull(tokens.renewAfterRejection(user, access.accessToken()),
                    "AccessTokens.renewAfterRejection returned null");
            r = exchange(access.accessToken(), access.apiDomain(), request);
        }
        return classified(r, request, true);
    }

    /**
     * Calls {@code base} with a given access token and no renewal: for the moment of sign-in, when the token
     * has just been granted and is not stored yet (the profile call).
     */
    public ZohoResponse sendWith(String accessToken, URI base, ZohoRequest request) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token is required");
        }
        return classified(exchangeWith(accessToken, base, request), request, false);
    }

    /**
     * Like {@link #sendWith} but leaves every status to the caller: for the accounts server, whose answers
     * are not those of an API (its own errors on 200, 401 meaning the grant, not the token, is bad).
     */
    public ZohoResponse exchangeWith(String accessToken, URI base, ZohoRequest request) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("access token is required");
        }
        return exchange(accessToken, base, request);
    }

    private ZohoResponse classified(ZohoResponse r, ZohoRequest request, boolean renewed) {
        int status = r.status();
        if (status == 401) {
            String code = errorCode(r);
            String what = request.describe();
            throw switch (request.product().rejection(code)) {
                case SCOPE_MISSING -> new ZohoApiException(Kind.SCOPE_MISMATCH, code, what
                        + ": the sign-in lacks a permission (scope) this needs; sign in again and grant it", null, 401, null);
                case NOT_AUTHORIZED -> new ZohoApiException(Kind.FORBIDDEN, code, what
                        + ": not authorized for this operation (" + code + ")", null, 401, null);
                case TOKEN_INVALID -> new ZohoApiException(Kind.UNAUTHORIZED, code, what
                        + (renewed ? ": the access token was refused again after renewal (" : ": the access token was refused (")
                        + code + ")", null, 401, null);
                case UNEXPLAINED -> new ZohoApiException(Kind.UNAUTHORIZED, code, what
                        + ": HTTP 401 without a known reason (" + code + ")", null, 401, null);
            };
        }
        if (status == 429) {
            Duration wait = backOff(r);
            throw new ZohoApiException(Kind.RATE_LIMITED, errorCode(r),
                    "Zoho is busy — please retry in " + wait.toSeconds() + " s", wait, status, null);
        }
        if (ZohoTransport.isServerError(status)) {
            throw new ZohoApiException(Kind.UNAVAILABLE, errorCode(r), request.product().displayName()
                    + " is unavailable (" + request.operation() + ": HTTP " + status + ")", null, status, null);
        }
        return r;
    }

    private ZohoResponse exchange(String accessToken, URI apiDomain, ZohoRequest request) {
        String base = apiDomain.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String q = ZohoTransport.form(request.query());
        URI uri = URI.create(base + request.path() + (q.isEmpty() ? "" : "?" + q));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", request.accept())
                .header("Authorization", "Zoho-oauthtoken " + accessToken);
        request.headers().forEach(b::header);
        if (request.jsonBody() == null) {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=UTF-8")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.jsonBody()));
        }
        long started = System.nanoTime();
        try {
            ZohoResponse response = ZohoTransport.send(http, b.build(), deadline);
            observer.exchanged(request.product(), request.operation(), Integer.toString(response.status()),
                    Duration.ofNanos(System.nanoTime() - started));
            return response;
        } catch (ZohoTransport.TransportException e) {
            observer.exchanged(request.product(), request.operation(), e.tooLarge() ? "too-large"
                    : e.getMessage().contains("within") || e.getMessage().contains("timed out") ? "timeout" : "unreachable",
                    Duration.ofNanos(System.nanoTime() - started));
            Kind kind = e.tooLarge() ? Kind.PROTOCOL : Kind.UNAVAILABLE;
            throw new ZohoApiException(kind, null, request.describe() + ": " + e.getMessage(), null, 0, e.getCause());
        }
    }

    /** The error body's {@code code} as text (CRM: a string, Books: a number), or {@code null}. */
    public static String errorCode(ZohoResponse r) {
        return ZohoJson.text(errorBody(r).code);
    }

    /** Zoho's error body ({@code {"code", "message", "status", "details"}}), or an empty one when it is not that. */
    public static ErrorBody errorBody(ZohoResponse r) {
        try {
            return ZohoJson.read(r.body(), ErrorBody.class);
        } catch (ZohoJson.UnreadableException e) {
            return new ErrorBody();
        }
    }

    /** The error shape CRM and Books share (their {@code code}s differ in type, hence {@link JsonValue}). */
    public static final class ErrorBody {
        public JsonValue code;
        public JsonValue message;
        public JsonValue status;
        public JsonValue details;
    }

    /** A {@code Retry-After} is not documented by Zoho; when one comes anyway it is read, within bounds. */
    static Duration backOff(ZohoResponse r) {
        Optional<String> header = r.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return DEFAULT_BACK_OFF;
        }
        String v = header.get();
        Duration wait;
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                wait = v.length() > 9 ? MAX_BACK_OFF : Duration.ofSeconds(Long.parseLong(v));
            } else {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), at);
            }
        } catch (DateTimeParseException e) {
            return DEFAULT_BACK_OFF;
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : Duration.ofSeconds(wait.toSeconds());
    }
}
