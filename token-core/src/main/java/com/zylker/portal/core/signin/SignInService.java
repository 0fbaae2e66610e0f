package com.zylker.portal.core.signin;

import com.zylker.portal.core.access.AccessTokenService;
import com.zylker.portal.core.admin.AuditAction;
import com.zylker.portal.core.admin.AuditTrail;
import com.zylker.portal.core.admin.BlockedUsers;
import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.zoho.crm.ZohoCrmClient;
import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.token.TokenStore;
import com.zylker.portal.core.zoho.accounts.TokenGrant;
import com.zylker.portal.core.zoho.accounts.ZohoAccounts;
import com.zylker.portal.core.zoho.accounts.ZohoClientSettings;
import com.zylker.portal.core.zoho.accounts.ZohoDataCentre;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthClient;
import com.zylker.portal.core.zoho.accounts.ZohoOAuthException;
import com.zylker.portal.core.zoho.accounts.ZohoUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Login with Zoho, start to finish: the authorization redirect with a single-use {@code state}, and the
 * callback — state check, data centre check, code exchange at that data centre only, profile, the token
 * handed to its one owner ({@link AccessTokenService#storeGrant}), the user's previous refresh token revoked,
 * a new portal session. This class reads the {@link TokenStore} but never writes it.
 *
 * <p>Order matters for "no orphan rows": everything that can fail at Zoho happens before anything is written.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class.getName());

    @Inject
    PortalSessions sessions;

    @Inject
    ZohoAccounts accounts;

    @Inject
    ZohoOAuthClient oauth;

    @Inject
    ZohoClientSettings settings;

    @Inject
    TokenStore tokenStore;

    @Inject
    AccessTokenService accessTokens;

    @Inject
    Clock clock = Clock.systemUTC();

    @Inject
    PortalConfig config;

    @Inject
    BlockedUsers blocked;

    @Inject
    AuditTrail audit;

    @Inject
    ZohoCrmClient crm;

    /** A sign-in started: where to send the browser, and the state to bind to it (cookie). */
    public record Started(URI authorizationUrl, String state) {
        @Override
        public String toString() {
            return "Started[" + authorizationUrl.getHost() + "]";
        }
    }

    /** A sign-in completed: the new session's cookie value and where to go. */
    public record Completed(String sessionId, String returnTo) {
        @Override
        public String toString() {
            return "Completed[returnTo=" + returnTo + "]";
        }
    }

    /** What the callback received from the browser; every field may be absent or hostile. */
    public record Callback(String code, String state, String location, String accountsServer, String error) {
        @Override
        public String toString() {
            return "Callback[location=" + location + ", error=" + error + "]";
        }
    }

    public Started start(String dataCentre, String returnTo) {
        return start(dataCentre, returnTo, null);
    }

    /**
     * Starts a sign-in from a client address; pending sign-ins are bounded per address and in total.
     *
     * @throws PortalSessions.TooManySignInsException when too many are pending
     */
    public Started start(String dataCentre, String returnTo, String clientIp) {
        ZohoDataCentre dc = Optional.ofNullable(dataCentre).flatMap(accounts::byId).orElse(accounts.defaultDc());
        String state = sessions.beginLogin(ReturnPaths.sanitize(returnTo), clientIp);
        return new Started(oauth.authorizationUrl(dc, state), state);
    }

    public Completed complete(Callback callback, String stateCookie, String previousSessionId,
                              String clientIp, String userAgent) {
        String returnTo = checkState(callback.state(), stateCookie);
        if (callback.error() != null) {
            throw new SignInFailedException("access_denied".equals(callback.error())
                    ? SignInProblem.DECLINED : SignInProblem.ZOHO_ERROR, "callback error", null);
        }
        ZohoDataCentre dc = dataCentre(callback);
        if (callback.code() == null || callback.code().isBlank() || callback.code().length() > 1000) {
            throw new SignInFailedException(SignInProblem.CODE_REFUSED, "no code on the callback", null);
        }
        TokenGrant grant = zoho(() -> oauth.exchangeCode(dc, callback.code()));
        boolean stored = false;
        try {
            ZohoUser user = zoho(() -> oauth.userInfo(dc, grant.accessToken()));
            String email = user.email().trim().toLowerCase(Locale.ROOT);
            String zuid = user.zuid() == null || user.zuid().isBlank() ? null : user.zuid().strip();
            admit(dc, grant, email, zuid, clientIp);

            Optional<OAuthToken> previous = tokenStore.findToken(OAuthToken.builder().userName(email).build());
            if (previous.isPresent() && previous.get().zuid() != null && zuid != null && !zuid.equals(previous.get().zuid())) {
                // The email now belongs to another Zoho account: the old account's grant is revoked and
                // deleted (its sessions with it), and never reused for the new one.
                OAuthToken old = previous.get();
                LOG.info(() -> "the email of token " + old.id() + " moved to another Zoho account: old grant ended");
                accessTokens.discard(old);
                previous = Optional.empty();
            }
            // A stored refresh token is reused only when both sides name the same Zoho account: a row from
            // before ZUIDs were kept (or a userinfo without one) proves nothing, so that grant is not reused.
            final String newZuid = zuid;
            Optional<OAuthToken> reusable = previous.filter(old -> old.zuid() != null && old.zuid().equals(newZuid));
            String refreshToken = grant.refreshToken() != null ? grant.refreshToken()
                    : reusable.map(OAuthToken::refreshToken).orElse(null);
            if (refreshToken == null) {
                throw new SignInFailedException(SignInProblem.NO_OFFLINE_ACCESS, "no refresh token granted", null);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            OAuthToken replacement = OAuthToken.builder()
                    .id(previous.map(OAuthToken::id).orElse(null))
                    .userName(email)
                    .zuid(zuid)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .accessToken(grant.accessToken())
                    .refreshToken(refreshToken)
                    .expiryTime(now.plus(grant.expiresIn()))
                    .redirectUrl(settings.redirectUri().toString())
                    .apiDomain(apiDomainOf(dc, grant.apiDomain()))
                    .accountsServer(dc.accountsUrl().toString())
                    .build();
            // In the refresh queue: a refresh in flight must not save the old refresh token over this one.
            OAuthToken saved = accessTokens.storeGrant(replacement, previous.map(OAuthToken::id).orElse(null));
            stored = true;
            previous.filter(p -> p.refreshToken() != null && !p.refreshToken().equals(refreshToken))
                    .ifPresent(accessTokens::revoke);

            if (previousSessionId != null) {
                sessions.end(previousSessionId);
            }
            String sessionId = sessions.create(email, user.displayName(), zuid, saved.id(), dc.id(), clientIp, userAgent);
            audit.record(AuditAction.SIGN_IN, email, email, null, "data centre " + dc.id(), clientIp);
            return new Completed(sessionId, returnTo);
        } catch (RuntimeException e) {
            if (!stored && grant.refreshToken() != null) {
                // Zoho keeps at most 20 refresh tokens per user: never leave one behind that nobody stores.
                revokeQuietly(dc, grant.refreshToken());
            }
            throw e instanceof SignInFailedException ? e
                    : new SignInFailedException(SignInProblem.PORTAL_UNAVAILABLE, "sign-in failed after the code exchange", e);
        }
    }

    /**
     * Ends this browser's session; when it was the user's last one (or {@code everywhere}), also revokes the
     * refresh token at Zoho and deletes the token row.
     *
     * @return the signed-out user's email, if the session existed
     */
    public Optional<String> signOut(String sessionId, boolean everywhere) {
        return signOut(sessionId, everywhere, null);
    }

    /**
     * As {@link #signOut(String, boolean)}, recorded in the audit trail with the client address. Only live
     * sessions count as "another browser": expired rows the purge has not removed yet do not keep the grant.
     * The token is read before the session ends and discarded only if it still holds that grant, so a
     * sign-out racing a new sign-in in another browser does not revoke the new grant.
     */
    public Optional<String> signOut(String sessionId, boolean everywhere, String clientIp) {
        Optional<String> owner = sessions.peekUser(sessionId);
        Optional<OAuthToken> token = owner.flatMap(email -> tokenStore.findToken(OAuthToken.builder().userName(email).build()));
        Optional<String> user = sessions.end(sessionId);
        user.ifPresent(email -> {
            if (everywhere) {
                sessions.endAllFor(email);
            }
            if (everywhere || sessions.countLiveFor(email) == 0) {
                if (token.isPresent() && token.get().userName() != null && token.get().userName().equalsIgnoreCase(email)) {
                    accessTokens.discard(token.get());
                } else {
                    accessTokens.discard(email);
                }
            }
            audit.record(everywhere ? AuditAction.SIGN_OUT_EVERYWHERE : AuditAction.SIGN_OUT, email, email, null, null, clientIp);
        });
        return user;
    }

    /**
     * Who may sign in ({@link SignInPolicy}), and nobody blocked. A refusal is audited and thrown; the caller
     * revokes the fresh grant, and nothing has been stored.
     */
    private void admit(ZohoDataCentre dc, TokenGrant grant, String email, String zuid, String clientIp) {
        if (blocked != null && blocked.isBlocked(email, zuid)) {
            audit.record(AuditAction.SIGN_IN_REFUSED, email, email, null, "blocked", clientIp);
            throw new SignInFailedException(SignInProblem.BLOCKED, "blocked user", null);
        }
        SignInPolicy policy = SignInPolicy.of(config);
        if (policy.admitsByDomain(email)) {
            return;
        }
        if (policy.checksOrganization()) {
            try {
                String orgId = crm.orgWith(grant.accessToken(), URI.create(apiDomainOf(dc, grant.apiDomain()))).id();
                if (policy.admitsOrganization(orgId)) {
                    return;
                }
            } catch (RuntimeException e) {
                // No CRM access (Books-only staff outside the allowed domains) or CRM unavailable: not admitted.
                LOG.info(() -> "CRM organization check failed: " + e.getClass().getSimpleName());
            }
        }
        audit.record(AuditAction.SIGN_IN_REFUSED, email, email, null, "domain or organization not allowed", clientIp);
        throw new SignInFailedException(SignInProblem.NOT_ALLOWED, "domain or organization not allowed", null);
    }

    private String checkState(String state, String stateCookie) {
        if (state == null || stateCookie == null
                || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), stateCookie.getBytes(StandardCharsets.UTF_8))) {
            // Still consume it: a state seen once with the wrong browser must not work later with the right one.
            if (state != null) {
                sessions.consumeLogin(state);
            }
            throw new SignInFailedException(SignInProblem.STATE_INVALID, "state missing or not bound to this browser", null);
        }
        return sessions.consumeLogin(state)
                .map(r -> r.isEmpty() ? ReturnPaths.HOME : r)
                .orElseThrow(() -> new SignInFailedException(SignInProblem.STATE_INVALID, "state unknown, used or expired", null));
    }

    /**
     * The API domain the user's bearer token will be sent to: Zoho's answer only when it is the configured API
     * domain of the same data centre, else that data centre's configured one. The token response is data from
     * outside; it must not choose where tokens go.
     */
    private String apiDomainOf(ZohoDataCentre dc, String answered) {
        return Optional.ofNullable(answered).flatMap(accounts::byApiDomain).filter(d -> d.id().equals(dc.id()))
                .orElse(dc).apiUrl().toString();
    }

    private ZohoDataCentre dataCentre(Callback callback) {
        if (callback.accountsServer() == null) {
            // Single-DC callbacks carry no accounts-server: the code came from the DC the sign-in started at.
            return Optional.ofNullable(callback.location()).flatMap(accounts::byId).orElse(accounts.defaultDc());
        }
        ZohoDataCentre dc = accounts.byAccountsServer(callback.accountsServer())
                .orElseThrow(() -> new SignInFailedException(SignInProblem.FOREIGN_SERVER, "unknown accounts-server", null));
        if (callback.location() != null && !callback.location().toLowerCase(Locale.ROOT).equals(dc.id())) {
            throw new SignInFailedException(SignInProblem.FOREIGN_SERVER, "location and accounts-server disagree", null);
        }
        return dc;
    }

    private <T> T zoho(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ZohoOAuthException e) {
            SignInProblem problem = switch (e.kind()) {
                case GRANT_REFUSED -> SignInProblem.CODE_REFUSED;
                case RATE_LIMITED, UNAVAILABLE -> SignInProblem.ZOHO_UNAVAILABLE;
                case PROTOCOL -> SignInProblem.ZOHO_ERROR;
            };
            throw new SignInFailedException(problem, "Zoho call failed: " + e.kind(), e);
        }
    }

    private void revokeQuietly(ZohoDataCentre dc, String refreshToken) {
        try {
            oauth.revoke(dc, refreshToken);
        } catch (RuntimeException e) {
            // The user is signed out on our side either way; a grant Zoho still holds is logged, not fatal.
            LOG.log(Level.WARNING, "could not revoke a refresh token at " + dc.id() + ": " + e.getClass().getSimpleName());
        }
    }
}
