package com.zylker.sandbox.accounts;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zoho's accounts server in plain Java: grant codes, refresh and access tokens, and the limits that bite
 * real integrations (ZOHO-FACTS.md) — codes valid 2 minutes and once, refresh tokens only for offline access,
 * 10 refreshes per refresh token per 10 minutes, 15 live access tokens per refresh token, 20 refresh tokens
 * per user, tokens bound to the DC that issued them.
 * <p>
 * Every method is {@code synchronized}: the portal refreshes concurrently on purpose, and the limits have to
 * hold exactly under that load. Nothing here blocks, so one lock is cheap enough for a sandbox.
 */
public final class OAuthService {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(10);
    public static final int MAX_REFRESHES_PER_WINDOW = 10;
    public static final int MAX_LIVE_ACCESS_TOKENS = 15;
    public static final int MAX_REFRESH_TOKENS_PER_USER = 20;
    public static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofHours(1);

    public static final String INVALID_CODE = "invalid_code";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String ACCESS_DENIED = "Access Denied";
    public static final String TOO_MANY_REQUESTS =
            "You have made too many requests continuously. Please try again after some time.";

    private final Clock clock;
    private final OAuthClient client;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, GrantCode> codes = new LinkedHashMap<>();
    // Insertion order doubles as age order: "the oldest" is the first one met.
    private final Map<String, RefreshToken> refreshTokens = new LinkedHashMap<>();
    private final Map<String, AccessToken> accessTokens = new LinkedHashMap<>();
    private Duration accessLifetime = DEFAULT_ACCESS_LIFETIME;
    // email → scopes (lower case) the user's grants and tokens lack, to test "a grant missing a scope".
    private final Map<String, Set<String>> withheld = new LinkedHashMap<>();

    private record GrantCode(String value, String clientId, String redirectUri, DemoUser user, Set<String> scopes,
                             boolean offline, boolean promptConsent, Instant expiresAt) {
    }

    private static final class RefreshToken {
        final String value;
        final String clientId;
        final DemoUser user;
        final Set<String> scopes;
        final Deque<Instant> recentRefreshes = new ArrayDeque<>();
        final List<String> accessTokens = new ArrayList<>();

        RefreshToken(String value, String clientId, DemoUser user, Set<String> scopes) {
            this.value = value;
            this.clientId = clientId;
            this.user = user;
            this.scopes = scopes;
        }
    }

    private record AccessToken(String value, DemoUser user, Set<String> scopes, Instant expiresAt,
                               String refreshToken) {
    }

    public OAuthService(Clock clock, OAuthClient client) {
        this.clock = clock;
        this.client = client;
    }

    public OAuthClient client() {
        return client;
    }

    /**
     * Checks an authorization request the way Zoho does before showing any page: unknown client or
     * unregistered redirect URI are refused outright.
     */
    public AuthorizationRequest validate(String responseType, String clientId, String scope, String redirectUri,
                                         String accessType, String prompt, String state) {
        if (clientId == null || clientId.isBlank() || !client.id().equals(clientId)) {
            throw new AuthorizationException("Invalid Client",
                    "The client id is not registered with this Zoho sandbox.");
        }
        if (!client.allowsRedirect(redirectUri)) {
            throw new AuthorizationException("Invalid Redirect Uri",
                    "The redirect URI is not registered for this client.");
        }
        if (!"code".equals(responseType)) {
            throw new AuthorizationException("Invalid Response Type", "response_type must be \"code\".");
        }
        List<String> scopes = parseScopes(scope);
        if (scopes.isEmpty()) {
            throw new AuthorizationException("Invalid Scope", "The scope parameter is missing.");
        }
        return new AuthorizationRequest(clientId, redirectUri, scopes, state, "offline".equals(accessType),
                "consent".equals(prompt));
    }

