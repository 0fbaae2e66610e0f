package com.zylker.portal.core.persistence;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Runs a unit of work in its own database transaction, hiding whether the transaction is JTA (in the
 * container) or resource-local (tests, benchmarks, tools). Stores depend on this instead of an injected
 * {@code EntityManager} so that they can retry a whole transaction, e.g. after a deadlock.
 *
 * <pre>{@code
 * long rows = transactor.inTransaction(em -> em.createQuery("select count(t) from OAuthTokenEntity t", Long.class)
 *         .getSingleResult());
 * }</pre>
 */
public interface Transactor {

    /**
     * Begins a transaction, applies {@code work} to an {@code EntityManager} bound to it, and commits; rolls
     * back and rethrows when {@code work} or the commit throws.
     */
    <T> T inTransaction(Function<EntityManager, T> work);
}
