package com.zylker.portal.core.admin;

import com.zylker.portal.core.access.AccessTokenService;
import com.zylker.portal.core.access.AccessTokenService.Revocation;
import com.zylker.portal.core.session.PortalSession;
import com.zylker.portal.core.session.PortalSessions;
import com.zylker.portal.core.token.OAuthToken;
import com.zylker.portal.core.token.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What an administrator may do about who holds a Zoho grant through the portal: end one session (and, when
 * it was the user's last live one, revoke and delete the grant), sign a user out everywhere, delete every
 * grant, block and unblock a person. Every action is audited with the administrator and their address.
 */
@ApplicationScoped
public class PortalAdministration {

    @Inject
    PortalSessions sessions;

    @Inject
    AccessTokenService accessTokens;

    @Inject
    TokenStore tokenStore;

    @Inject
    AuditTrail audit;

    @Inject
    BlockedUsers blocked;

    /** What revoking one session did. */
    public record SessionRevoked(PortalSession session, boolean grantEnded, Revocation revocation) {
    }

    /**
     * Ends one session; when no other live session of that user remains, revokes the grant at Zoho and
     * deletes the token.
     *
     * @return empty when the session no longer exists
     */
    public Optional<SessionRevoked> revokeSession(String publicId, String admin, String clientIp) {
        Optional<PortalSession> ended = sessions.endByPublicId(publicId);
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        PortalSession session = ended.get();
        Revocation revocation = Revocation.NONE;
        boolean last = sessions.countLiveFor(session.userEmail()) == 0;
        if (last) {
            Optional<OAuthToken> token = tokenStore.findTokenById(session.tokenId());
            revocation = token.map(accessTokens::discard).orElse(Revocation.NONE);
        }
        audit.record(AuditAction.REVOKE_SESSION, admin, session.userEmail(), 1, !last ? "other live sessions remain"
                : revocation == Revocation.FAILED ? "grant deleted; Zoho did not confirm the revocation"
                : "grant revoked and deleted", clientIp);
        if (revocation == Revocation.FAILED) {
            audit.record(AuditAction.REVOCATION_REFUSED, admin, session.userEmail(), 1, "revoke session", clientIp);
        }
        return Optional.of(new SessionRevoked(session, last, revocation));
    }

    /** Ends every session of a user and revokes and deletes their grant; returns how many sessions ended. */
    public int signOutEverywhere(String email, String admin, String clientIp) {
        String user = BlockedUsers.normalize(email);
        int ended = sessions.endAllFor(user);
        Revocation revocation = accessTokens.discard(user);
        audit.record(AuditAction.ADMIN_SIGN_OUT_USER, admin, user, ended, revocationText(revocation), clientIp);
        if (revocation == Revocation.FAILED) {
            audit.record(AuditAction.REVOCATION_REFUSED, admin, user, 1, "sign out everywhere", clientIp);
        }
        return ended;
    }

    /**
     * Delete all: every grant revoked at Zoho, then {@code deleteTokens()} — every session goes with its token,
     * the administrator's own included. Revocations Zoho refused are returned and audited; their rows are
     * deleted anyway.
     */
    public AccessTokenService.DeleteAllOutcome deleteAll(String admin, String clientIp) {
        AccessTokenService.DeleteAllOutcome outcome = accessTokens.revokeAndDeleteAll();
        int orphans = sessions.endAll();
        audit.record(AuditAction.DELETE_ALL, admin, null, outcome.tokens(), outcome.revoked() + " revoked at Zoho, "
                + outcome.failures().size() + " not confirmed" + (orphans > 0 ? ", " + orphans + " further sessions" : ""),
                clientIp);
        for (AccessTokenService.RevocationFailure failure : outcome.failures()) {
            audit.record(AuditAction.REVOCATION_REFUSED, admin, failure.user(), 1, failure.unreadable()
                    ? "delete all: the stored grant (" + failure.dataCentre() + ", user as stored) could not be decrypted,"
                            + " so Zoho was not asked: revoke it in Zoho's console"
                    : "delete all: Zoho (" + failure.dataCentre() + ") did not confirm the revocation", clientIp);
        }
        return outcome;
    }

    /**
     * Blocks a person who left: their sessions end, their grant is revoked, and they cannot sign in until
     * unblocked.
     *
     * @return whether they were not blocked already
     */
    public boolean block(String email, String admin, String clientIp) {
        String user = requireEmail(email);
        String zuid = tokenStore.findToken(OAuthToken.builder().userName(user).build()).map(OAuthToken::zuid).orElse(null);
        boolean added = blocked.block(user, zuid, admin);
        int ended = sessions.endAllFor(user);
        Revocation revocation = accessTokens.discard(user);
        audit.record(AuditAction.BLOCK, admin, user, ended, revocationText(revocation), clientIp);
        return added;
    }

    public boolean unblock(String email, String admin, String clientIp) {
        String user = requireEmail(email);
        boolean removed = blocked.unblock(user);
        if (removed) {
            audit.record(AuditAction.UNBLOCK, admin, user, null, null, clientIp);
        }
        return removed;
    }

    private static String requireEmail(String email) {
        String user = BlockedUsers.normalize(email);
        if (user.length() < 3 || user.length() > 320 || user.indexOf('@') < 1 || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an email address is required");
        }
        return user;
    }

    private static String revocationText(Revocation revocation) {
        return switch (revocation) {
            case REVOKED -> "grant revoked and deleted";
            case FAILED -> "grant deleted; Zoho did not confirm the revocation";
            case NONE -> "no grant held";
        };
    }
}