    /** Zoho separates scopes with commas; spaces are accepted too, as OAuth clients often send them. */
    static List<String> parseScopes(String scope) {
        if (scope == null) {
            return List.of();
        }
        return Arrays.stream(scope.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Issues a grant code after consent. The code lives at the <em>user's</em> DC, wherever sign-in began. */
    public synchronized String issueCode(AuthorizationRequest request, DemoUser user) {
        Instant now = clock.instant();
        codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        String value = newToken();
        Set<String> scopes = new LinkedHashSet<>(request.scopes());
        Set<String> lacking = withheld.getOrDefault(user.email(), Set.of());
        scopes.removeIf(sc -> lacking.contains(sc.toLowerCase(Locale.ROOT)));
        codes.put(value, new GrantCode(value, request.clientId(), request.redirectUri(), user,
                scopes, request.offline(), request.promptConsent(),
                now.plus(CODE_LIFETIME)));
        return value;
    }

    /** {@code grant_type=authorization_code} at the token endpoint of DC {@code at}. */
    public synchronized TokenOutcome exchangeCode(DataCenter at, String code, String clientId, String clientSecret,
                                                  String redirectUri) {
        if (!clientAuthenticates(clientId, clientSecret)) {
            return TokenOutcome.Refused.of(INVALID_CLIENT);
        }
        Instant now = clock.instant();
        GrantCode grant = code == null ? null : codes.get(code);
        // A code from another DC is unknown here, as at Zoho, where each DC has its own accounts server.
        if (grant == null || grant.user().dc() != at || !now.isBefore(grant.expiresAt())
                || !grant.clientId().equals(clientId)) {
            return TokenOutcome.Refused.of(INVALID_CODE);
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            return TokenOutcome.Refused.of("invalid_redirect_uri");
        }
        codes.remove(code);

        String refreshValue = null;
        boolean repeatConsent = refreshTokens.values().stream()
                .anyMatch(r -> r.user.equals(grant.user()) && r.clientId.equals(clientId));
        if (grant.offline() && (grant.promptConsent() || !repeatConsent)) {
            refreshValue = newToken();
            refreshTokens.put(refreshValue, new RefreshToken(refreshValue, clientId, grant.user(), grant.scopes()));
            enforceRefreshTokensPerUser(grant.user());
        }
        String access = issueAccessToken(grant.user(), grant.scopes(), refreshValue, now);
        return new TokenOutcome.Issued(access, refreshValue, at, accessLifetime.toSeconds());
    }

    /** {@code grant_type=refresh_token} at the token endpoint of DC {@code at}. */
    public synchronized TokenOutcome refresh(DataCenter at, String refreshToken, String clientId, String clientSecret) {
        if (!clientAuthenticates(clientId, clientSecret)) {
            return TokenOutcome.Refused.of(INVALID_CLIENT);
        }
        RefreshToken rt = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (rt == null || rt.user.dc() != at || !rt.clientId.equals(clientId)) {
            return TokenOutcome.Refused.of(INVALID_CODE);
        }
        Instant now = clock.instant();
        Instant windowStart = now.minus(REFRESH_WINDOW);
        while (!rt.recentRefreshes.isEmpty() && !rt.recentRefreshes.peekFirst().isAfter(windowStart)) {
            rt.recentRefreshes.removeFirst();
        }
        if (rt.recentRefreshes.size() >= MAX_REFRESHES_PER_WINDOW) {
            return new TokenOutcome.Refused(ACCESS_DENIED, TOO_MANY_REQUESTS);
        }
        rt.recentRefreshes.addLast(now);
        String access = issueAccessToken(rt.user, rt.scopes, rt.value, now);
        return new TokenOutcome.Issued(access, null, at, accessLifetime.toSeconds());
    }

    /** The owner of a refresh token, for per-user counters; empty for unknown tokens. */
    public synchronized Optional<DemoUser> ownerOfRefreshToken(String refreshToken) {
        RefreshToken rt = refreshToken == null ? null : refreshTokens.get(refreshToken);
        return rt == null ? Optional.empty() : Optional.of(rt.user);
    }

    /** Revokes a refresh token issued by DC {@code at}, and with it every access token it produced. */
    public synchronized boolean revoke(DataCenter at, String token) {
        RefreshToken rt = token == null ? null : refreshTokens.get(token);
        if (rt == null || rt.user.dc() != at) {
            return false;
        }
        removeRefreshToken(rt);
        return true;
    }

    /** Like "sign out of all sessions" at Zoho: every token of the user dies. Returns how many tokens died. */
    public synchronized int revokeUser(String email) {
        int before = refreshTokens.size() + accessTokens.size();
        refreshTokens.values().removeIf(r -> r.user.email().equalsIgnoreCase(email));
        accessTokens.values().removeIf(a -> a.user().email().equalsIgnoreCase(email));
        return before - refreshTokens.size() - accessTokens.size();
    }

    /** A live access token issued by DC {@code at}; another DC's token is as unknown as a made-up one. */
    public synchronized Optional<AccessGrant> authenticate(DataCenter at, String accessToken) {
        AccessToken token = accessToken == null ? null : accessTokens.get(accessToken);
        if (token == null || token.user().dc() != at) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            accessTokens.remove(accessToken);
            return Optional.empty();
        }
        Set<String> lacking = withheld.getOrDefault(token.user().email(), Set.of());
        if (lacking.isEmpty()) {
            return Optional.of(new AccessGrant(token.user(), at, token.scopes()));
        }
        Set<String> scopes = new LinkedHashSet<>(token.scopes());
        scopes.removeIf(sc -> lacking.contains(sc.toLowerCase(Locale.ROOT)));
        return Optional.of(new AccessGrant(token.user(), at, scopes));
    }

    /** Lifetime of access tokens issued from now on ({@code expires_in}). */
    public synchronized void setAccessLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        this.accessLifetime = lifetime;
    }

    public synchronized Duration accessLifetime() {
        return accessLifetime;
    }

