package com.zylker.portal.core.access;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.token.TokenStore;
import com.zylker.portal.core.zoho.AccessTokens;
import com.zylker.portal.core.zoho.accounts.TokenGrant;
import com.zylker.portal.core.zoho.ZohoAccess;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthClient;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Hands out a valid Zoho access token per user: cached while valid, refreshed ahead of expiry (margin
 * min(60 s, a tenth of the lifetime)), and after Zoho rejected one ({@code INVALID_TOKEN}) — at most one
 * refresh in flight per token across all nodes.
 *
 * <p>Two queues: requests of one node wait on a per-user lock in memory (so a burst costs one database lock
 * wait, not fifty), and nodes wait on a named database lock per token ({@link RefreshLocks}). Whoever gets
 * the lock first re-reads the token, and refreshes only if it is still stale — the others find the new token
 * already saved. A refresh token Zoho declares dead ({@code invalid_code}) ends the user's sessions
 * ({@link SignInEndedException}); anything else — Zoho down or busy, our own client misconfigured — keeps
 * them ({@link ZohoUnavailableException}).
 */
@ApplicationScoped
public class AccessTokenService implements AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokenService.class.getName());
    private static final Duration LOCAL_WAIT = Duration.ofSeconds(30);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);
    /** The token endpoint's answer for a refresh token that is revoked or otherwise dead (ZOHO-FACTS.md). */
    private static final String REFRESH_TOKEN_DEAD = "invalid_code";

    @Inject
    TokenStore tokenStore;

    @Inject
    RefreshLocks refreshLocks;

    @Inject
    RefreshBackoff backoff;

    @Inject
    com.zylker.portal.core.metrics.PortalMetrics metrics;

    @Inject
    ZohoOAuthClient oauth;

    @Inject
    ZohoAccounts accounts;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock = Clock.systemUTC();

    private final ConcurrentMap<String, OAuthToken> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();

    @Override
    public ZohoAccess current(String user) {
        OAuthToken cached = cache.get(key(user));
        if (cached != null && isFresh(cached, null)) {
            return access(cached);
        }
        return refreshIfNeeded(user, null);
    }

    @Override
    public ZohoAccess renewAfterRejection(String user, String rejectedAccessToken) {
        cache.computeIfPresent(key(user), (k, t) -> rejectedAccessToken.equals(t.accessToken()) ? null : t);
        return refreshIfNeeded(user, rejectedAccessToken);
    }

    /** Forgets what this node cached for a user (sign-out). */
    public void forget(String user) {
        cache.remove(key(user));
    }

    /**
     * Stores a new sign-in's token (the contract's upsert: one row per user) in the same queue as refreshes
     * and sign-outs, so a refresh in flight cannot save the old refresh token over the new one after the
     * sign-in revoked it.
     *
     * @param existingTokenId the user's current token row, or {@code null} on a first sign-in (nothing to race)
     */
    public OAuthToken storeGrant(OAuthToken replacement, String existingTokenId) {
        String user = replacement.userName();
        return underUserLocks(user, existingTokenId, () -> {
            OAuthToken saved = tokenStore.saveToken(replacement);
            cache.remove(key(user));
            if (backoff != null) {
                backoff.clear(saved.id()); // a new grant starts without the old one's failures
            }
            return saved;
        });
    }

    /**
     * Ends the user's grant: revokes the refresh token at Zoho, then deletes the token row (and with it, by
     * {@code ON DELETE CASCADE}, every session of the user), in the refresh queue, so a refresh finishing
     * meanwhile can neither resurrect the row nor leave a grant behind.
     *
     * @return what happened at Zoho; {@link Revocation#NONE} when no token was stored
     */
    public Revocation discard(String user) {
        Optional<OAuthToken> token = tokenStore.findToken(OAuthToken.builder().userName(user).build());
        if (token.isEmpty()) {
            forget(user);
            return Revocation.NONE;
        }
        return discard(token.get());
    }

    /**
     * Ends the grant {@code seen} (a token read earlier, e.g. before a sign-out ended its session), but only
     * if the row still holds that grant: when a new sign-in replaced the refresh token meanwhile, the new grant
     * is left alone. The row is deleted by id and version, under the user's locks.
     *
     * @return what happened at Zoho; {@link Revocation#NONE} when the grant was gone or replaced
     */
    public Revocation discard(OAuthToken seen) {
        String user = seen.userName();
        return underUserLocks(user, seen.id(), () -> {
            Optional<OAuthToken> current = tokenStore.findTokenById(seen.id());
            if (current.isEmpty()) {
                forget(user);
                return Revocation.NONE;
            }
            if (!java.util.Objects.equals(current.get().refreshToken(), seen.refreshToken())) {
                LOG.info(() -> "token " + seen.id() + " holds a newer grant: left in place");
                return Revocation.NONE;
            }
            Revocation outcome = revoke(current.get());
            if (!tokenStore.deleteTokenIfUnchanged(current.get().id(), current.get().version())) {
                LOG.info(() -> "token " + seen.id() + " changed while it was being discarded: left in place");
            }
            forget(user);
            return outcome;
        });
    }

    /**
     * Ends a token that no live session uses (the purge): revoked at Zoho and deleted, unless a session
     * appeared meanwhile ({@code stillUnused} is asked again under the token's locks).
     *
     * @return what happened at Zoho, or empty when the token was kept
     */
    public Optional<Revocation> discardUnused(String tokenId, java.util.function.Predicate<String> stillUnused) {
        Optional<OAuthToken> token = tokenStore.findTokenById(tokenId);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String user = token.get().userName() == null ? tokenId : token.get().userName();
        return underUserLocks(user, tokenId, () -> {
            Optional<OAuthToken> current = tokenStore.findTokenById(tokenId);
            if (current.isEmpty() || !stillUnused.test(tokenId)) {
                return Optional.<Revocation>empty();
            }
            Revocation outcome = revoke(current.get());
            boolean deleted = tokenStore.deleteTokenIfUnchanged(tokenId, current.get().version());
            forget(user);
            return deleted ? Optional.of(outcome) : Optional.<Revocation>empty();
        });
    }

    /**
     * One grant delete-all could not revoke: Zoho did not confirm, or ({@code unreadable}) the stored row no
     * longer decrypts, so Zoho was never asked and the grant stays live there until revoked in Zoho's console
     * ({@code user} is then the name as stored, unverified).
     */
    public record RevocationFailure(String user, String dataCentre, boolean unreadable) {

        public RevocationFailure(String user, String dataCentre) {
            this(user, dataCentre, false);
        }
    }

    /**
     * Delete-all: revokes every stored grant at Zoho, then deletes every token ({@code deleteTokens()}), and
     * with them every session. Rows are deleted whether or not Zoho confirmed.
     *
     * @return the grants whose revocation Zoho refused or did not answer, and how many were revoked
     */
    public DeleteAllOutcome revokeAndDeleteAll() {
        List<RevocationFailure> failures = new java.util.ArrayList<>();
        int revoked = 0;
        // A row that cannot be decrypted cannot be revoked either: it is listed as a failure and deleted too.
        List<TokenStore.UnreadableToken> unreadable = new java.util.ArrayList<>();
        List<OAuthToken> tokens = tokenStore.getReadableTokens(unreadable::add);
        for (TokenStore.UnreadableToken row : unreadable) {
            failures.add(new RevocationFailure(row.userName(), Optional.ofNullable(row.accountsServer())
                    .flatMap(accounts::byAccountsServer).map(ZohoDataCentre::id).orElse("?"), true));
        }
        for (OAuthToken token : tokens) {
            Revocation outcome = revoke(token);
            if (outcome == Revocation.FAILED) {
                failures.add(new RevocationFailure(token.userName(), Optional.ofNullable(token.accountsServer())
                        .flatMap(accounts::byAccountsServer).map(ZohoDataCentre::id).orElse("?")));
            } else if (outcome == Revocation.REVOKED) {
                revoked++;
            }
        }
        tokenStore.deleteTokens();
        cache.clear();
        return new DeleteAllOutcome(tokens.size() + unreadable.size(), revoked, List.copyOf(failures));
    }

    /** What delete-all did: tokens deleted, revocations Zoho confirmed, and the ones it did not. */
    public record DeleteAllOutcome(int tokens, int revoked, List<RevocationFailure> failures) {
    }

    /** What revoking a grant at Zoho gave. */
    public enum Revocation {
        /** Zoho confirmed. */
        REVOKED,
        /** Zoho refused or did not answer; the portal's copy is deleted anyway. */
        FAILED,
        /** There was nothing to revoke. */
        NONE
    }

    /** Revokes a token's refresh token at its data centre, never throwing: the caller deletes the row either way. */
    public Revocation revoke(OAuthToken token) {
        if (token.refreshToken() == null) {
            return Revocation.NONE;
        }
        Optional<ZohoDataCentre> dc = Optional.ofNullable(token.accountsServer()).flatMap(accounts::byAccountsServer);
        if (dc.isEmpty()) {
            LOG.warning(() -> "token " + token.id() + " has no configured data centre: its grant cannot be revoked");
            return Revocation.FAILED;
        }
        try {
            oauth.revoke(dc.get(), token.refreshToken());
            return Revocation.REVOKED;
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not revoke a refresh token at " + dc.get().id() + ": " + e.getClass().getSimpleName());
            return Revocation.FAILED;
        }
    }

    private <T> T underUserLocks(String user, String tokenId, java.util.function.Supplier<T> work) {
        ReentrantLock local = localLocks.computeIfAbsent(key(user), k -> new ReentrantLock());
        acquire(local);
        try {
            if (tokenId == null) {
                return work.get();
            }
            try {
                return refreshLocks.underLock(tokenId, work);
            } catch (RefreshLocks.RefreshLockTimeoutException e) {
                throw new ZohoUnavailableException("Zoho is slow to renew your sign-in — please retry in a moment.",
                        Duration.ofSeconds(5), e);
            }
        } finally {
            local.unlock();
        }
    }

    private ZohoAccess refreshIfNeeded(String user, String rejected) {
        ReentrantLock local = localLocks.computeIfAbsent(key(user), k -> new ReentrantLock());
        acquire(local);
        try {
            OAuthToken token = load(user);
            if (isFresh(token, rejected)) {
                return access(remember(token));
            }
            if (crossNodeLockDisabled()) {
                return access(remember(refresh(token)));
            }
            return access(remember(refreshUnderLock(user, token, rejected)));
        } finally {
            local.unlock();
        }
    }

    private OAuthToken refreshUnderLock(String user, OAuthToken token, String rejected) {
        Outcome outcome;
        try {
            outcome = refreshLocks.underLock(token.id(), () -> {
                OAuthToken current = load(user);
                if (isFresh(current, rejected)) {
                    return Outcome.ok(current);
                }
                return attempt(current);
            });
        } catch (RefreshLocks.RefreshLockTimeoutException e) {
            // Another node is still refreshing. Its result may have landed meanwhile.
            OAuthToken again = load(user);
            if (isFresh(again, rejected)) {
                return again;
            }
            throw new ZohoUnavailableException("Zoho is slow to renew your sign-in — please retry in a moment.",
                    Duration.ofSeconds(5), e);
        }
        return settle(outcome);
    }

    private OAuthToken refresh(OAuthToken token) {
        return settle(attempt(token));
    }

    /**
     * One refresh at Zoho, unless a recent failure of this token's refresh (any node's) says to wait: then
     * Zoho is not asked at all. A failure is remembered for the next requests; a success forgets it.
     */
    private Outcome attempt(OAuthToken current) {
        Instant now = clock.instant();
        Optional<Instant> wait = backoff == null ? Optional.empty() : backoff.waitUntil(current.id(), now);
        if (wait.isPresent()) {
            return Outcome.waiting(current, Duration.between(now, wait.get()));
        }
        try {
            OAuthToken refreshed = refreshAndSave(current);
            if (backoff != null) {
                backoff.clear(current.id());
            }
            count("ok");
            return Outcome.ok(refreshed);
        } catch (ZohoOAuthException e) {
            boolean dead = e.kind() == ZohoOAuthException.Kind.GRANT_REFUSED && REFRESH_TOKEN_DEAD.equals(e.zohoError());
            count(e.kind() == ZohoOAuthException.Kind.GRANT_REFUSED ? "refused" : "failed");
            if (!dead && backoff != null) {
                Duration atLeast = e.kind() == ZohoOAuthException.Kind.RATE_LIMITED ? Duration.ofSeconds(60) : Duration.ZERO;
                backoff.failed(current.id(), now, atLeast);
            }
            return Outcome.failed(current, e);
        }
    }

    private OAuthToken settle(Outcome outcome) {
        if (outcome.waitFor != null) {
            long seconds = Math.max(1, outcome.waitFor.toSeconds() + (outcome.waitFor.toMillisPart() > 0 ? 1 : 0));
            throw new ZohoUnavailableException("Renewing your Zoho sign-in failed a moment ago; the portal will try"
                    + " again in " + seconds + " s.", Duration.ofSeconds(seconds), null);
        }
        if (outcome.failure != null) {
            throw handleRefusal(outcome.token, outcome.failure);
        }
        return outcome.token;
    }

    private void count(String outcome) {
        if (metrics != null) {
            metrics.tokenRefresh(outcome);
        }
    }

    private OAuthToken refreshAndSave(OAuthToken token) {
        if (token.refreshToken() == null) {
            endSignIn(token, "no refresh token stored");
            throw new SignInEndedException("no refresh token stored for the user");
        }
        ZohoDataCentre dc = dataCentreOf(token);
        TokenGrant grant = oauth.refresh(dc, token.refreshToken());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OAuthToken refreshed = token.toBuilder()
                .accessToken(grant.accessToken())
                .refreshToken(grant.refreshToken() != null ? grant.refreshToken() : token.refreshToken())
                // Where bearer tokens go is decided by configuration, never by the token response.
                .apiDomain(Optional.ofNullable(grant.apiDomain()).flatMap(accounts::byApiDomain)
                        .filter(d -> d.id().equals(dc.id())).orElse(dc).apiUrl().toString())
                .expiryTime(now.plus(grant.expiresIn()))
                .build();
        // Only onto the row that was read: after a sign-out (row gone) or a new sign-in (row changed) the
        // refreshed values are stale and must not be written back.
        Optional<OAuthToken> saved = tokenStore.updateTokenIfUnchanged(refreshed);
        if (saved.isPresent()) {
            LOG.fine(() -> "refreshed the Zoho access token of token " + token.id());
            return saved.get();
        }
        return tokenStore.findTokenById(token.id())
                .or(() -> tokenStore.findToken(OAuthToken.builder().userName(token.userName()).build()))
                .orElseThrow(() -> {
                    cache.remove(key(token.userName()));
                    return new SignInEndedException("the user signed out while the token was being refreshed");
                });
    }

    private RuntimeException handleRefusal(OAuthToken token, ZohoOAuthException e) {
        if (e.kind() == ZohoOAuthException.Kind.GRANT_REFUSED && REFRESH_TOKEN_DEAD.equals(e.zohoError())) {
            // The refresh token is dead (revoked, password changed, app removed): only a new consent helps.
            // Deleting the token ends every session of the user (ON DELETE CASCADE).
            endSignIn(token, "Zoho refused the refresh token (" + e.zohoError() + ")");
            return new SignInEndedException("Zoho refused the refresh token: " + e.zohoError());
        }
        if (e.kind() == ZohoOAuthException.Kind.GRANT_REFUSED) {
            // invalid_client and friends: our client settings (secret, data centre) are wrong, not the user's
            // grant. Keep every token; signing everyone out would not fix it and would cost them a consent.
            LOG.severe(() -> "Zoho refused a refresh with '" + e.zohoError() + "': check zoho.client-id,"
                    + " zoho.client-secret and the data-centre settings. Users keep their sessions.");
            return new ZohoUnavailableException("The portal cannot renew your Zoho sign-in right now; the portal team"
                    + " has been alerted. Please retry later.", Duration.ofSeconds(60), e);
        }
        Duration retry = e.kind() == ZohoOAuthException.Kind.RATE_LIMITED ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
        return new ZohoUnavailableException(e.kind() == ZohoOAuthException.Kind.RATE_LIMITED
                ? "Zoho is limiting sign-in renewals right now — please retry in a minute."
                : "Zoho is not answering right now — please retry in a moment.", retry, e);
    }

    /** Deletes a token that can never work again; its sessions go with it. */
    private void endSignIn(OAuthToken token, String reason) {
        tokenStore.deleteToken(token.id());
        cache.remove(key(token.userName()));
        LOG.info(() -> reason + " for token " + token.id() + ": the user's sessions were ended");
    }

    private ZohoDataCentre dataCentreOf(OAuthToken token) {
        Optional<ZohoDataCentre> dc = Optional.ofNullable(token.accountsServer()).flatMap(accounts::byAccountsServer);
        if (dc.isEmpty()) {
            dc = Optional.ofNullable(token.apiDomain()).flatMap(accounts::byApiDomain);
        }
        if (dc.isEmpty()) {
            endSignIn(token, "the token's data centre is no longer configured");
            throw new SignInEndedException("the token's data centre is no longer configured");
        }
        return dc.get();
    }

    private OAuthToken load(String user) {
        return tokenStore.findToken(OAuthToken.builder().userName(user).build())
                .orElseThrow(() -> {
                    cache.remove(key(user));
                    return new SignInEndedException("no Zoho token stored for the user");
                });
    }

    /** Valid for at least the margin, and not the token Zoho just rejected. */
    boolean isFresh(OAuthToken token, String rejected) {
        if (token.accessToken() == null || token.expiryTime() == null || token.accessToken().equals(rejected)) {
            return false;
        }
        return clock.instant().plus(margin(token)).isBefore(token.expiryTime());
    }

    static Duration margin(OAuthToken token) {
        if (token.updatedAt() == null) {
            return MAX_MARGIN;
        }
        Duration lifetime = Duration.between(token.updatedAt(), token.expiryTime());
        Duration tenth = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(10);
        return tenth.compareTo(MAX_MARGIN) < 0 ? tenth : MAX_MARGIN;
    }

    private OAuthToken remember(OAuthToken token) {
        // The cache needs the access token and its times only: refresh token and client secret stay in the store.
        cache.put(key(token.userName()), token.toBuilder().refreshToken(null).clientSecret(null).grantToken(null).build());
        return token;
    }

    /** The API host comes from configuration at every use (the token's data centre), never from the stored row. */
    private ZohoAccess access(OAuthToken token) {
        return new ZohoAccess(token.accessToken(), dataCentreOf(token).apiUrl());
    }

    private boolean crossNodeLockDisabled() {
        // Test-only: lets the cross-node test prove it can fail. Never set in production.
        return config.optionalValue("portal.test.disable-refresh-lock").map(Boolean::parseBoolean).orElse(false);
    }

    private static void acquire(ReentrantLock lock) {
        try {
            if (!lock.tryLock(LOCAL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ZohoUnavailableException("Zoho is slow to renew your sign-in — please retry in a moment.",
                        Duration.ofSeconds(5), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZohoUnavailableException("interrupted while waiting for a token refresh", Duration.ofSeconds(5), e);
        }
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    private record Outcome(OAuthToken token, ZohoOAuthException failure, Duration waitFor) {
        static Outcome ok(OAuthToken token) {
            return new Outcome(token, null, null);
        }

        static Outcome failed(OAuthToken token, ZohoOAuthException failure) {
            return new Outcome(token, failure, null);
        }

        static Outcome waiting(OAuthToken token, Duration wait) {
            return new Outcome(token, null, wait);
        }
    }
}
