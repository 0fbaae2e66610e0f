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
}
