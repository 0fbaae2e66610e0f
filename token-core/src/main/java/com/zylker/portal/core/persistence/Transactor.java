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

    /**
     * Applies {@code work}, which only reads, without an explicit transaction where the implementation can avoid
     * one: every statement runs on its own (autocommit) and sees the latest committed data, never a caller's
     * transaction snapshot. Saves the begin/commit round trips of {@link #inTransaction} for single-query reads.
     * Entities it returns are detached; {@code work} must not write.
     */
    default <T> T read(Function<EntityManager, T> work) {
        return inTransaction(work);
    }
}
