package com.zylker.portal.books.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Books screens' three small tables (V20): a user's chosen organization, "read-only in Books" with its
 * expiry, and one-time form tokens. In the database so that every node knows the same; statements with
 * bound parameters only. Short transactions, never around a Zoho call.
 */
@ApplicationScoped
public class BooksStore {

    /** States of a form token (see V20). */
    public enum TokenState { CLAIMED, DONE, UNKNOWN }

    /** What a form token's row says. */
    public record TokenRow(TokenState state, String outcome) {
    }

    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    Clock clock;

    // ---- organization choice ---------------------------------------------------------------------------

    public Optional<String> chosenOrganization(String user) {
        List<?> rows = em.createNativeQuery("SELECT organization_id FROM books_org_choice WHERE user_email = ?1")
                .setParameter(1, key(user)).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).toString());
    }

    @Transactional
    public void chooseOrganization(String user, String organizationId) {
        int updated = em.createNativeQuery("UPDATE books_org_choice SET organization_id = ?1, chosen_at = ?2 WHERE user_email = ?3")
                .setParameter(1, organizationId).setParameter(2, now()).setParameter(3, key(user)).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO books_org_choice (user_email, organization_id, chosen_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, key(user)).setParameter(2, organizationId).setParameter(3, now()).executeUpdate();
        }
    }

    @Transactional
    public void forgetOrganization(String user) {
        em.createNativeQuery("DELETE FROM books_org_choice WHERE user_email = ?1").setParameter(1, key(user)).executeUpdate();
    }

    // ---- read-only -------------------------------------------------------------------------------------

    /** Remembered, not expired, and remembered since {@code signedInAt} (a later sign-in asks Books afresh). */
    public boolean readOnly(String user, String organizationId, java.time.Instant signedInAt) {
        LocalDateTime since = LocalDateTime.ofInstant(signedInAt, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return !em.createNativeQuery("SELECT 1 FROM books_read_only WHERE user_email = ?1 AND organization_id = ?2"
                        + " AND until_at > ?3 AND remembered_at >= ?4")
                .setParameter(1, key(user)).setParameter(2, organizationId).setParameter(3, now())
                .setParameter(4, since).getResultList().isEmpty();
    }

    @Transactional
    public void rememberReadOnly(String user, String organizationId, Duration howLong) {
        LocalDateTime now = now();
        LocalDateTime until = now.plus(howLong);
        int updated = em.createNativeQuery("UPDATE books_read_only SET until_at = ?1, remembered_at = ?2"
                        + " WHERE user_email = ?3 AND organization_id = ?4")
                .setParameter(1, until).setParameter(2, now).setParameter(3, key(user)).setParameter(4, organizationId)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO books_read_only (user_email, organization_id, remembered_at, until_at)"
                            + " VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, key(user)).setParameter(2, organizationId).setParameter(3, now).setParameter(4, until)
                    .executeUpdate();
        }
    }

    @Transactional
    public void forgetReadOnly(String user, String organizationId) {
        em.createNativeQuery("DELETE FROM books_read_only WHERE user_email = ?1 AND organization_id = ?2")
                .setParameter(1, key(user)).setParameter(2, organizationId).executeUpdate();
    }

    // ---- form tokens -----------------------------------------------------------------------------------

    /**
     * Claims a form token for its first submit: true once, false for every repeat (the row exists). A
     * duplicate key ends this transaction with an exception, which the caller's {@link #claim} reads as "taken".
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertClaim(String user, String token) {
        LocalDateTime now = now();
        em.createNativeQuery("DELETE FROM books_form_token WHERE created_at < ?1")
                .setParameter(1, now.minus(TOKEN_LIFETIME)).executeUpdate();
        em.createNativeQuery("INSERT INTO books_form_token (token_hash, user_email, state, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, hash(token)).setParameter(2, key(user)).setParameter(3, TokenState.CLAIMED.name())
                .setParameter(4, now).executeUpdate();
    }

    /** The token's row, if it was claimed (by this user). */
    public Optional<TokenRow> token(String user, String token) {
        List<?> rows = em.createNativeQuery("SELECT state, outcome FROM books_form_token WHERE token_hash = ?1 AND user_email = ?2")
                .setParameter(1, hash(token)).setParameter(2, key(user)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new TokenRow(TokenState.valueOf(row[0].toString()), row[1] == null ? null : row[1].toString()));
    }

    /** Moves a token from one state to another; false when it was not in {@code from} (someone else moved it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean moveToken(String user, String token, TokenState from, TokenState to, String outcome) {
        return em.createNativeQuery("UPDATE books_form_token SET state = ?1, outcome = ?2 WHERE token_hash = ?3"
                        + " AND user_email = ?4 AND state = ?5")
                .setParameter(1, to.name()).setParameter(2, outcome).setParameter(3, hash(token))
                .setParameter(4, key(user)).setParameter(5, from.name()).executeUpdate() == 1;
    }

    /** Gives a token back (the send changed nothing at Books): the same form may be sent again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseToken(String user, String token) {
        em.createNativeQuery("DELETE FROM books_form_token WHERE token_hash = ?1 AND user_email = ?2")
                .setParameter(1, hash(token)).setParameter(2, key(user)).executeUpdate();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