    public synchronized void reset() {
        codes.clear();
        refreshTokens.clear();
        accessTokens.clear();
        accessLifetime = DEFAULT_ACCESS_LIFETIME;
        withheld.clear();
    }

    /**
     * From now on the user's grants lack {@code scope}, and so do the access tokens they already hold: the
     * next call needing it is refused as OAUTH_SCOPE_MISMATCH, as after a consent that did not cover it.
     */
    public synchronized void withholdScope(String email, String scope) {
        withheld.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                .add(scope.trim().toLowerCase(Locale.ROOT));
    }

    public synchronized void restoreScope(String email, String scope) {
        Set<String> set = withheld.get(email.toLowerCase(Locale.ROOT));
        if (set != null) {
            set.remove(scope.trim().toLowerCase(Locale.ROOT));
            if (set.isEmpty()) {
                withheld.remove(email.toLowerCase(Locale.ROOT));
            }
        }
    }

    public synchronized void clearWithheldScopes() {
        withheld.clear();
    }

    /** email → withheld scopes (lower case), for the control API. */
    public synchronized Map<String, Object> withheldScopes() {
        Map<String, Object> out = new LinkedHashMap<>();
        withheld.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /**
     * Every live token with its owner, newest last — only for {@code GET /control/tokens}, which log-capture
     * tests use to grep logs for token values. Demo and test use only: the control API is off in real demos.
     */
    public synchronized List<Map<String, Object>> issuedTokens() {
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (RefreshToken rt : refreshTokens.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "refresh");
            m.put("token", rt.value);
            m.put("email", rt.user.email());
            m.put("dc", rt.user.dc().id());
            m.put("expires_at", null);
            out.add(m);
        }
        for (AccessToken at : accessTokens.values()) {
            if (!now.isBefore(at.expiresAt())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "access");
            m.put("token", at.value());
            m.put("email", at.user().email());
            m.put("dc", at.user().dc().id());
            m.put("expires_at", at.expiresAt().toString());
            out.add(m);
        }
        return out;
    }

    /** Sizes only — never token values — for {@code /control/state}. */
    public synchronized Map<String, Object> stateSummary() {
        Instant now = clock.instant();
        Map<String, Object> perUser = new LinkedHashMap<>();
        for (RefreshToken rt : refreshTokens.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> u = (Map<String, Object>) perUser.computeIfAbsent(rt.user.email(),
                    k -> new LinkedHashMap<>(Map.of("refresh_tokens", 0L, "live_access_tokens", 0L)));
            u.put("refresh_tokens", (Long) u.get("refresh_tokens") + 1);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pending_codes", codes.values().stream().filter(c -> now.isBefore(c.expiresAt())).count());
        out.put("refresh_tokens", refreshTokens.size());
        out.put("live_access_tokens", accessTokens.values().stream().filter(a -> now.isBefore(a.expiresAt())).count());
        out.put("access_token_lifetime_seconds", accessLifetime.toSeconds());
        out.put("refresh_tokens_by_user", perUser);
        return out;
    }

    private boolean clientAuthenticates(String clientId, String clientSecret) {
        return client.id().equals(clientId) && client.secretMatches(clientSecret);
    }

    private String issueAccessToken(DemoUser user, Set<String> scopes, String refreshValue, Instant now) {
        String value = newToken();
        accessTokens.put(value, new AccessToken(value, user, scopes, now.plus(accessLifetime), refreshValue));
        if (refreshValue != null) {
            RefreshToken rt = refreshTokens.get(refreshValue);
            rt.accessTokens.removeIf(a -> {
                AccessToken t = accessTokens.get(a);
                return t == null || !now.isBefore(t.expiresAt());
            });
            rt.accessTokens.add(value);
            // The 16th live token invalidates the oldest one.
            while (rt.accessTokens.size() > MAX_LIVE_ACCESS_TOKENS) {
                accessTokens.remove(rt.accessTokens.remove(0));
            }
        }
        return value;
    }

    private void enforceRefreshTokensPerUser(DemoUser user) {
        List<RefreshToken> ofUser = refreshTokens.values().stream().filter(r -> r.user.equals(user)).toList();
        Iterator<RefreshToken> oldestFirst = ofUser.iterator();
        for (int excess = ofUser.size() - MAX_REFRESH_TOKENS_PER_USER; excess > 0; excess--) {
            removeRefreshToken(oldestFirst.next());
        }
    }

    private void removeRefreshToken(RefreshToken rt) {
        refreshTokens.remove(rt.value);
        accessTokens.values().removeIf(a -> rt.value.equals(a.refreshToken()));
    }

    /** Zoho-shaped opaque tokens: {@code 1000.<32 hex>.<32 hex>}. */
    private String newToken() {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        random.nextBytes(a);
        random.nextBytes(b);
        HexFormat hex = HexFormat.of();
        return "1000." + hex.formatHex(a) + "." + hex.formatHex(b);
    }
}
