package com.zylker.portal.core.token;

import java.util.List;
import java.util.Optional;

/**
 * Where the portal keeps users' Zoho OAuth tokens: the Java form of the Zoho SDK's token-store contract
 * (Kaizen #192), so a token found by a partial description can be refreshed and saved back.
 *
 * <p>Lookup precedence, shared by {@link #findToken} and {@link #saveToken}:
 * <ol>
 *   <li>user name, when present (case-insensitive);</li>
 *   <li>else access token, when client id and client secret are both absent;</li>
 *   <li>else, with client id and client secret present: grant token if present, else refresh token
 *       (matching the client id as well);</li>
 *   <li>else nothing: a token without a key never matches a row.</li>
 * </ol>
 * "Present" means non-null and non-empty. Failures throw {@link TokenStoreException}.
 */
public interface TokenStore {

    /** The complete stored token matching {@code partial} by the precedence above, or empty. */
    Optional<OAuthToken> findToken(OAuthToken partial);

    /**
     * Inserts or updates {@code token}. The row matched by the precedence above (or, failing that, by
     * {@link OAuthToken#id()}) is replaced by {@code token}'s values, keeping its id and creation time;
     * without a match a row with a new random id is inserted. There is never more than one row per user.
     *
     * @return the token as stored, with id, version and timestamps (whole seconds)
     * @throws TokenStoreException when the token has no user name and no token value, a value exceeds its
     *                             limit, or the database fails
     */
    OAuthToken saveToken(OAuthToken token);

    /**
     * Updates the row with {@code token}'s id only if it is still the row that was read: same id, same
     * {@link OAuthToken#version()}. Beside the contract's {@link #saveToken} (which stays an upsert) for the
     * token's owner, the refresh: a refresh that finishes after a sign-out deleted the row, or after a new
     * sign-in replaced it, must not bring the old values back.
     *
     * @return the token as stored, or empty when the row is gone or was changed since it was read
     * @throws TokenStoreException when the token has no id or version, a value exceeds its limit, or the
     *                             database fails
     */
    Optional<OAuthToken> updateTokenIfUnchanged(OAuthToken token);

    /** Deletes the token with this id; unknown ids are ignored. */
    void deleteToken(String id);

    /**
     * Deletes the token with this id only if it still has this {@link OAuthToken#version()}: a sign-out that
     * read the token must not delete the grant a new sign-in stored meanwhile.
     *
     * @return whether a row was deleted
     */
    boolean deleteTokenIfUnchanged(String id, long version);

    /** Every stored token. */
    List<OAuthToken> getTokens();

    /**
     * Every stored token that opens; a row that does not (its key left the ring, or the row was altered) is
     * handed to {@code unreadable} instead of failing the whole listing, so that delete-all and the admin's
     * figures still work around one bad row.
     */
    default List<OAuthToken> getReadableTokens(java.util.function.Consumer<UnreadableToken> unreadable) {
        return getTokens();
    }

    /** A stored row that cannot be decrypted: what is stored in the clear about it. */
    record UnreadableToken(String id, String userName, String accountsServer) {
    }

    /** Deletes every stored token. */
    void deleteTokens();

    /** The token with this id, or empty. */
    Optional<OAuthToken> findTokenById(String id);
}
