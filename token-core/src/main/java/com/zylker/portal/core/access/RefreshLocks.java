package com.zylker.portal.core.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Cross-node mutual exclusion for token refreshes: a {@code SELECT … FOR UPDATE} on the token's row in
 * {@code token_refresh_lock}, held for the length of one transaction around the refresh call, with a lock
 * timeout. Nodes share nothing but the database, so the database is where they queue.
 *
 * <p>The work runs while the lock transaction is open; the {@link com.zylker.portal.core.token.TokenStore}
 * calls inside it run in transactions of their own ({@code REQUIRES_NEW}), so the refreshed token is
 * committed — visible to the next node in the queue — before the lock is released.
 */
@ApplicationScoped
public class RefreshLocks {

    static final int LOCK_TIMEOUT_MILLIS = 15_000;

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    /** Creates the lock row of a token if it is missing (its own transaction, so nobody waits on the insert). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensureRow(String tokenId) {
        if (em.find(TokenRefreshLockEntity.class, tokenId) == null) {
            em.persist(new TokenRefreshLockEntity(tokenId));
            em.flush();
        }
    }

    /**
     * Runs {@code work} while holding the token's refresh lock.
     *
     * @throws PersistenceException when the lock could not be had within the lock timeout
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T underLock(String tokenId, Supplier<T> work) {
        TokenRefreshLockEntity lock = em.find(TokenRefreshLockEntity.class, tokenId, LockModeType.PESSIMISTIC_WRITE,
                Map.of("jakarta.persistence.lock.timeout", LOCK_TIMEOUT_MILLIS));
        if (lock == null) {
            throw new PersistenceException("no refresh lock row for the token: it was deleted meanwhile");
        }
        return work.get();
    }
}
