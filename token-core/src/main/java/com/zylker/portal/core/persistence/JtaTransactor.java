package com.zylker.portal.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * The {@link Transactor} inside the container: each unit of work gets its own JTA transaction
 * ({@code REQUIRES_NEW}), so a store can retry a whole transaction (e.g. after a deadlock) even when its caller
 * is already in one, and no caller's transaction is ever held open around a store call's retries.
 */
@ApplicationScoped
public class JtaTransactor implements Transactor {

    @PersistenceContext(unitName = "portal")
    private EntityManager entityManager;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return work.apply(entityManager);
    }

    /**
     * Without a transaction ({@code NOT_SUPPORTED}: a caller's transaction is suspended, as {@code REQUIRES_NEW}
     * did, so the read sees the latest committed rows rather than the caller's snapshot; e.g. the token re-read
     * under the refresh lock). The container's entity manager reads in autocommit and detaches the results.
     */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T read(Function<EntityManager, T> work) {
        return work.apply(entityManager);
    }
}
